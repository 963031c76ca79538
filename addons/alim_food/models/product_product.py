from odoo import api, models


class ProductProduct(models.Model):
    _inherit = "product.product"

    @api.model_create_multi
    def create(self, vals_list):
        products = super().create(vals_list)
        # the variant caches its template's tracking before the template, once dated, is
        # made lot-tracked (product.template._alim_track_dated): read it again
        products.invalidate_recordset(["tracking", "use_expiration_date"])
        return products
