#!/usr/bin/env bash
# Upgrade check: on a copy of a database full of demo data, counts the rows of every table,
# lists the columns and the external ids, updates the suite's addons (-u, running their
# migration scripts and the hand-over hooks of a module split), and fails if any table lost
# rows, any column was dropped, or any external id no longer resolves to its record.
#
#   tools/upgrade_check.sh              copy of a freshly built demo database
#   tools/upgrade_check.sh --from REV   demo database built by an older commit (e.g. 133c3c4)
#   tools/upgrade_check.sh SOURCE_DB    copy of that database instead
set -euo pipefail
# shellcheck source=setup.sh
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
ADDONS="$GESMIP_ADDONS"
FROM="" SOURCE=""
while [ $# -gt 0 ]; do
    case "$1" in
    --from) FROM="$2" && shift ;;
    *) SOURCE="$1" ;;
    esac
    shift
done
gesmip_setup
gesmip_odoo_conf run
# shellcheck source=template_db.sh
source "$GESMIP_ROOT/tools/template_db.sh"
DB="gesmip_upgrade_$$"
OLD_TREE=""
cleanup() {
    gesmip_drop_db "$DB"
    if [ -n "$OLD_TREE" ]; then git -C "$GESMIP_ROOT" worktree remove --force "$OLD_TREE" >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT
if [ -n "$FROM" ]; then
    # The older version builds its own demo database, with its own scripts and addons.
    OLD_TREE="$GESMIP_CACHE/upgrade-from-$(git -C "$GESMIP_ROOT" rev-parse --short=12 "$FROM")"
    git -C "$GESMIP_ROOT" worktree remove --force "$OLD_TREE" >/dev/null 2>&1 || rm -rf "$OLD_TREE"
    git -C "$GESMIP_ROOT" worktree add --detach "$OLD_TREE" "$FROM" >/dev/null
    say "Building the demo database $DB with the addons of $FROM"
    GESMIP_DEMO_DB="$DB" bash "$OLD_TREE/tools/run.sh" --build --reset >"$GESMIP_STATE/upgrade-build.log" 2>&1 ||
        die "the demo database of $FROM did not build (see $GESMIP_STATE/upgrade-build.log)"
elif [ -z "$SOURCE" ]; then
    GESMIP_DEMO_DB="$DB" bash "$GESMIP_ROOT/tools/run.sh" --build --reset >/dev/null
else
    gesmip_copy_db "$SOURCE" "$DB"
fi
snapshot() { # snapshot PREFIX: row counts, columns, external ids with their record
    psql -d "$DB" -Atq >"$1-rows.txt" <<'SQL'
SELECT format('%s|%s', c.relname,
       (xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n FROM %I', c.relname), false, true, '')))[1]::text)
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE n.nspname = 'public' AND c.relkind = 'r'
 ORDER BY c.relname;
SQL
    psql -d "$DB" -Atqc "SELECT table_name || '.' || column_name FROM information_schema.columns
                          WHERE table_schema = 'public' ORDER BY 1" >"$1-columns.txt"
    psql -d "$DB" -Atqc "SELECT module || '.' || name || '|' || model || '|' || res_id FROM ir_model_data
                          WHERE res_id IS NOT NULL ORDER BY 1" >"$1-xmlids.txt"
}
snapshot "$GESMIP_STATE/upgrade-before"
say "Updating $ADDONS on $DB"
gesmip_odoo -d "$DB" -u "$ADDONS" --stop-after-init --max-cron-threads=0 --log-level=warn
snapshot "$GESMIP_STATE/upgrade-after"
# Every external id after the update must name a record that exists; then compare, with what
# the migrations declare they remove or hand over (tools/upgrade_check.py).
"$GESMIP_VENV/bin/python" "$GESMIP_ROOT/tools/upgrade_check.py" dangling "$DB" >"$GESMIP_STATE/upgrade-dangling.txt"
"$GESMIP_VENV/bin/python" "$GESMIP_ROOT/tools/upgrade_check.py" compare "$GESMIP_STATE/upgrade-before" \
    "$GESMIP_STATE/upgrade-after" "$GESMIP_STATE/upgrade-dangling.txt"
