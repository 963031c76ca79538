from odoo import fields, models

PRODUCE_FAMILIES = [
    ("vegetables", "Fresh Vegetables"),
    ("fruit", "Fresh Fruit"),
    ("dairy", "Dairy and Eggs"),
    ("protein", "Meat, Fish and Pulses"),
    ("dry", "Dry Goods"),
    ("other", "Other"),
]


class GesmipNeedsVariety(models.Model):
    """A product variety that households are asked about (carrots, apples, lentils...)."""

    _name = "gesmip.needs.variety"
    _description = "Needs Study Variety"
    _order = "family, name"

    name = fields.Char(required=True, translate=True)
    family = fields.Selection(PRODUCE_FAMILIES, required=True, default="vegetables")
    uom_name = fields.Char(string="Unit", default="kg", required=True)
    currency_id = fields.Many2one(
        "res.currency", required=True, default=lambda self: self.env.company.currency_id
    )
    expected_price = fields.Monetary(
        currency_field="currency_id", help="Expected price per unit paid to the farmer or supplier."
    )
    active = fields.Boolean(default=True)
