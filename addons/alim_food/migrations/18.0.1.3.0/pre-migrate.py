"""18.0.1.3.0: the consumer ingredient list of a food product (``alim_ingredients``), kept by
alim_repack for its labels, is now alim_food's: labels, the catalogue and the dock read it
whatever addon prints them. The field, its column and its values stay; only its owner
changes, before alim_food loads, so that neither addon creates it again nor removes it.

Read by tools/upgrade_check.py: HANDED_OVER (what moves), RETIRED (nothing)."""

from odoo.addons.gesmip_base.module_split import hand_over, module_installed

HANDED_OVER = {
    "alim_food": {
        "models": [],
        "fields": {"product.template": ["alim_ingredients"], "product.product": ["alim_ingredients"]},
    }
}
RETIRED = {}


def migrate(cr, version):
    if not version or not module_installed(cr, "alim_repack"):
        return
    hand_over(cr, "alim_repack", "alim_food", fields=HANDED_OVER["alim_food"]["fields"], xmlids=())
