#!/usr/bin/env bash
# Screenshots of the demo database's main screens (back office as admin, portal as the
# Mirail grocery) into docs/screenshots/, which the README shows.
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
gesmip_server_start "$DB" "$GESMIP_STATE/screenshots-server.log" --max-cron-threads=0 || die "The server did not start."
"$SCREENS_VENV/bin/python" "$GESMIP_ROOT/tools/screenshots.py" "$GESMIP_SERVER_URL" \
    "$GESMIP_ROOT/docs/screenshots"
