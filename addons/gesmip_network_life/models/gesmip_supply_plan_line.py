from odoo import api, fields, models
from odoo.exceptions import ValidationError

SEASONS = [("spring", "Spring"), ("summer", "Summer"), ("autumn", "Autumn"), ("winter", "Winter")]


class GesmipSupplyPlanLine(models.Model):
    """What to grow or buy for a needs study: variety, season, quantity, farmer, price."""

    _name = "gesmip.supply.plan.line"
    _description = "Supply Plan Line"
    _order = "study_id, variety_id, season"

    study_id = fields.Many2one("gesmip.needs.study", required=True, ondelete="cascade", index=True)
    variety_id = fields.Many2one("gesmip.needs.variety", required=True, ondelete="restrict")
    family = fields.Selection(related="variety_id.family", store=True)
    season = fields.Selection(SEASONS, required=True)
    quantity = fields.Float(digits=(16, 2), required=True)
    uom_name = fields.Char(related="variety_id.uom_name", string="Unit")
    farmer_id = fields.Many2one("res.partner", string="Farmer or Supplier")
    currency_id = fields.Many2one(related="study_id.currency_id")
    expected_price = fields.Monetary(currency_field="currency_id", string="Expected Unit Price")
    cost = fields.Monetary(currency_field="currency_id", compute="_compute_cost", store=True)

    @api.depends("quantity", "expected_price")
    def _compute_cost(self):
        for line in self:
            line.cost = line.quantity * line.expected_price

    @api.constrains("quantity", "expected_price")
    def _check_positive(self):
        for line in self:
            if line.quantity < 0 or line.expected_price < 0:
                raise ValidationError(
                    self.env._(
                        "Quantity and price cannot be negative (%(variety)s).",
                        variety=line.variety_id.display_name,
                    )
                )
