#!/usr/bin/env bash
# Install time: on two new empty databases, installs the suite's core dependencies alone,
# then the same dependencies with every GESMIP addon, without demo data, and prints both
# times and their ratio (the target: the suite adds at most 30 % to its dependencies).
# Prints; does not fail on noise.
#
#   tools/bench_install.sh
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
    echo $((SECONDS - start))
}
say "Installing the core dependencies alone: $DEPS"
core=$(install_time core "$DEPS")
say "Installing the same with the suite's addons: $GESMIP_ADDONS"
suite=$(install_time suite "$DEPS,$GESMIP_ADDONS")
"$GESMIP_VENV/bin/python" - "$core" "$suite" <<'PY'
import sys

core, suite = (int(x) for x in sys.argv[1:3])
print(f"BENCH|install: core dependencies alone|-|-|{core}|Odoo")
print(f"BENCH|install: with the GESMIP addons|-|-|{suite}|{suite / max(core, 1):.2f}x Odoo (target 1.3x)")
PY
