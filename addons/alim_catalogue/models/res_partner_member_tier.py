from odoo import api, fields, models

TIER_PRICELISTS = {
    "member": "alim_catalogue.pricelist_member",
    "partner": "alim_catalogue.pricelist_partner",
    "non_member": "alim_catalogue.pricelist_non_member",
}


class ResPartner(models.Model):
    _inherit = "res.partner"

    member_tier = fields.Selection(
        [("member", "Network Member"), ("partner", "Partner"), ("non_member", "Non-member")],
        help="Sets the grocery's pricelist: the price it sees in the portal is the price it is invoiced.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._set_tier_pricelist(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._set_tier_pricelist(vals)
        return super().write(vals)

    def _set_tier_pricelist(self, vals):
        tier = vals.get("member_tier")
        if tier and "property_product_pricelist" not in vals:
            pricelist = self.env.ref(TIER_PRICELISTS[tier], raise_if_not_found=False)
            if pricelist:
                vals["property_product_pricelist"] = pricelist.id
