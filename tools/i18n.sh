#!/usr/bin/env bash
# Refresh an addon's translation files: installs it on a scratch copy of the template
# database with French loaded, exports i18n/<addon>.pot and i18n/fr.po (keeping every
# translation already made), and lists the French strings still missing.
#
#   tools/i18n.sh ADDON [ADDON...]
set -euo pipefail
# shellcheck source=setup.sh
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
[ $# -gt 0 ] || die "usage: $0 ADDON [ADDON...]"
gesmip_setup
gesmip_odoo_conf i18n "$GESMIP_ROOT/tests"
# shellcheck source=template_db.sh
source "$GESMIP_ROOT/tools/template_db.sh"
TEMPLATE="$(gesmip_template_db)"
DB="gesmip_i18n_$$"
trap 'gesmip_drop_db "$DB"' EXIT
gesmip_copy_db "$TEMPLATE" "$DB"
gesmip_odoo -d "$DB" -i "$(IFS=,; echo "$*")" --without-demo=all --load-language=fr_FR \
    --stop-after-init --max-cron-threads=0 --log-level=warn
for addon in "$@"; do
    dir="$GESMIP_ROOT/addons/$addon"
    [ -d "$dir" ] || dir="$GESMIP_ROOT/tests/$addon"
    mkdir -p "$dir/i18n"
    gesmip_odoo -d "$DB" --i18n-export="$dir/i18n/$addon.pot" --modules="$addon" \
        --stop-after-init --log-level=warn
    # Export to a scratch file: Odoo reads the code translations from i18n/fr.po while it
    # writes, so exporting onto it directly would truncate it first and lose them.
    gesmip_odoo -d "$DB" --i18n-export="$GESMIP_STATE/$addon.fr.po" --modules="$addon" --language=fr_FR \
        --stop-after-init --log-level=warn
    mv "$GESMIP_STATE/$addon.fr.po" "$dir/i18n/fr.po"
    "$GESMIP_CHECKS_VENV/bin/oca-checks-po" --fix --no-verbose "$dir/i18n/$addon.pot" "$dir/i18n/fr.po" || true
    "$GESMIP_VENV/bin/python" "$GESMIP_ROOT/tools/po_missing.py" "$dir/i18n/fr.po" || true
done
