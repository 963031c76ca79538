from odoo import fields, models


class ProductTemplate(models.Model):
    _inherit = "product.template"

    alim_supply_mode = fields.Selection(
        [
            ("donated", "Donated or recovered"),
            ("bought", "Bought"),
            ("public_programme", "Public programme (free of charge)"),
        ],
        string="Supply",
        default="donated",
        required=True,
        tracking=True,
        help="Donated goods are charged to groceries as a logistics participation per kilogram; "
        "bought goods at cost plus a margin (see the member pricelists); goods of a public "
        "programme (FSE+, national programmes) are free of charge.",
    )
