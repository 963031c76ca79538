#!/usr/bin/env bash
# Back up one database of the suite: its PostgreSQL dump (custom format) and its filestore
# folder, with a manifest, into DEST/DB/DB_<date>/; keeps the newest GESMIP_BACKUP_KEEP (14)
# backups of that database in DEST and deletes the older ones.
#
#   tools/backup.sh DB [DEST]        DEST defaults to $GESMIP_BACKUP_DIR, else $GESMIP_CACHE/backups
#
# The database is dumped first, then the filestore is archived: Odoo never rewrites a stored
# file (a file's name is its checksum), so a file added in between is only one more file.
# PostgreSQL: the PG* variables, else the one tools/setup.sh finds or starts. Filestore:
# $GESMIP_DATA_DIR/filestore/DB (GESMIP_DATA_DIR is Odoo's data_dir, default
# $GESMIP_CACHE/filestore as in the generated configurations). Prints the backup's folder.
# Restore with tools/restore.sh; details in docs/deployment.md.
set -euo pipefail
# shellcheck source=setup.sh
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

[ $# -ge 1 ] && [ $# -le 2 ] || die "usage: $0 DB [DEST] (see the head of $0)"
DB="$1"
DEST="${2:-${GESMIP_BACKUP_DIR:-$GESMIP_CACHE/backups}}"
KEEP="${GESMIP_BACKUP_KEEP:-14}"
DATA_DIR="${GESMIP_DATA_DIR:-$GESMIP_CACHE/filestore}"
[[ "$KEEP" =~ ^[1-9][0-9]*$ ]] || die "GESMIP_BACKUP_KEEP=$KEEP is not a positive number."

gesmip_postgres
[ "$(psql -d postgres -Atqc "SELECT 1 FROM pg_database WHERE datname='$DB'")" = 1 ] ||
    die "There is no database $DB."

# Which Odoo: the source tree the tools use, when there is one (else the base module's version).
ODOO_RELEASE="" ODOO_COMMIT=""
odoo_src="${ODOO_SRC:-$(cat "$GESMIP_CACHE/odoo-src.path" 2>/dev/null || true)}"
if [ -n "$odoo_src" ] && [ -f "$odoo_src/odoo/release.py" ]; then
    ODOO_RELEASE="$(cd "$odoo_src/odoo" && "${GESMIP_PYTHON:-python3}" -c 'import release; print(release.version)' 2>/dev/null || true)"
    ODOO_COMMIT="$(git -C "$odoo_src" rev-parse HEAD 2>/dev/null || true)"
fi

umask 077
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
dir="$DEST/$DB/${DB}_$stamp"
[ -e "$dir" ] && die "$dir exists already."
mkdir -p "$DEST/$DB"
chmod 700 "$DEST" "$DEST/$DB" 2>/dev/null || true
rm -rf "$dir.part"
mkdir "$dir.part"
trap 'rm -rf "$dir.part"' EXIT

say "Backing up $DB into $dir"
pg_dump -Fc --no-owner --no-privileges -f "$dir.part/db.dump" "$DB"
store="$DATA_DIR/filestore/$DB"
if [ -d "$store" ]; then
    tar -C "$DATA_DIR/filestore" -czf "$dir.part/filestore.tar.gz" "$DB"
else
    say "No filestore folder $store: the backup holds the database only."
fi

# The manifest: when, which Odoo and which addons, what each file's checksum is.
{
    psql -d "$DB" -AtqF '	' -c "SELECT 'module', name, latest_version FROM ir_module_module
                                  WHERE state = 'installed' ORDER BY name"
    psql -d "$DB" -AtqF '	' -c "SELECT 'attachments', count(*) FROM ir_attachment"
} >"$dir.part/modules.tsv"
"${GESMIP_PYTHON:-python3}" - "$dir.part" "$DB" "$stamp" "$(psql -d postgres -Atqc 'SHOW server_version')" \
    "$GESMIP_ADDONS" "$ODOO_RELEASE" "$ODOO_COMMIT" <<'PY'
import hashlib, json, pathlib, sys

folder, db, stamp, pg_version, suite, odoo_release, odoo_commit = sys.argv[1:8]
folder = pathlib.Path(folder)
modules, attachments = {}, 0
for line in (folder / "modules.tsv").read_text().splitlines():
    kind, *rest = line.split("\t")
    if kind == "module":
        modules[rest[0]] = rest[1]
    else:
        attachments = int(rest[0])
(folder / "modules.tsv").unlink()


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


manifest = {
    "database": db,
    "date": stamp,
    "odoo_version": odoo_release or modules.get("base", ""),
    "odoo_commit": odoo_commit,
    "base_module_version": modules.get("base", ""),
    "postgresql_version": pg_version,
    "suite_addons": {name: modules[name] for name in suite.split(",") if name in modules},
    "installed_modules": modules,
    "attachments": attachments,
    "files": {p.name: sha256(p) for p in sorted(folder.iterdir())},
}
(folder / "manifest.json").write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")
PY
mv "$dir.part" "$dir"
trap - EXIT

# Rotation: the newest KEEP backups of DB stay.
mapfile -t old < <(find "$DEST/$DB" -mindepth 1 -maxdepth 1 -type d -name "${DB}_*" ! -name '*.part' |
    sort -r | tail -n +"$((KEEP + 1))")
for d in "${old[@]}"; do
    say "Rotation (keep $KEEP): removing $d"
    rm -rf "$d"
done
say "Backup of $DB: $(du -sh "$dir" | cut -f1) in $dir"
echo "$dir"
