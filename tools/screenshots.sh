#!/usr/bin/env bash
# Screenshots of the demo database's main screens (back office as admin, portal as the
# Mirail grocery) into docs/screenshots/, which the README shows.
#   tools/screenshots.sh                   every screen
#   tools/screenshots.sh 10-cold-rooms ... only the screens named
set -euo pipefail
# shellcheck source=setup.sh
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
gesmip_setup
trap 'gesmip_server_stop' EXIT
gesmip_serve_demo_for_browser screenshots-server.log
"$SCREENS_VENV/bin/python" "$GESMIP_ROOT/tools/screenshots.py" "$GESMIP_SERVER_URL" \
    "$GESMIP_ROOT/docs/screenshots" "$@"
