from odoo import fields, models


class ProductTemplate(models.Model):
    _inherit = "product.template"

    alim_frozen_product_id = fields.Many2one(
        "product.product",
        string="Frozen as",
        domain=[("storage_class", "=", "frozen")],
        help="The frozen product a lot of this chilled product becomes when the platform "
        "freezes it before its use-by date.",
    )
