#!/usr/bin/env bash
# The run command: sets up what is missing, builds the demo database once (French,
# company in France, all the suite's addons with their demo data) and serves it at
# http://127.0.0.1:8069 until Ctrl-C.
#
#   tools/run.sh            build the demo database if missing, then serve it
#   tools/run.sh --reset    drop the demo database and build it again
#   tools/run.sh --build    build (or update) the demo database, then stop without serving
#
# GESMIP_DEMO_DB names the database (default gesmip_demo); GESMIP_HTTP_PORT the port (8069).
set -euo pipefail
# shellcheck source=setup.sh
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

ADDONS="$GESMIP_ADDONS"
DB="${GESMIP_DEMO_DB:-gesmip_demo}"
PORT="${GESMIP_HTTP_PORT:-8069}"
RESET="" SERVE=1
for arg in "$@"; do
    case "$arg" in
    --reset) RESET=1 ;;
    --build) SERVE="" ;;
    *) die "unknown option $arg (see the head of $0)" ;;
    esac
done

gesmip_setup
gesmip_odoo_conf run
# shellcheck source=template_db.sh
source "$GESMIP_ROOT/tools/template_db.sh"

db_exists() { [ "$(psql -d postgres -Atqc "SELECT 1 FROM pg_database WHERE datname='$DB'")" = 1 ]; }
db_ready() {
    [ "$(psql -d "$DB" -Atqc "SELECT value FROM ir_config_parameter WHERE key='gesmip.demo_ready'" 2>/dev/null)" = 1 ]
}

[ -n "$RESET" ] && gesmip_drop_db "$DB"
if db_exists && ! db_ready; then
    say "The demo database $DB was left half-built: building it again"
    gesmip_drop_db "$DB"
fi
if ! db_exists; then
    say "Creating the demo database $DB (French, company in France, with demo data)"
    TEMPLATE="$(gesmip_template_db demo)"
    gesmip_copy_db "$TEMPLATE" "$DB"
    say "Installing $ADDONS with their demo data (a few minutes, once)"
    gesmip_odoo -d "$DB" -i "$ADDONS" --stop-after-init --max-cron-threads=0 --load-language=fr_FR \
        --log-level=warn
    psql -d "$DB" -qf "$GESMIP_ROOT/tools/demo_chatter_fr.sql"
    psql -d "$DB" -qc "INSERT INTO ir_config_parameter (key, value) VALUES ('gesmip.demo_ready', '1')"
elif [ -z "$SERVE" ]; then
    say "Updating $ADDONS in $DB"
    gesmip_odoo -d "$DB" -u "$ADDONS" --stop-after-init --max-cron-threads=0 --log-level=warn
fi

cat <<EOF

  GESMIP demo database "$DB" at http://127.0.0.1:$PORT/web/login
    administrator             admin / admin
    network coordinator       coordination / coordination
    platform warehouse        entrepot / entrepot
    grocery portal (Mirail)   mirail / mirail      -> http://127.0.0.1:$PORT/my
    grocery portal (Albi)     albi / albi

EOF
[ -z "$SERVE" ] && exit 0
exec "$GESMIP_VENV/bin/python" "$ODOO_SRC/odoo-bin" -c "$ODOO_CONF" -d "$DB" --db-filter "^$DB\$" \
    --http-interface 127.0.0.1 --http-port "$PORT"
