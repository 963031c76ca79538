#!/usr/bin/env bash
# Confirming a large order cycle from the back office on a real server with 2 HTTP workers
# and Odoo's default limits (limit_time_real 120 s, limit_time_cpu 60 s, cron workers alike):
# the click returns at once, the cron workers confirm the orders in batches, the cycle's
# progress is read as the form shows it, until it is confirmed. Before it, Odoo's own batch
# confirmation of the same orders in one transaction, in a shell beside the server, while the
# same grocery reads another cycle's catalogue. Loopback only, bounded (1 hour).
#
#   tools/bench_background.sh          50 groceries x 200 lines
#   GESMIP_BENCH_SERVER_CYCLE=10x50 tools/bench_background.sh
set -euo pipefail
# shellcheck source=setup.sh
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
gesmip_setup
gesmip_odoo_conf benchbg
# shellcheck source=template_db.sh
source "$GESMIP_ROOT/tools/template_db.sh"
TEMPLATE="$(gesmip_template_db)"
DB="gesmip_benchbg_$$"
WORK="$GESMIP_STATE/benchbg"
mkdir -p "$WORK"
trap 'gesmip_server_stop; gesmip_drop_db "$DB"' EXIT
gesmip_copy_db "$TEMPLATE" "$DB"
say "Installing alim_catalogue on $DB"
gesmip_odoo -d "$DB" -i alim_catalogue --without-demo=all --stop-after-init --max-cron-threads=0 \
    --log-level=warn >"$WORK/install.log" 2>&1
say "Preparing the cycle ${GESMIP_BENCH_SERVER_CYCLE:-50x200} and the same orders as plain sale orders"
"$GESMIP_VENV/bin/python" "$ODOO_SRC/odoo-bin" shell -c "$ODOO_CONF" -d "$DB" --no-http --log-level=warn \
    <"$GESMIP_ROOT/tools/bench_background_prepare.py" | grep '^BG-SETUP ' | cut -c10- >"$WORK/setup.json"
# Odoo's defaults, which config/odoo.conf.template raises for the test and demo runs
gesmip_server_start "$DB" "$WORK/server.log" --workers 2 --max-cron-threads 2 --limit-time-real 120 \
    --limit-time-cpu 60 --limit-time-real-cron -1 --log-level info || die "The server did not start."
say "Odoo's batch confirmation, then the cycle's from the back office (server log: $WORK/server.log)"
rc=0
timeout 3700 "$GESMIP_VENV/bin/python" "$GESMIP_ROOT/tools/bench_background.py" "$GESMIP_SERVER_URL" "$DB" \
    "$WORK/setup.json" "$GESMIP_ROOT/tools/bench_background_odoo.py" \
    "$GESMIP_VENV/bin/python" "$ODOO_SRC/odoo-bin" shell -c "$ODOO_CONF" -d "$DB" --no-http --log-level=warn \
    | tee "$WORK/client.txt" || rc=1
gesmip_server_stop
# The cron calls of the task and the longest one, from Odoo's own log lines
"$GESMIP_VENV/bin/python" - "$WORK/server.log" <<'PY'
import re
import sys

times = [
    float(m.group(1))
    for line in open(sys.argv[1], encoding="utf-8", errors="replace")
    if "Order cycles: allocation and confirmation" in line
    and (m := re.search(r"done in ([0-9.]+)s", line))
]
if times:
    print(f"cron calls of the task: {len(times)}, longest {max(times):.1f} s, total {sum(times):.1f} s")
PY
if grep -E " (ERROR|CRITICAL) |timeout after|CPU time limit" "$WORK/server.log" | head -n 5; then rc=1; fi
exit $rc
