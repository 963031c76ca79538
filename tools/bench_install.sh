#!/usr/bin/env bash
# Install time: on new empty databases, installs the suite's core dependencies alone, then
# the same dependencies with every GESMIP addon, without demo data, and prints both times and
# their ratio (the target: the suite adds at most 30 % to its dependencies). Prints; does not
# fail on noise. The installs run in the order core, suite, suite, core and the ratio is of
# the sums: this machine's pace drifts by a fifth within minutes, and drift then falls on both.
#
#   tools/bench_install.sh
#   GESMIP_BENCH_INSTALL_ROUNDS=1 tools/bench_install.sh   core then suite once (half the time)
set -euo pipefail
# shellcheck source=setup.sh
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
gesmip_setup
gesmip_odoo_conf install "$GESMIP_ROOT/tests"
# shellcheck source=template_db.sh
source "$GESMIP_ROOT/tools/template_db.sh"
DEPS="$(gesmip_core_dependencies)"
LOGDIR="$GESMIP_STATE/logs"
mkdir -p "$LOGDIR"
DB="gesmip_install_$$"
trap 'gesmip_drop_db "$DB"' EXIT
install_time() { # install_time NAME MODULES: seconds to install MODULES on a new database
    gesmip_drop_db "$DB"
    psql -d postgres -qc "CREATE DATABASE \"$DB\"" >/dev/null
    local start=$SECONDS
    gesmip_odoo -d "$DB" -i "$2" --without-demo=all --stop-after-init --max-cron-threads=0 \
        --log-level=warn >"$LOGDIR/install-$1.log" 2>&1 || die "Installing $1 failed (see $LOGDIR/install-$1.log)"
    local elapsed=$((SECONDS - start))
    # how many modules the run installed, so a ratio is never read off a partial install
    psql -d "$DB" -tAc "SELECT count(*) FROM ir_module_module WHERE state = 'installed'" \
        >"$LOGDIR/install-$1.modules"
    echo "$elapsed"
}
core=0
suite=0
for round in $(seq "${GESMIP_BENCH_INSTALL_ROUNDS:-2}"); do
    if [ $((round % 2)) = 1 ]; then order="core suite"; else order="suite core"; fi
    for what in $order; do
        if [ "$what" = core ]; then
            say "Installing the core dependencies alone: $DEPS"
            seconds=$(install_time core "$DEPS")
            core=$((core + seconds))
        else
            say "Installing the same with the suite's addons: $GESMIP_ADDONS"
            seconds=$(install_time suite "$DEPS,$GESMIP_ADDONS")
            suite=$((suite + seconds))
        fi
        say "  $seconds s"
    done
done
"$GESMIP_VENV/bin/python" - "$core" "$suite" "$(cat "$LOGDIR/install-core.modules")" \
    "$(cat "$LOGDIR/install-suite.modules")" "${GESMIP_BENCH_INSTALL_ROUNDS:-2}" <<'PY'
import sys

core, suite, core_modules, suite_modules, rounds = (int(x) for x in sys.argv[1:6])
core, suite = core / rounds, suite / rounds
size = f"{{}} modules, mean of {rounds}"
print(f"BENCH|install: core dependencies alone|{size.format(core_modules)}|-|{core:.0f}|Odoo")
print(
    f"BENCH|install: with the GESMIP addons|{size.format(suite_modules)}|-|{suite:.0f}"
    f"|{suite / max(core, 1):.2f}x Odoo (target 1.3x)"
)
PY
