from datetime import date, timedelta

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

    @api.model
    def _demo_generate_year(self, agreement_ids, year, total_hours):
        """Demo: weekday timesheets of the year for the agreements, adding up to ``total_hours``.

        Deterministic: the hours are shared evenly between the agreements, in whole hours per
        weekday, and the seven activities follow one another day after day.
        """
        agreements = self.browse(agreement_ids)
        agreements.partner_id.write({"ge_member": True, "ge_member_since": date(year, 1, 1)})
        activities = self.env["ge.ames.activity"].search([("active", "=", True)])
        project = self.env["project.project"].create({"name": "GE AMES", "allow_timesheets": True})
        days = [
            date(year, 1, 1) + timedelta(days=n)
            for n in range(366)
            if (date(year, 1, 1) + timedelta(days=n)).year == year
        ]
        days = [d for d in days if d.isoweekday() <= 5]
        share, extra = divmod(total_hours, len(agreements))
        vals_list = []
        for index, agreement in enumerate(agreements):
            target = share + (1 if index < extra else 0)
            base, longer = divmod(target, len(days))
            for n, day in enumerate(days):
                vals_list.append(
                    {
                        "name": activities[(n + index) % len(activities)].name,
                        "project_id": project.id,
                        "employee_id": agreement.employee_id.id,
                        "ge_member_id": agreement.partner_id.id,
                        "ge_activity_id": activities[(n + index) % len(activities)].id,
                        "date": day,
                        "unit_amount": base + (1 if n < longer else 0),
                    }
                )
        return self.env["account.analytic.line"].create(vals_list)
