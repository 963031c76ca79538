#!/bin/bash
# Entry point of the odoo service of docker-compose.yml, run before the official image's own
# /entrypoint.sh: it writes the configuration that Odoo reads (ODOO_RC) from the mounted
# config/odoo.docker.conf, adding
#   admin_passwd  the PBKDF2 hash of the master password read from the file
#                 $ODOO_ADMIN_PASSWD_FILE (a compose secret; refused when missing, short
#                 or published: "admin", "gesmip-admin");
#   db_password   from $PASSWORD_FILE (a compose secret, read by the official entrypoint too);
#   db_name, dbfilter   the one database served, $GESMIP_DB (default gesmip).
# It starts as root, because compose's file secrets keep the host file's owner and mode (600),
# and hands over to the image's user odoo with setpriv, the environment kept.
set -euo pipefail

template=/etc/odoo/odoo.conf
rendered=/tmp/gesmip-odoo.conf
db="${GESMIP_DB:-gesmip}"

die() {
    echo "gesmip-entrypoint: $*" >&2
    exit 2
}

[ -r "${ODOO_ADMIN_PASSWD_FILE:-}" ] || die "no master password: ODOO_ADMIN_PASSWD_FILE (a compose secret) is not readable."
admin_passwd="$(tr -d '\r\n' <"$ODOO_ADMIN_PASSWD_FILE")"
case "$admin_passwd" in
admin | gesmip-admin) die "the master password is a published one: generate another (docs/deployment.md)." ;;
esac
[ "${#admin_passwd}" -ge 16 ] || die "the master password has fewer than 16 characters: generate another (docs/deployment.md)."
[[ "$db" =~ ^[a-zA-Z0-9][a-zA-Z0-9_.-]+$ ]] || die "GESMIP_DB=$db is not a valid database name."
db_password=""
[ -r "${PASSWORD_FILE:-}" ] && db_password="$(tr -d '\r\n' <"$PASSWORD_FILE")"

admin_hash="$(ADMIN_PASSWD="$admin_passwd" python3 -c '
import os
from passlib.context import CryptContext
print(CryptContext(["pbkdf2_sha512"], pbkdf2_sha512__rounds=600_000).hash(os.environ["ADMIN_PASSWD"]))')"

umask 077
rm -f "$rendered"
{
    grep -vE '^\s*(admin_passwd|db_password|db_name|dbfilter)\s*=' "$template"
    echo "admin_passwd = $admin_hash"
    echo "db_password = $db_password"
    echo "db_name = $db"
    echo "dbfilter = ^$db\$"
} >"$rendered"
chown odoo: "$rendered"
export ODOO_RC="$rendered"
# the database password is in the configuration now, where the image's entrypoint reads it
unset PASSWORD_FILE ODOO_ADMIN_PASSWD_FILE
exec setpriv --reuid=odoo --regid=odoo --init-groups /entrypoint.sh "$@"
