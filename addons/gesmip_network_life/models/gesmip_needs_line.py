from odoo import fields, models

from .gesmip_needs_variety import PRODUCE_FAMILIES


class GesmipNeedsLine(models.Model):
    """Weekly need of one variety, aggregated from the interviews of a needs study."""

    _name = "gesmip.needs.line"
    _description = "Needs Study Line"
    _order = "study_id, family, variety_id"

    study_id = fields.Many2one("gesmip.needs.study", required=True, ondelete="cascade", index=True)
    variety_id = fields.Many2one("gesmip.needs.variety", required=True, ondelete="restrict")
    family = fields.Selection(PRODUCE_FAMILIES, required=True)
    uom_name = fields.Char(related="variety_id.uom_name", string="Unit")
    interview_count = fields.Integer(string="Households Asking", readonly=True)
    mean_per_household = fields.Float(string="Per Household per Week", digits=(16, 3), readonly=True)
    weekly_quantity = fields.Float(string="Weekly Need", digits=(16, 2), readonly=True)
