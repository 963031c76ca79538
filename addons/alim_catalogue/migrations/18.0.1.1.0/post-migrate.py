"""18.0.1.1.0: member pricing by supply.

The tier pricelists had one rule each, a discount on the sales price. They now charge donated
goods a logistics fee per kg; the rules for bought goods (cost plus a margin) arrive with the
module's data. The old rule becomes the donated-goods rule, unless someone changed it since:
a rule that is no longer the shipped discount is left as it is.
"""

from odoo import SUPERUSER_ID, api

SHIPPED = {
    "alim_catalogue.pricelist_member_item": (30.0, 0.10),
    "alim_catalogue.pricelist_partner_item": (10.0, 0.20),
}


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    for xmlid, (old_discount, fee) in SHIPPED.items():
        item = env.ref(xmlid, raise_if_not_found=False)
        if (
            item
            and item.compute_price == "percentage"
            and item.percent_price == old_discount
            and item.applied_on == "3_global"
            and not item.alim_supply_mode
        ):
            item.write(
                {
                    "alim_supply_mode": "donated",
                    "compute_price": "formula",
                    "base": "alim_weight",
                    "alim_fee_per_kg": fee,
                    "percent_price": 0.0,
                }
            )
