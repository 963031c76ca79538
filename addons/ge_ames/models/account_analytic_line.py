from odoo import api, fields, models
from odoo.exceptions import UserError

from ..lib.billing import time_flags

# Fields that may still change on a billed line (they do not change what was billed).
FREE_FIELDS = {"name"}


class AccountAnalyticLine(models.Model):
    _inherit = "account.analytic.line"

    ge_member_id = fields.Many2one(
        "res.partner", string="GE Member", index=True, domain=[("ge_member", "=", True)]
    )
    ge_activity_id = fields.Many2one("ge.ames.activity", string="GE Activity", index=True)
    ge_agreement_id = fields.Many2one(
        "ge.ames.agreement", string="Agreement", compute="_compute_ge_agreement", store=True, index=True
    )
    ge_outside_agreement = fields.Boolean(string="Outside Agreement", compute="_compute_ge_flags", store=True)
    ge_day_off = fields.Boolean(string="Day Off", compute="_compute_ge_flags", store=True)
    ge_over_planned = fields.Boolean(string="Over Planned Hours", compute="_compute_ge_flags", store=True)
    ge_invoice_line_id = fields.Many2one(
        "account.move.line", string="Billed On", copy=False, index=True, readonly=True
    )
    ge_billed = fields.Boolean(string="Billed", compute="_compute_ge_billed", store=True)

    @api.depends("ge_invoice_line_id")
    def _compute_ge_billed(self):
        for line in self:
            line.ge_billed = bool(line.ge_invoice_line_id)

    @api.depends("employee_id", "ge_member_id", "date")
    def _compute_ge_agreement(self):
        members = self.filtered("ge_member_id")
        (self - members).ge_agreement_id = False
        if not members:
            return
        agreements = self.env["ge.ames.agreement"].search(
            [("employee_id", "in", members.employee_id.ids), ("partner_id", "in", members.ge_member_id.ids)]
        )
        for line in members:
            line.ge_agreement_id = agreements.filtered(
                lambda a, line=line: (
                    a.employee_id == line.employee_id
                    and a.partner_id == line.ge_member_id
                    and a.date_start <= line.date
                    and (not a.date_end or a.date_end >= line.date)
                )
            )[:1]

    @api.depends("ge_agreement_id", "ge_member_id", "date", "unit_amount")
    def _compute_ge_flags(self):
        for line in self:
            if not line.ge_member_id:
                line.ge_outside_agreement = line.ge_day_off = line.ge_over_planned = False
                continue
            agreement = line.ge_agreement_id
            month_hours = line.unit_amount
            working = True
            if agreement:
                working = str(line.date.isoweekday()) in (agreement.working_days or "1234567")
                start = line.date.replace(day=1)
                domain = [
                    ("ge_agreement_id", "=", agreement.id),
                    ("date", ">=", start),
                    ("date", "<", fields.Date.add(start, months=1)),
                ]
                if line.id and isinstance(line.id, int):
                    domain.append(("id", "!=", line.id))
                other = self.env["account.analytic.line"]._read_group(domain, [], ["unit_amount:sum"])[0][0]
                month_hours += other or 0.0
            line.ge_outside_agreement, line.ge_day_off, line.ge_over_planned = time_flags(
                bool(agreement), working, month_hours, agreement.planned_hours, agreement.tolerance_pct
            )

    def write(self, vals):
        if (
            not self.env.context.get("ge_ames_unbill")
            and set(vals) - FREE_FIELDS
            and any(self.mapped("ge_billed"))
        ):
            raise UserError(
                self.env._(
                    "These hours are billed and cannot be changed: issue a credit note, then bill again."
                )
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _ge_ames_unlink_except_billed(self):
        if any(self.mapped("ge_billed")):
            raise UserError(self.env._("These hours are billed: they cannot be deleted."))
