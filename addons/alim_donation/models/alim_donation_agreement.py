from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..lib.agreement_clauses import CLAUSE_DEFAULTS, PICKUP_SCHEDULE

# What may still change once the agreement is signed: its workflow, its ending, the chatter.
# Everything else (parties, signatories, dates, clauses, the signed document) is the signed
# text: a change is a new agreement.
MUTABLE_FIELDS = {
    "state",
    "date_terminated",
    "termination_reason",
    "message_main_attachment_id",
    "message_follower_ids",
    "message_ids",
    "activity_ids",
}
# An agreement counts for the receptions of its dates once signed, and keeps counting for
# those dates after it ended.
IN_FORCE_STATES = ("signed", "ended", "terminated")
EXPIRING_DAYS = 60


class AlimDonationAgreement(models.Model):
    """The donation agreement (convention de don) between a donor and the platform: its
    parties, dates, the clauses the law lists, and the scanned signed copy."""

    _name = "alim.donation.agreement"
    _description = "Donation Agreement"
    _inherit = ["gesmip.state.machine.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "date_start desc, id desc"
    _state_transitions = {
        "sign": (("draft",), "signed"),
        "end": (("signed",), "ended"),
        "terminate": (("signed",), "terminated"),
    }
    _state_transition_depends = ("signed_document", "date_end")

    name = fields.Char(string="Reference", readonly=True, copy=False, default="/", tracking=True)
    partner_id = fields.Many2one(
        "res.partner",
        string="Donor",
        required=True,
        index=True,
        tracking=True,
        domain=[("donor_kind", "!=", False), ("is_company", "=", True)],
    )
    company_id = fields.Many2one(
        "res.company", string="Platform", required=True, default=lambda self: self.env.company
    )
    state = fields.Selection(
        [("draft", "Draft"), ("signed", "Signed"), ("ended", "Ended"), ("terminated", "Terminated")],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    date_signature = fields.Date(string="Signature Date", copy=False, tracking=True)
    date_start = fields.Date(
        string="Start Date", required=True, default=fields.Date.context_today, tracking=True
    )
    date_end = fields.Date(string="End Date", tracking=True, help="Leave empty for an open-ended agreement.")
    date_terminated = fields.Date(
        string="Terminated On",
        readonly=True,
        copy=False,
        tracking=True,
        help="The last day of an agreement ended before its end date.",
    )
    termination_reason = fields.Text(copy=False)
    date_stop = fields.Date(
        string="Last Day",
        compute="_compute_date_stop",
        store=True,
        help="The end date, or the termination date when it came first.",
    )
    donor_signatory_name = fields.Char(string="Donor's Signatory")
    donor_signatory_role = fields.Char(string="Role of the Donor's Signatory", help="E.g. Store manager.")
    platform_signatory_name = fields.Char(
        string="Platform's Signatory", default=lambda self: self.env.company.alim_receipt_signatory_name
    )
    platform_signatory_role = fields.Char(
        string="Role of the Platform's Signatory",
        default=lambda self: self.env.company.alim_receipt_signatory_role,
    )
    clause_sorting = fields.Text(
        string="Sorting by the Donor", default=CLAUSE_DEFAULTS["clause_sorting"], required=True
    )
    clause_refusal = fields.Text(
        string="Right to Refuse", default=CLAUSE_DEFAULTS["clause_refusal"], required=True
    )
    clause_pickup = fields.Text(
        string="Pickup Terms", default=CLAUSE_DEFAULTS["clause_pickup"], required=True
    )
    clause_transport = fields.Text(
        string="Transport", default=CLAUSE_DEFAULTS["clause_transport"], required=True
    )
    clause_storage = fields.Text(string="Storage", default=CLAUSE_DEFAULTS["clause_storage"], required=True)
    clause_responsibility = fields.Text(
        string="Responsibilities", default=CLAUSE_DEFAULTS["clause_responsibility"], required=True
    )
    clause_traceability = fields.Text(
        string="Traceability", default=CLAUSE_DEFAULTS["clause_traceability"], required=True
    )
    clause_tax_receipt = fields.Text(
        string="Tax Receipt", default=CLAUSE_DEFAULTS["clause_tax_receipt"], required=True
    )
    signed_document = fields.Binary(
        string="Signed Agreement",
        attachment=True,
        copy=False,
        help="The scan of the agreement signed by both parties; needed to mark it signed.",
    )
    signed_document_name = fields.Char(copy=False)
    is_expiring = fields.Boolean(
        string="Expiring Soon",
        compute="_compute_is_expiring",
        search="_search_is_expiring",
        help=f"Signed, and its end date within {EXPIRING_DAYS} days.",
    )
    is_action_sign_allowed = fields.Boolean(compute="_compute_is_action_allowed")
    is_action_end_allowed = fields.Boolean(compute="_compute_is_action_allowed")
    is_action_terminate_allowed = fields.Boolean(compute="_compute_is_action_allowed")

    _sql_constraints = [
        (
            "name_company_uniq",
            "UNIQUE(name, company_id)",
            "A donation agreement reference is used only once.",
        ),
    ]

    @api.depends("date_end", "date_terminated")
    def _compute_date_stop(self):
        for agreement in self:
            stops = [d for d in (agreement.date_end, agreement.date_terminated) if d]
            agreement.date_stop = min(stops) if stops else False

    @api.depends("state", "date_stop")
    def _compute_is_expiring(self):
        today = fields.Date.context_today(self)
        limit = today + timedelta(days=EXPIRING_DAYS)
        for agreement in self:
            agreement.is_expiring = bool(
                agreement.state == "signed" and agreement.date_stop and agreement.date_stop <= limit
            )

    def _search_is_expiring(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("This search is not supported."))
        limit = fields.Date.context_today(self) + timedelta(days=EXPIRING_DAYS)
        domain = [("state", "=", "signed"), ("date_stop", "!=", False), ("date_stop", "<=", limit)]
        positive = (operator == "=") == value
        return domain if positive else ["!", "&", "&", *domain]

    @api.depends("name", "partner_id")
    def _compute_display_name(self):
        for agreement in self:
            agreement.display_name = f"{agreement.name or '/'} - {agreement.partner_id.name or ''}"

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for agreement in self:
            if agreement.date_end and agreement.date_end < agreement.date_start:
                raise ValidationError(self.env._("A donation agreement cannot end before it starts."))

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                # numbered in the year the agreement starts
                start = fields.Date.to_date(vals.get("date_start")) or fields.Date.context_today(self)
                vals["name"] = (
                    self.env["ir.sequence"].next_by_code("alim.donation.agreement", sequence_date=start)
                    or "/"
                )
            if "clause_pickup" not in vals and vals.get("partner_id"):
                schedule = self.env["res.partner"].browse(vals["partner_id"]).donation_pickup_schedule
                if schedule:
                    # the clauses are the French text both parties sign, whatever the user's language
                    pickup = CLAUSE_DEFAULTS["clause_pickup"]
                    vals["clause_pickup"] = f"{pickup}\n{PICKUP_SCHEDULE % schedule}"
        return super().create(vals_list)

    def write(self, vals):
        self.check_access("write")
        locked = self.filtered(lambda a: a.state != "draft")
        if locked and set(vals) - MUTABLE_FIELDS:
            raise UserError(
                self.env._(
                    "The donation agreement %(agreement)s is signed: its parties, dates and clauses "
                    "cannot be changed. Make a new agreement instead.",
                    agreement=locked[0].display_name,
                )
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        if any(agreement.state != "draft" for agreement in self):
            raise UserError(self.env._("A signed donation agreement cannot be deleted."))

    # ------------------------------------------------------------------ state machine
    def _action_refusal(self, action):
        refusal = super()._action_refusal(action)
        if refusal:
            return refusal
        if action == "sign" and not self.signed_document:
            return self.env._(
                "Attach the scan of the agreement signed by both parties before marking "
                "%(agreement)s as signed.",
                agreement=self.display_name,
            )
        if action == "end" and (not self.date_end or self.date_end >= fields.Date.context_today(self)):
            return self.env._(
                "%(agreement)s has not reached its end date: terminate it to end it earlier.",
                agreement=self.display_name,
            )
        return ""

    def action_sign(self):
        """Signed: needs the scan of the signed copy; the signature date defaults to today."""
        self._check_is_action_allowed("sign")
        for agreement in self:
            agreement._transition(
                "sign", date_signature=agreement.date_signature or fields.Date.context_today(agreement)
            )
        return True

    def action_end(self):
        return self._transition("end")

    def action_terminate(self):
        """End the agreement before its end date, today (a change of terms is a new agreement)."""
        today = fields.Date.context_today(self)
        return self._transition("terminate", date_terminated=today)

    @api.model
    def _cron_end_expired(self):
        """Signed agreements whose end date is past become ended."""
        expired = self.search([("state", "=", "signed"), ("date_end", "<", fields.Date.context_today(self))])
        expired.action_end()
        return expired

    @api.model
    def _in_force_domain(self, partner, date):
        return [
            ("partner_id", "=", partner.commercial_partner_id.id),
            ("state", "in", IN_FORCE_STATES),
            ("date_start", "<=", date),
            "|",
            ("date_stop", "=", False),
            ("date_stop", ">=", date),
        ]

    @api.model
    def _in_force(self, partner, date):
        """The donor's agreement in force on that date (the latest signed if several)."""
        if not partner or not date:
            return self.browse()
        return self.search(self._in_force_domain(partner, date), order="date_start desc, id desc", limit=1)

    def _report_lang(self):
        return self.env["alim.donation.receipt"]._receipt_lang()

    def _get_report_base_filename(self):
        self.ensure_one()
        return self.env._("Donation agreement %(reference)s", reference=self.name)
