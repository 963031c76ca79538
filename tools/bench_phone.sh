#!/usr/bin/env bash
# The grocery's catalogue on a phone profile (slow 4G, CPU slowed 4x, Chromium's own
# emulation) beside Odoo's /my/orders/<id> of as many lines, cold and warm, on the served
# demo database (built if missing). Prints; fails on nothing but a broken set-up.
#   tools/bench_phone.sh
set -euo pipefail
# shellcheck source=setup.sh
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
gesmip_setup
SCREENS_VENV="$GESMIP_CACHE/screens-venv-$(sha256sum "$GESMIP_ROOT/tools/requirements-screens.txt" | cut -c1-12)"
_build_venv "$SCREENS_VENV" "$GESMIP_ROOT/tools/requirements-screens.txt"
DB="${GESMIP_DEMO_DB:-gesmip_demo}"
GESMIP_DEMO_DB="$DB" bash "$GESMIP_ROOT/tools/run.sh" --build >/dev/null
gesmip_odoo_conf run
trap 'gesmip_server_stop' EXIT
gesmip_server_start "$DB" "$GESMIP_STATE/bench-phone-server.log" --max-cron-threads=0 || die "The server did not start."
"$SCREENS_VENV/bin/python" "$GESMIP_ROOT/tools/bench_phone.py" "$GESMIP_SERVER_URL"
