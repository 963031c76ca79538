from odoo import api, fields, models
from odoo.exceptions import ValidationError

NEED_TYPES = [
    ("collective", "Collective Dynamics"),
    ("participation", "Household Participation"),
    ("fresh_supply", "Fresh Local Supply"),
    ("skills", "Animation Skills"),
    ("structuring", "Project Structuring"),
]


class GesmipSupportNeed(models.Model):
    """What one grocery of a support programme needs, and how far it has come."""

    _name = "gesmip.support.need"
    _description = "Support Programme Need"
    _order = "programme_id, grocery_id, need_type"

    programme_id = fields.Many2one("gesmip.support.programme", required=True, ondelete="cascade", index=True)
    grocery_id = fields.Many2one("res.partner", required=True, domain=[("is_grocery", "=", True)])
    need_type = fields.Selection(NEED_TYPES, string="Need", required=True)
    description = fields.Text()
    progress = fields.Float(aggregator="avg", help="How far the grocery has come on this need, in percent.")
    next_step = fields.Char()

    @api.constrains("progress")
    def _check_progress(self):
        for need in self:
            if not 0 <= need.progress <= 100:
                raise ValidationError(self.env._("Progress is a percentage between 0 and 100."))

    @api.constrains("grocery_id", "programme_id")
    def _check_grocery_in_programme(self):
        for need in self:
            if need.grocery_id not in need.programme_id.grocery_ids:
                raise ValidationError(
                    self.env._(
                        "%(grocery)s is not one of the groceries of the programme %(programme)s.",
                        grocery=need.grocery_id.display_name,
                        programme=need.programme_id.name,
                    )
                )
