#!/usr/bin/env bash
# Restore a backup made by tools/backup.sh into a NEW database and its filestore folder.
# It refuses to overwrite: the database must not exist, nor its filestore folder.
#
#   tools/restore.sh BACKUP_DIR NEWDB
#
# The files' checksums are checked against the backup's manifest first. PostgreSQL and the
# data folder are found as by tools/backup.sh (PG* variables, GESMIP_DATA_DIR). The restored
# database keeps its identity (database.uuid, mail servers, crons): it is the platform's
# database brought back. For a copy to try things on, neutralize it before serving it
# (odoo-bin neutralize -d NEWDB, docs/deployment.md).
set -euo pipefail
# shellcheck source=setup.sh
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

[ $# -eq 2 ] || die "usage: $0 BACKUP_DIR NEWDB (see the head of $0)"
BACKUP="$1"
NEWDB="$2"
DATA_DIR="${GESMIP_DATA_DIR:-$GESMIP_CACHE/filestore}"
[[ "$NEWDB" =~ ^[a-zA-Z0-9][a-zA-Z0-9_.-]+$ ]] || die "$NEWDB is not a valid database name."
[ -f "$BACKUP/manifest.json" ] && [ -f "$BACKUP/db.dump" ] || die "$BACKUP is not a backup of tools/backup.sh (no manifest.json or db.dump)."

gesmip_postgres
[ "$(psql -d postgres -Atqc "SELECT 1 FROM pg_database WHERE datname='$NEWDB'")" = 1 ] &&
    die "The database $NEWDB exists: restore refuses to overwrite it (choose another name, or drop it yourself)."
store="$DATA_DIR/filestore/$NEWDB"
[ -e "$store" ] && die "The filestore folder $store exists: restore refuses to overwrite it."

# The files are the ones the manifest describes.
"${GESMIP_PYTHON:-python3}" - "$BACKUP" <<'PY' || die "$BACKUP is damaged (above)."
import hashlib, json, pathlib, sys

folder = pathlib.Path(sys.argv[1])
manifest = json.loads((folder / "manifest.json").read_text())
bad = 0
for name, expected in manifest["files"].items():
    digest = hashlib.sha256()
    with open(folder / name, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    if digest.hexdigest() != expected:
        print(f"{name}: checksum {digest.hexdigest()} differs from the manifest's {expected}")
        bad += 1
print(
    f"Backup of {manifest['database']} taken {manifest['date']}, Odoo {manifest['odoo_version']}, "
    f"{len(manifest['suite_addons'])} suite addons",
    file=sys.stderr,
)
sys.exit(1 if bad else 0)
PY

say "Restoring $BACKUP into the new database $NEWDB"
psql -d postgres -qc "CREATE DATABASE \"$NEWDB\" TEMPLATE template0 ENCODING 'UTF8'" >/dev/null
if ! pg_restore --no-owner --no-privileges --exit-on-error --jobs 2 -d "$NEWDB" "$BACKUP/db.dump"; then
    psql -d postgres -qc "DROP DATABASE IF EXISTS \"$NEWDB\"" >/dev/null 2>&1 || true
    die "pg_restore failed (above); the new database $NEWDB was dropped again."
fi
if [ -f "$BACKUP/filestore.tar.gz" ]; then
    mkdir -p "$DATA_DIR/filestore"
    tmp="$(mktemp -d "$DATA_DIR/filestore/.restore-$NEWDB.XXXXXX")"
    tar -C "$tmp" -xzf "$BACKUP/filestore.tar.gz"
    old="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["database"])' "$BACKUP/manifest.json")"
    mv "$tmp/$old" "$store"
    rmdir "$tmp"
fi
say "Restored $NEWDB ($(psql -d "$NEWDB" -Atqc 'SELECT count(*) FROM ir_attachment') attachments, filestore $store)"
