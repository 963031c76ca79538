from odoo import api, fields, models
from odoo.exceptions import ValidationError


class GeAmesAgreement(models.Model):
    _name = "ge.ames.agreement"
    _description = "GE AMES Staff-Loan Agreement"
    _inherit = ["mail.thread"]
    _order = "date_start desc, id desc"

    name = fields.Char(string="Reference", required=True, tracking=True)
    employee_id = fields.Many2one("hr.employee", required=True, tracking=True, index=True)
    partner_id = fields.Many2one(
        "res.partner",
        string="Member",
        required=True,
        tracking=True,
        index=True,
        domain=[("ge_member", "=", True)],
    )
    activity_ids = fields.Many2many("ge.ames.activity", string="Activities")
    planned_hours = fields.Float(string="Planned Hours per Month", tracking=True)
    tolerance_pct = fields.Float(string="Tolerance (%)", default=10.0)
    date_start = fields.Date(required=True, tracking=True)
    date_end = fields.Date(tracking=True)
    working_days = fields.Char(
        default="12345", help="Working days of the agreement, 1 = Monday ... 7 = Sunday (e.g. 12345)."
    )
    active = fields.Boolean(default=True)

    @api.constrains("date_start", "date_end", "planned_hours", "working_days")
    def _check_agreement(self):
        for agreement in self:
            if agreement.date_end and agreement.date_end < agreement.date_start:
                raise ValidationError(self.env._("An agreement cannot end before it starts."))
            if agreement.planned_hours < 0:
                raise ValidationError(self.env._("Planned hours cannot be negative."))
            if agreement.working_days and not set(agreement.working_days) <= set("1234567"):
                raise ValidationError(self.env._("Working days are digits from 1 (Monday) to 7 (Sunday)."))
