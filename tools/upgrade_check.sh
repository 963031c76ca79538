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
# Every external id after the update must name a record that exists.
"$GESMIP_VENV/bin/python" - "$DB" >"$GESMIP_STATE/upgrade-dangling.txt" <<'PY'
import sys

import psycopg2

with psycopg2.connect(dbname=sys.argv[1]) as conn, conn.cursor() as cr:
    cr.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
    tables = {name for (name,) in cr.fetchall()}
    cr.execute("SELECT module || '.' || name, model, res_id FROM ir_model_data WHERE res_id IS NOT NULL")
    by_model = {}
    for xmlid, model, res_id in cr.fetchall():
        by_model.setdefault(model, []).append((xmlid, res_id))
    special = {"ir.actions.act_window": "ir_act_window", "ir.actions.report": "ir_act_report_xml",
               "ir.actions.server": "ir_act_server", "ir.actions.client": "ir_act_client",
               "ir.actions.act_url": "ir_act_url", "ir.actions.actions": "ir_actions"}
    for model, rows in sorted(by_model.items()):
        table = special.get(model, model.replace(".", "_"))
        if table not in tables:
            continue
        cr.execute(f'SELECT id FROM "{table}" WHERE id = ANY(%s)', [[res_id for _x, res_id in rows]])
        present = {row[0] for row in cr.fetchall()}
        for xmlid, res_id in rows:
            if res_id not in present:
                print(xmlid)
PY
"$GESMIP_VENV/bin/python" - "$GESMIP_STATE/upgrade-before" "$GESMIP_STATE/upgrade-after" \
    "$GESMIP_STATE/upgrade-dangling.txt" <<'PY'
import re
import sys

before, after, dangling_path = sys.argv[1:4]


def rows(path):
    return {t: int(n) for t, n in (line.strip().split("|") for line in open(path) if "|" in line)}


def lines(path):
    return [line.strip() for line in open(path) if line.strip()]


rows_before, rows_after = rows(f"{before}-rows.txt"), rows(f"{after}-rows.txt")
# Rewritten from the manifests at every update, not data: the dependencies of the addons.
METADATA = {"ir_module_module_dependency"}
# Removed on purpose by a migration, with what replaces them (printed apart, never silent).
INTENDED = {
    "alim_temperature_sensor.token": "sensor tokens in clear, replaced by token_hash (alim_coldchain 18.0.1.1.0)",
    "alim_coldchain.field_alim_temperature_sensor__token": "the same field",
    "alim_coldchain.constraint_alim_temperature_sensor_token_unique": "its constraint, now on token_hash",
}
# Models turned into core ones by a migration (alim_rounds 18.0.2.0.0, rounds on batch
# transfers): their table goes, their rows live on in the new table, which must have grown by
# at least as many rows; their external ids name the new records.
CONVERTED = {
    "alim.vehicle": "fleet.vehicle",
    "alim.delivery.round": "stock.picking.batch",
    "alim.collection.round": "stock.picking.batch",
}
# The metadata of those models (model, fields, selections, views, access rules) and the
# stored related field that named a delivery's round (now core's batch_id).
# Odoo leaves the metadata other addons (mail, sms, portal, rating) held on a removed model
# (selection values, model_inherit rows) naming nothing: they are listed with it.
RETIRED = re.compile(
    r"\.((model|field|selection_*|model_inherit_*)_alim_(vehicle|delivery_round|collection_round)(__\w+)?"
    r"|alim_(vehicle|delivery_round|collection_round)_view_\w+|alim_vehicle_action"
    r"|access_alim_(vehicle|delivery_round|collection_round)_(warehouse|manager)"
    r"|field_stock_picking__alim_delivery_round_id)$"
)
RETIRED_COLUMNS = re.compile(r"^(alim_vehicle|alim_delivery_round|alim_collection_round)\.|^stock_picking\.alim_delivery_round_id$")
for old_model, new_model in CONVERTED.items():
    table = old_model.replace(".", "_")
    if rows_before.get(table) and not rows_after.get(table):
        print(f"  table {table} ({rows_before[table]} rows) turned into {new_model.replace('.', '_')}")
