from odoo import fields, models


class ProductTemplate(models.Model):
    _inherit = "product.template"

    alim_opened_shelf_days = fields.Integer(
        string="Shelf life after opening (days)",
        help="For a pack product: how long the lab guarantees the food once the bulk is opened "
        "and repacked. The pack's date is the earliest date of its inputs, shortened to the lab "
        "day plus these days. 0: the inputs' date only.",
    )

    _sql_constraints = [
        (
            "alim_opened_shelf_days_positive",
            "CHECK(alim_opened_shelf_days >= 0)",
            "A shelf life cannot be negative.",
        ),
    ]
