from odoo import api, fields, models
from odoo.exceptions import ValidationError


class AlimStarterKit(models.Model):
    """A template of the first stock a new grocery needs, for a reference number of households."""

    _name = "alim.starter.kit"
    _description = "Starter Kit"
    _inherit = ["mail.thread"]
    _order = "name"

    name = fields.Char(required=True, translate=True, tracking=True)
    active = fields.Boolean(default=True)
    reference_households = fields.Integer(
        string="For Households",
        required=True,
        default=10,
        tracking=True,
        help="The kit's quantities are those for this many households; they are scaled to the "
        "households the new grocery expects.",
    )
    line_ids = fields.One2many("alim.starter.kit.line", "kit_id", string="Products", copy=True)
    note = fields.Text()

    @api.constrains("reference_households")
    def _check_reference_households(self):
        for kit in self:
            if kit.reference_households <= 0:
                raise ValidationError(self.env._("A starter kit is made for at least one household."))
