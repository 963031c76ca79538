#!/usr/bin/env bash
# The benchmark command: on a new database (copy of the test template), installs the addons
# and runs every benchmark of the suite (Odoo tests tagged "gesmip_bench", skipped by the
# normal test run), then prints one table: what, size, SQL queries, time, comparison.
#
#   tools/bench.sh                 all addons, and the suite's cross-addon benchmarks
#   tools/bench.sh alim_coldchain  one addon's benchmarks
#   tools/bench.sh gesmip_suite    the cross-addon benchmarks only (a recall through
#                                  receipt -> repack -> deliveries at 10 and 500 deliveries,
#                                  beside Odoo's own lot traceability report)
set -euo pipefail
# shellcheck source=setup.sh
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
ALL_ADDONS="$GESMIP_ADDONS"
SUITE_ADDON="gesmip_suite"
ADDONS="${1:-$ALL_ADDONS,$SUITE_ADDON}"
gesmip_setup
gesmip_odoo_conf bench "$GESMIP_ROOT/tests"
# shellcheck source=template_db.sh
source "$GESMIP_ROOT/tools/template_db.sh"
TEMPLATE="$(gesmip_template_db)"
DB="gesmip_bench_$$"
trap 'gesmip_drop_db "$DB"' EXIT
gesmip_copy_db "$TEMPLATE" "$DB"
TAGS="$(echo "$ADDONS" | sed 's/\([^,]*\)/gesmip_bench\/\1/g')"
mkdir -p "$GESMIP_STATE/logs"
LOG="$GESMIP_STATE/logs/bench.log"
PORT="$(gesmip_free_port)"
say "Running the benchmarks of $ADDONS (log: $LOG)"
rc=0
gesmip_odoo -d "$DB" -i "$ADDONS" --test-enable --test-tags "$TAGS" --stop-after-init \
    --without-demo=all --http-port "$PORT" --max-cron-threads=0 >"$LOG" 2>&1 || rc=$?
"$GESMIP_VENV/bin/python" - "$LOG" <<'PY'
import sys

rows, seen = [], set()
for line in open(sys.argv[1], encoding="utf-8", errors="replace"):
    if "BENCH|" not in line:
        continue
    fields = line[line.index("BENCH|") :].strip().split("|")[1:]
    fields += [""] * (5 - len(fields))
    if tuple(fields) not in seen:  # printed and logged: keep one
        seen.add(tuple(fields))
        rows.append(fields[:5])
head = ["what", "size", "SQL queries", "seconds", "comparison / target"]
widths = [max(len(str(r[i])) for r in [head, *rows]) for i in range(5)]
for row in [head, ["-" * w for w in widths], *rows]:
    print("  ".join(str(c).ljust(w) for c, w in zip(row, widths)))
if not rows:
    print("(no benchmark printed a BENCH line)")
PY
grep -E "tests when loading database" "$LOG" | tail -n 1
# Install time of the whole suite beside its core dependencies alone
if [ -z "${1:-}" ] && [ "${GESMIP_BENCH_INSTALL:-1}" != 0 ]; then  # the whole suite
    say "Timing the installation of the suite beside its core dependencies (GESMIP_BENCH_INSTALL=0 skips it)"
    bash "$GESMIP_ROOT/tools/bench_install.sh" | grep "BENCH|" | cut -d"|" -f2- | tr "|" "\t" || rc=1
fi
# Confirming a large cycle from the back office on a real server with 2 workers
if [[ ",$ADDONS," == *",alim_catalogue,"* ]] && [ "${GESMIP_BENCH_SERVER:-1}" != 0 ]; then
    say "Confirming a ${GESMIP_BENCH_SERVER_CYCLE:-50x200} cycle on a server with --workers 2 (GESMIP_BENCH_SERVER=0 skips it)"
    bash "$GESMIP_ROOT/tools/bench_background.sh" || rc=1
fi
# The grocery's catalogue on a phone profile beside Odoo's own portal order page
if [ -z "${1:-}" ] && [ "${GESMIP_BENCH_PHONE:-1}" != 0 ]; then
    say "The catalogue on a phone profile beside Odoo's order page (GESMIP_BENCH_PHONE=0 skips it)"
    bash "$GESMIP_ROOT/tools/bench_phone.sh" || rc=1
fi
exit $rc