converted_tables = {m.replace(".", "_") for m in CONVERTED}
for new_table in {m.replace(".", "_") for m in CONVERTED.values()}:
    moved_rows = sum(rows_before.get(m.replace(".", "_"), 0) for m, n in CONVERTED.items() if n.replace(".", "_") == new_table)
    if rows_after.get(new_table, 0) - rows_before.get(new_table, 0) < moved_rows:
        print(f"FAILED: {new_table} did not receive the {moved_rows} converted rows")
        sys.exit(1)
lost = {
    t: (n, rows_after.get(t, 0))
    for t, n in rows_before.items()
    if rows_after.get(t, 0) < n and t not in METADATA and t not in converted_tables
}
changed = {t: (rows_before.get(t, 0), n) for t, n in rows_after.items() if rows_before.get(t, 0) != n}
print(f"{len(rows_before)} tables, {sum(rows_before.values())} rows before, {sum(rows_after.values())} after")
for table, (b, a) in sorted(changed.items()):
    note = " (module dependencies, rewritten from the manifests)" if table in METADATA else ""
    print(f"  {table}: {b} -> {a}{note}")
columns_lost = sorted(set(lines(f"{before}-columns.txt")) - set(lines(f"{after}-columns.txt")))
for name in [c for c in columns_lost if c in INTENDED]:
    print(f"  column {name} removed on purpose: {INTENDED[name]}")
columns_lost = [c for c in columns_lost if c not in INTENDED and not RETIRED_COLUMNS.search(c)]
# an external id resolves when its record is still named by some external id
xmlids_after = {}
for line in lines(f"{after}-xmlids.txt"):
    xmlid, model, res_id = line.rsplit("|", 2)
    xmlids_after.setdefault((model, res_id), []).append(xmlid)
unresolved, moved, retired = [], 0, 0
models_by_short_name = {}
for line in lines(f"{after}-xmlids.txt"):
    xmlid, model, _res_id = line.rsplit("|", 2)
    models_by_short_name.setdefault(xmlid.split(".", 1)[1], set()).add(model)
for line in lines(f"{before}-xmlids.txt"):
    xmlid, model, res_id = line.rsplit("|", 2)
    names = xmlids_after.get((model, res_id))
    # a converted record keeps its name, maybe handed to the new addon of a module split too
    if not names and model in CONVERTED and CONVERTED[model] in models_by_short_name.get(xmlid.split(".", 1)[1], ()):
        moved += 1
        continue
    if not names and RETIRED.search(xmlid):
        retired += 1
        continue
    if not names and xmlid in INTENDED:
        print(f"  external id {xmlid} removed on purpose: {INTENDED[xmlid]}")
    elif not names:
        unresolved.append(xmlid)
    elif xmlid not in names:
        moved += 1
dangling = [x for x in lines(dangling_path) if not RETIRED.search(x)]
print(f"{len(lines(f'{before}-xmlids.txt'))} external ids before: {moved} handed to a new name or addon, "
      f"{len(unresolved)} no longer naming their record, {len(dangling)} naming a missing record, "
      f"{retired} of converted models' metadata retired with them")
print(f"{len(lines(f'{before}-columns.txt'))} columns before, {len(columns_lost)} dropped")
failed = False
if lost:
    print("FAILED: rows lost in", ", ".join(sorted(lost)))
    failed = True
if columns_lost:
    print("FAILED: columns dropped:", ", ".join(columns_lost))
    failed = True
if unresolved:
    print("FAILED: external ids lost:", ", ".join(unresolved[:50]), "..." if len(unresolved) > 50 else "")
    failed = True
if dangling:
    print("FAILED: external ids naming a missing record:", ", ".join(dangling[:50]))
    failed = True
if failed:
    sys.exit(1)
print("ok: no table lost rows, no column dropped, every external id still names its record")
PY
