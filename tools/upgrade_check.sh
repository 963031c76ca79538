#!/usr/bin/env bash
# Upgrade check: on a copy of a database full of demo data, counts the rows of every table,
# updates the five addons (-u, running their migration scripts), counts again, and fails if
# any table lost rows. Prints the tables whose counts changed.
#
#   tools/upgrade_check.sh              copy of a freshly built demo database
#   tools/upgrade_check.sh SOURCE_DB    copy of that database instead
set -euo pipefail
# shellcheck source=setup.sh
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
ADDONS="gesmip_network,alim_catalogue,alim_coldchain,alim_repack,ge_ames"
gesmip_setup
gesmip_odoo_conf run
# shellcheck source=template_db.sh
source "$GESMIP_ROOT/tools/template_db.sh"
SOURCE="${1:-}"
DB="gesmip_upgrade_$$"
trap 'gesmip_drop_db "$DB"' EXIT
if [ -z "$SOURCE" ]; then
    GESMIP_DEMO_DB="$DB" bash "$GESMIP_ROOT/tools/run.sh" --build --reset >/dev/null
else
    gesmip_copy_db "$SOURCE" "$DB"
fi
count_rows() {
    psql -d "$DB" -Atq <<'SQL'
SELECT format('%s|%s', c.relname,
       (xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n FROM %I', c.relname), false, true, '')))[1]::text)
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE n.nspname = 'public' AND c.relkind = 'r'
 ORDER BY c.relname;
SQL
}
count_rows >"$GESMIP_STATE/upgrade-before.txt"
say "Updating $ADDONS on $DB"
gesmip_odoo -d "$DB" -u "$ADDONS" --stop-after-init --max-cron-threads=0 --log-level=warn
count_rows >"$GESMIP_STATE/upgrade-after.txt"
"$GESMIP_VENV/bin/python" - "$GESMIP_STATE/upgrade-before.txt" "$GESMIP_STATE/upgrade-after.txt" <<'PY'
import sys

def read(path):
    return {t: int(n) for t, n in (line.strip().split("|") for line in open(path) if "|" in line)}

before, after = read(sys.argv[1]), read(sys.argv[2])
lost = {t: (n, after.get(t, 0)) for t, n in before.items() if after.get(t, 0) < n}
changed = {t: (before.get(t, 0), n) for t, n in after.items() if before.get(t, 0) != n}
print(f"{len(before)} tables, {sum(before.values())} rows before, {sum(after.values())} after")
for table, (b, a) in sorted(changed.items()):
    print(f"  {table}: {b} -> {a}")
if lost:
    print("FAILED: rows lost in", ", ".join(sorted(lost)))
    sys.exit(1)
print("ok: no table lost rows")
PY
