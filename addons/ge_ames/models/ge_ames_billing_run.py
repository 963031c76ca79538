import time

from odoo import api, fields, models
from odoo.exceptions import UserError


class GeAmesBillingRun(models.Model):
    """One monthly billing of GE AMES: the draft invoices it made, run in the background in
    batches of members when there are many (gesmip.background.mixin)."""

    _name = "ge.ames.billing.run"
    _description = "GE AMES Billing Run"
    _inherit = ["gesmip.background.mixin"]
    _order = "id desc"
    _job_cron_xmlid = "ge_ames.ge_ames_billing_run_job_cron"
    # Up to this many members, the month is billed at once in the request.
    _job_inline_members = 20

    month = fields.Date(required=True, readonly=True, help="First day of the month billed.")
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company)
    move_ids = fields.Many2many("account.move", string="Invoices", readonly=True, copy=False)
    move_count = fields.Integer(compute="_compute_move_count")

    @api.depends("month")
    def _compute_display_name(self):
        for run in self:
            month = run.month.strftime("%m/%Y") if run.month else ""
            run.display_name = self.env._("Billing %s", month)

    @api.depends("move_ids")
    def _compute_move_count(self):
        for run in self:
            run.move_count = len(run.move_ids)

    def _job_action_labels(self):
        return dict(super()._job_action_labels(), bill=self.env._("Monthly billing"))

    def _wizard(self):
        return self.env["ge.ames.billing.wizard"].create({"month": self.month})

    def _job_prepare_bill(self):
        other = self.search(
            [
                ("id", "!=", self.id),
                ("month", "=", self.month),
                ("company_id", "=", self.company_id.id),
                ("job_state", "in", ("queued", "running")),
            ],
            limit=1,
        )
        if other:
            other._job_check_not_pending()
        wizard = self._wizard()
        members = wizard._members_to_bill()
        if not members:
            raise UserError(self.env._("Nothing to bill for this month: all hours are already billed."))
        wizard._check_rates()
        return len(members), len(members) <= self._job_inline_members

    def _job_step_bill(self, deadline):
        """Bill the members in chunks sized from the time the first ones took; each member's
        invoice and the marking of its hours are in the same batch."""
        wizard = self._wizard()
        if deadline is None:
            self.move_ids |= wizard._bill()
            return self.job_total
        members = wizard._members_to_bill()
        chunk = 1
        while members:
            start = time.monotonic()
            self.move_ids |= wizard._bill(members=members[:chunk])
            self.env.flush_all()
            per_member = (time.monotonic() - start) / len(members[:chunk])
            members = members[chunk:]
            left = deadline - time.monotonic()
            if left <= 0:
                break
            chunk = max(1, int(left / per_member)) if per_member else len(members)
        return max(0, self.job_total - len(wizard._members_to_bill()))

    def action_bill(self):
        return self._job_launch("bill")

    def action_view_invoices(self):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("GE AMES Invoices"),
            "res_model": "account.move",
            "view_mode": "list,form",
            "domain": [("id", "in", self.move_ids.ids)],
        }
