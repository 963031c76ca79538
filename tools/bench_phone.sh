#!/usr/bin/env bash
# The grocery's catalogue on a phone profile (slow 4G, CPU slowed 4x, Chromium's own
# emulation) beside Odoo's /my/orders/<id> of as many lines, cold and warm, on the served
# demo database (built if missing). Prints; fails on nothing but a broken set-up.
#   tools/bench_phone.sh
set -euo pipefail
# shellcheck source=setup.sh
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
gesmip_setup
trap 'gesmip_server_stop' EXIT
gesmip_serve_demo_for_browser bench-phone-server.log
"$SCREENS_VENV/bin/python" "$GESMIP_ROOT/tools/bench_phone.py" "$GESMIP_SERVER_URL"
