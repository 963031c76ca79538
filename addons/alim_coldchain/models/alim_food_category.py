from odoo import fields, models


class AlimFoodCategory(models.Model):
    _inherit = "alim.food.category"

    ddm_tolerance_days = fields.Integer(
        string="Best-before tolerance (days)",
        help="How many days after its best-before date (DDM) a product of this category may "
        "still be given, flagged. Use-by dates (DLC) have no tolerance.",
    )

    _sql_constraints = [
        ("ddm_tolerance_positive", "CHECK(ddm_tolerance_days >= 0)", "The tolerance cannot be negative."),
    ]
