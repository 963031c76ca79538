#!/usr/bin/env bash
# Screenshots of the demo database's main screens (back office as admin, portal as the
# Mirail grocery) into docs/screenshots/, which the README shows.
#   tools/screenshots.sh                   every screen
#   tools/screenshots.sh 10-cold-rooms ... only the screens named
set -euo pipefail
# shellcheck source=setup.sh
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
gesmip_setup
SCREENS_VENV="$GESMIP_CACHE/screens-venv-$(sha256sum "$GESMIP_ROOT/tools/requirements-screens.txt" | cut -c1-12)"
_build_venv "$SCREENS_VENV" "$GESMIP_ROOT/tools/requirements-screens.txt"
DB="${GESMIP_DEMO_DB:-gesmip_demo}"
GESMIP_DEMO_DB="$DB" bash "$GESMIP_ROOT/tools/run.sh" --build >/dev/null
gesmip_odoo_conf run
PORT="$(gesmip_free_port)"
gesmip_odoo_bg -d "$DB" --db-filter "^$DB\$" --http-interface 127.0.0.1 --http-port "$PORT" \
    --max-cron-threads=0 >"$GESMIP_STATE/screenshots-server.log" 2>&1
SERVER=$GESMIP_BG_PID
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 120); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/web/login" && break; sleep 2; done
"$SCREENS_VENV/bin/python" "$GESMIP_ROOT/tools/screenshots.py" "http://127.0.0.1:$PORT" \
    "$GESMIP_ROOT/docs/screenshots" "$@"
