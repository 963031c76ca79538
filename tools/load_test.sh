#!/usr/bin/env bash
# An ordering day: on a copy of the demo database served with 4 workers, 50 grocery portal
# users log in, then each loads the catalogue and saves its order twice within one minute
# (tools/load_test.py says how they arrive; a bounded load, to 127.0.0.1 only). Then the
# database is checked: every accepted order is there, and allocation never gives more than
# stock. GESMIP_LOAD_USERS changes the number of users; GESMIP_LOAD_SPREAD=0
# GESMIP_LOAD_LOGIN_SPREAD=0 GESMIP_LOAD_THINK=0,0 sends them all at the same instant.
set -euo pipefail
# shellcheck source=setup.sh
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
gesmip_setup
DB="gesmip_load_$$"
GESMIP_DEMO_DB="$DB" bash "$GESMIP_ROOT/tools/run.sh" --build --reset >/dev/null
gesmip_odoo_conf run
# shellcheck source=template_db.sh
source "$GESMIP_ROOT/tools/template_db.sh"
WORK="$GESMIP_STATE/load"
mkdir -p "$WORK"
trap 'gesmip_server_stop; gesmip_drop_db "$DB"' EXIT
shell() { "$GESMIP_VENV/bin/python" "$ODOO_SRC/odoo-bin" shell -c "$ODOO_CONF" -d "$DB" --no-http --log-level=warn <"$1"; }
shell "$GESMIP_ROOT/tools/load_prepare.py" | grep '^LOAD-SETUP ' | cut -c12- >"$WORK/setup.json"
gesmip_server_start "$DB" "$WORK/server.log" --workers 4 --max-cron-threads 0 --limit-time-real 600 \
    --limit-time-cpu 300 --db_maxconn 64 || die "The server did not start."
rc=0
# The live bus (notifications in the back office) is served by the evented worker
"$GESMIP_VENV/bin/python" "$GESMIP_ROOT/tools/websocket_check.py" "127.0.0.1:$GESMIP_SERVER_GEVENT_PORT" || rc=1
"$GESMIP_VENV/bin/python" "$GESMIP_ROOT/tools/load_test.py" "$GESMIP_SERVER_URL" "$DB" \
    "$WORK/setup.json" "$WORK/expected.json" "$WORK/server.log" || rc=1
gesmip_server_stop
GESMIP_LOAD_EXPECTED="$WORK/expected.json" shell "$GESMIP_ROOT/tools/load_check.py" | grep '^LOAD-CHECK' | tee "$WORK/check.txt"
grep -q "^LOAD-CHECK ok" "$WORK/check.txt" || rc=1
if grep -E " (ERROR|CRITICAL) " "$WORK/server.log" | head -n 5; then rc=1; fi
exit $rc
