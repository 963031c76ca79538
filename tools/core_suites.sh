#!/usr/bin/env bash
# Odoo's own test suites of the core modules the suite extends, run twice on the same
# template: without the GESMIP addons, then with all of them installed. Prints both results and
# the tests that fail only with our addons (the ones that matter). Exit 1 if there are any.
# Takes about 25 minutes per run on 2 cores: not part of tools/test.sh.
#
#   tools/core_suites.sh                          the default module list
#   tools/core_suites.sh stock,product_expiry      a shorter list
#   GESMIP_CORE_PLAIN_LOG=old.log tools/core_suites.sh   reuse a run without our addons
#   GESMIP_CORE_PARALLEL=1 tools/core_suites.sh   both runs at once, one per core (about 1 hour
#                                                 on 2 cores instead of 1 h 20; more timing noise)
set -euo pipefail
# shellcheck source=setup.sh
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
CORE="${1:-stock,sale_stock,purchase_stock,product_expiry,mrp,hr_timesheet,event,portal,account,sale_management}"
OURS="$GESMIP_ADDONS"
gesmip_setup
gesmip_odoo_conf core "$GESMIP_ROOT/tests"
# shellcheck source=template_db.sh
source "$GESMIP_ROOT/tools/template_db.sh"
TEMPLATE="$(gesmip_template_db)"
TAGS="$(echo "$CORE" | sed 's/\([^,]*\)/\/\1/g')"
LOGDIR="$GESMIP_STATE/logs"
mkdir -p "$LOGDIR"

run_suites() { # run_suites NAME [OUR_ADDONS]
    local db="gesmip_core_$1_$$" start
    gesmip_copy_db "$TEMPLATE" "$db"
    if [ -n "${2:-}" ]; then
        gesmip_odoo -d "$db" -i "$2" --without-demo=all --stop-after-init --max-cron-threads=0 \
            --log-level=warn >"$LOGDIR/core-$1-install.log" 2>&1
    fi
    start=$(date +%s)
    gesmip_odoo -d "$db" -u "$CORE" --test-enable --test-tags "$TAGS" --without-demo=all \
        --stop-after-init --max-cron-threads=0 --http-port "$(gesmip_free_port)" >"$LOGDIR/core-$1.log" 2>&1 || true
    say "$1: $(grep -oE '[0-9]+ failed, [0-9]+ error\(s\) of [0-9]+ tests' "$LOGDIR/core-$1.log" | tail -n1) in $(($(date +%s) - start)) s"
    gesmip_drop_db "$db"
}

# GESMIP_CORE_PLAIN_LOG=path reuses a run without our addons (the same Odoo and module list)
if [ -n "${GESMIP_CORE_PLAIN_LOG:-}" ] && [ -f "$GESMIP_CORE_PLAIN_LOG" ]; then
    say "Reusing the run without the GESMIP addons: $GESMIP_CORE_PLAIN_LOG"
    cp "$GESMIP_CORE_PLAIN_LOG" "$LOGDIR/core-plain.log.reused"
    mv "$LOGDIR/core-plain.log.reused" "$LOGDIR/core-plain.log"
elif [ -n "${GESMIP_CORE_PARALLEL:-}" ]; then
    say "Odoo's own tests of $CORE, without the GESMIP addons and with $OURS, side by side"
    run_suites plain &
    plain_pid=$!
    run_suites gesmip "$OURS"
    wait "$plain_pid"
    ours_done=1
else
    say "Odoo's own tests of $CORE, without the GESMIP addons"
    run_suites plain
fi
if [ -z "${ours_done:-}" ]; then
    say "The same, with $OURS installed"
    run_suites gesmip "$OURS"
fi
"$GESMIP_VENV/bin/python" - "$LOGDIR/core-plain.log" "$LOGDIR/core-gesmip.log" <<'PY'
import re
import sys

FAIL = re.compile(r" (?:ERROR|CRITICAL) \S+ (\S+): (?:FAIL|ERROR): (\S+)")


def failures(path):
    return {" ".join(m.groups()) for m in map(FAIL.search, open(path, errors="replace")) if m}


plain, ours = failures(sys.argv[1]), failures(sys.argv[2])
print(f"failing without our addons: {len(plain)}; with them: {len(ours)}")
only_ours = sorted(ours - plain)
for name in only_ours:
    print("  only with GESMIP:", name)
sys.exit(1 if only_ours else 0)
PY
