from odoo import fields, models


class AlimFoodCategory(models.Model):
    """Food category used for reporting in kilograms and for impact factors."""

    _name = "alim.food.category"
    _description = "Food Category"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    meal_factor = fields.Float(
        string="Meals per kg",
        digits=(6, 2),
        help="Meal equivalents of one kilogram of this category, for impact reports.",
    )
    co2_factor = fields.Float(
        string="kg CO2e avoided per kg",
        digits=(6, 2),
        help="Emissions avoided when one kilogram of this category is saved from waste.",
    )
    product_count = fields.Integer(compute="_compute_product_count")

    _sql_constraints = [
        (
            "factors_positive",
            "CHECK(meal_factor >= 0 AND co2_factor >= 0)",
            "Impact factors cannot be negative.",
        ),
    ]

    def _compute_product_count(self):
        counts = dict(
            self.env["product.template"]._read_group(
                [("food_category_id", "in", self.ids)], ["food_category_id"], ["__count"]
            )
        )
        for category in self:
            category.product_count = counts.get(category, 0)
