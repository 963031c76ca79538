#!/usr/bin/env bash
# Back up a database with tools/backup.sh, restore it with tools/restore.sh into a new one,
# and compare the two (tools/backup_check.py): every table's row count, every attachment's
# checksum and its file's SHA-1 on disk. Ends on "N tables, N rows, N attachments equal", or
# fails. The backup and the restored database are removed afterwards.
#
#   tools/backup_check.sh DB
set -euo pipefail
# shellcheck source=setup.sh
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
# shellcheck source=template_db.sh
source "$GESMIP_ROOT/tools/template_db.sh"

[ $# -eq 1 ] || die "usage: $0 DB"
DB="$1"
RESTORED="${DB}_restored_$$"
DEST="$(mktemp -d "$GESMIP_CACHE/backup-check.XXXXXX")"
export GESMIP_DATA_DIR="${GESMIP_DATA_DIR:-$GESMIP_CACHE/filestore}"
cleanup() {
    gesmip_drop_db "$RESTORED"
    rm -rf "$DEST"
}
trap cleanup EXIT

gesmip_find_odoo
gesmip_venv
gesmip_postgres
started=$SECONDS
backup="$(bash "$GESMIP_ROOT/tools/backup.sh" "$DB" "$DEST" | tail -n 1)"
bash "$GESMIP_ROOT/tools/restore.sh" "$backup" "$RESTORED"
# restore refuses to overwrite: a second restore into the same name must fail
if bash "$GESMIP_ROOT/tools/restore.sh" "$backup" "$RESTORED" 2>/dev/null; then
    echo "FAILED restore.sh overwrote the existing database $RESTORED"
    exit 1
fi
say "Backup and restore took $((SECONDS - started)) s; comparing $DB and $RESTORED"
"$GESMIP_VENV/bin/python" "$GESMIP_ROOT/tools/backup_check.py" "$DB" "$RESTORED" "$GESMIP_DATA_DIR"
