#!/usr/bin/env bash
# Past one machine: a streaming replica of the private PostgreSQL cluster (pg_basebackup), two
# Odoo servers sharing the primary, the replica and one data folder (sessions and filestore),
# and the ordering day's load (tools/load_test.py) spread over both. Prints the load figures,
# the share of the database's transactions the replica served (routes declared
# readonly=True go there), and checks that every accepted order is in the database.
# Bounded: loopback only, 50 users, two orders each; removes its databases and the replica.
#
#   tools/replica_load.sh            (GESMIP_LOAD_USERS=20 for a smaller load)
set -euo pipefail
# shellcheck source=setup.sh
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
gesmip_setup
[ -n "${GESMIP_PG_OWNER:-}" ] || die "The replica is made of the private cluster: unset PGHOST/PGPORT to use it."
# shellcheck source=template_db.sh
source "$GESMIP_ROOT/tools/template_db.sh"
DB="gesmip_replica_$$"
WORK="$GESMIP_STATE/replica"
# beside the private cluster, where its owner (postgres when run as root) may write
REPLICA="$(dirname "$(dirname "$PGHOST")")/replica-$$"
BINDIR="$(_pg_bindir)"
REPLICA_PORT="$(gesmip_free_port)"
mkdir -p "$WORK"
SERVERS=()
cleanup() {
    local pid
    for pid in "${SERVERS[@]}"; do
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    if [ -d "$REPLICA/data" ]; then
        _as_pg_owner "$BINDIR/pg_ctl" -D "$REPLICA/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$REPLICA"
    gesmip_drop_db "$DB"
}
trap cleanup EXIT
say "Building the demo database $DB and the ordering day (${GESMIP_LOAD_USERS:-50} groceries)"
GESMIP_DEMO_DB="$DB" bash "$GESMIP_ROOT/tools/run.sh" --build --reset >/dev/null
gesmip_odoo_conf run
"$GESMIP_VENV/bin/python" "$ODOO_SRC/odoo-bin" shell -c "$ODOO_CONF" -d "$DB" --no-http --log-level=warn \
    <"$GESMIP_ROOT/tools/load_prepare.py" | grep '^LOAD-SETUP ' | cut -c12- >"$WORK/setup.json"

say "Starting a streaming replica of the cluster (port $REPLICA_PORT)"
mkdir -p "$REPLICA/run"
[ "$(id -u)" = 0 ] && chown -R "$GESMIP_PG_OWNER" "$REPLICA"
_as_pg_owner "$BINDIR/pg_basebackup" -h "$PGHOST" -p "$PGPORT" -U postgres -D "$REPLICA/data" -R -X stream -c fast
cat >>"$REPLICA/data/postgresql.auto.conf" <<CONF
port = $REPLICA_PORT
unix_socket_directories = '$REPLICA/run'
hot_standby = on
CONF
_as_pg_owner "$BINDIR/pg_ctl" -D "$REPLICA/data" -l "$REPLICA/postgresql.log" -w start >/dev/null
replica_sql() { psql -h "$REPLICA/run" -p "$REPLICA_PORT" -U postgres -d "$DB" -Atqc "$1"; }
[ "$(replica_sql 'SELECT pg_is_in_recovery()')" = t ] || die "The replica is not in recovery mode."

say "Two Odoo servers on the primary and the replica, one data folder"
URLS=()
for n in 1 2; do
    gesmip_server_start "$DB" "$WORK/server-$n.log" --workers 2 --max-cron-threads 0 \
        --db_replica_host "$REPLICA/run" --db_replica_port "$REPLICA_PORT" --limit-time-real 600 \
        --limit-time-cpu 300 --db_maxconn 32 || die "Server $n did not start."
    SERVERS+=("$GESMIP_SERVER_PID")
    URLS+=("$GESMIP_SERVER_URL")
done
transactions() { # transactions on the demo database, as the primary or the replica counts them
    local sql="SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = '$DB'"
    if [ "$1" = replica ]; then replica_sql "$sql"; else psql -d "$DB" -Atqc "$sql"; fi
}
primary_before="$(transactions primary)" replica_before="$(transactions replica)"
rc=0
"$GESMIP_VENV/bin/python" "$GESMIP_ROOT/tools/load_test.py" "$(IFS=,; echo "${URLS[*]}")" "$DB" \
    "$WORK/setup.json" "$WORK/expected.json" "$WORK/server-1.log,$WORK/server-2.log" || rc=1
sleep 1 # the statistics collector's last report
primary_tx=$(($(transactions primary) - primary_before))
replica_tx=$(($(transactions replica) - replica_before))
echo "REPLICA transactions during the load: primary $primary_tx, replica $replica_tx" \
    "($((100 * replica_tx / (primary_tx + replica_tx + 1))) % on the replica)"
for pid in "${SERVERS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
SERVERS=()
GESMIP_LOAD_EXPECTED="$WORK/expected.json" "$GESMIP_VENV/bin/python" "$ODOO_SRC/odoo-bin" shell -c "$ODOO_CONF" \
    -d "$DB" --no-http --log-level=warn <"$GESMIP_ROOT/tools/load_check.py" | grep '^LOAD-CHECK' | tee "$WORK/check.txt"
grep -q "^LOAD-CHECK ok" "$WORK/check.txt" || rc=1
if grep -hE " (ERROR|CRITICAL) " "$WORK"/server-*.log | head -n 5; then rc=1; fi
exit $rc
