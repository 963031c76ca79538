from odoo import api, fields, models
from odoo.exceptions import ValidationError

PRODUCE_FAMILIES = [
    ("vegetables", "Fresh Vegetables"),
    ("fruit", "Fresh Fruit"),
    ("dairy", "Dairy and Eggs"),
    ("protein", "Meat, Fish and Pulses"),
    ("dry", "Dry Goods"),
    ("other", "Other"),
]

# The month fields of the season table, 1 = January.
MONTH_FIELDS = {month: f"month_{month:02d}" for month in range(1, 13)}


class GesmipNeedsVariety(models.Model):
    """A product variety that households are asked about (carrots, apples, lentils...).

    Its season table (a box per month) says when it grows or keeps in France, so that the
    supply plan asks farmers for tomatoes in summer and not in winter; its producers say who
    could grow or supply it.
    """

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
    producer_ids = fields.Many2many(
        "res.partner",
        string="Who Could Grow It",
        help="Farmers or suppliers who could grow or supply this variety; the first one is proposed "
        "on every line of the supply plan.",
    )
    month_01 = fields.Boolean(string="Jan", default=True)
    month_02 = fields.Boolean(string="Feb", default=True)
    month_03 = fields.Boolean(string="Mar", default=True)
    month_04 = fields.Boolean(string="Apr", default=True)
    month_05 = fields.Boolean(string="May", default=True)
    month_06 = fields.Boolean(string="Jun", default=True)
    month_07 = fields.Boolean(string="Jul", default=True)
    month_08 = fields.Boolean(string="Aug", default=True)
    month_09 = fields.Boolean(string="Sep", default=True)
    month_10 = fields.Boolean(string="Oct", default=True)
    month_11 = fields.Boolean(string="Nov", default=True)
    month_12 = fields.Boolean(string="Dec", default=True)
    active = fields.Boolean(default=True)

    def _available_months(self):
        """The months (1 = January) in which the variety grows or keeps, from its season table."""
        self.ensure_one()
        return frozenset(month for month, name in MONTH_FIELDS.items() if self[name])

    @api.constrains(*MONTH_FIELDS.values())
    def _check_months(self):
        for variety in self:
            if not variety._available_months():
                raise ValidationError(
                    self.env._(
                        "Tick at least one month in which %(variety)s can be grown or bought.",
                        variety=variety.name,
                    )
                )
