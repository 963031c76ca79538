from datetime import timedelta
from urllib.parse import urlsplit

from odoo import api, fields, models
from odoo.exceptions import ValidationError

CALL_STATES = [
    ("spotted", "Spotted"),
    ("shared", "Shared"),
    ("applying", "Groceries Applying"),
    ("submitted", "Submitted"),
    ("won", "Won"),
    ("lost", "Lost"),
]
OPEN_STATES = ("spotted", "shared", "applying")


def _is_web_link(url):
    """A link to a web page: http or https with a host, on one line (no javascript:, data:...)."""
    if any(char in url for char in "\r\n\t\x00") or url != url.strip():
        return False
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


class GesmipCallProject(models.Model):
    """A call for projects that the network spots, shares and helps groceries answer."""

    _name = "gesmip.call.project"
    _description = "Call for Projects"
    _inherit = ["gesmip.state.machine.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "deadline, id"
    _state_transitions = {
        "share": (("spotted",), "shared"),
        "apply": (("shared",), "applying"),
        "submit": (("applying",), "submitted"),
        "win": (("submitted",), "won"),
        "lose": (("shared", "applying", "submitted"), "lost"),
        "reset": (("lost", "won"), "spotted"),
    }
    _state_transition_depends = ("applicant_grocery_ids",)

    name = fields.Char(string="Subject", required=True, tracking=True)
    funder_id = fields.Many2one("res.partner", required=True, tracking=True)
    funder_name = fields.Char(related="funder_id.name", string="Funder Name")
    deadline = fields.Date(required=True, tracking=True)
    currency_id = fields.Many2one(
        "res.currency", required=True, default=lambda self: self.env.company.currency_id
    )
    amount = fields.Monetary(string="Amount at Stake", currency_field="currency_id", tracking=True)
    amount_won = fields.Monetary(currency_field="currency_id", tracking=True)
    description = fields.Html()
    url = fields.Char(string="Link")
    user_id = fields.Many2one(
        "res.users", string="Responsible", default=lambda self: self.env.user, tracking=True
    )
    eligible_grocery_ids = fields.Many2many(
        "res.partner",
        "gesmip_call_project_eligible_rel",
        "call_id",
        "grocery_id",
        string="Eligible Groceries",
        domain=[("is_grocery", "=", True)],
        help="Leave empty when every member grocery may apply.",
    )
    applicant_grocery_ids = fields.Many2many(
        "res.partner",
        "gesmip_call_project_applicant_rel",
        "call_id",
        "grocery_id",
        string="Groceries Applying",
        domain=[("is_grocery", "=", True)],
    )
    state = fields.Selection(CALL_STATES, default="spotted", required=True, tracking=True, copy=False)
    reminder_days = fields.Integer(
        string="Remind Days Before",
        default=14,
        help="A reminder is scheduled this many days before the deadline.",
    )
    reminder_date = fields.Date(compute="_compute_reminder_date", store=True)
    reminder_sent = fields.Boolean(copy=False, readonly=True)
    days_left = fields.Integer(compute="_compute_days_left")
    is_action_share_allowed = fields.Boolean(compute="_compute_is_action_allowed")
    is_action_apply_allowed = fields.Boolean(compute="_compute_is_action_allowed")
    is_action_submit_allowed = fields.Boolean(compute="_compute_is_action_allowed")
    is_action_win_allowed = fields.Boolean(compute="_compute_is_action_allowed")
    is_action_lose_allowed = fields.Boolean(compute="_compute_is_action_allowed")
    is_action_reset_allowed = fields.Boolean(compute="_compute_is_action_allowed")

    @api.depends("deadline", "reminder_days")
    def _compute_reminder_date(self):
        for call in self:
            call.reminder_date = call.deadline and call.deadline - timedelta(days=max(call.reminder_days, 0))

    @api.depends("deadline")
    def _compute_days_left(self):
        today = fields.Date.context_today(self)
        for call in self:
            call.days_left = (call.deadline - today).days if call.deadline else 0

    @api.constrains("url")
    def _check_url(self):
        for call in self:
            if call.url and not _is_web_link(call.url):
                raise ValidationError(
                    self.env._("The link of a call for projects must be a web address (http:// or https://).")
                )

    @api.constrains("amount", "amount_won", "reminder_days")
    def _check_amounts(self):
        for call in self:
            if call.amount < 0 or call.amount_won < 0 or call.reminder_days < 0:
                raise ValidationError(
                    self.env._(
                        "Amounts and reminder days cannot be negative (call %(name)s).", name=call.name
                    )
                )

    def _action_refusal(self, action):
        refusal = super()._action_refusal(action)
        if not refusal and action == "apply" and not self.applicant_grocery_ids:
            return self.env._(
                "Call %(name)s: add at least one grocery applying first.", name=self.display_name
            )
        return refusal

    def action_share(self):
        return self._transition("share")

    def action_apply(self):
        return self._transition("apply")

    def action_submit(self):
        return self._transition("submit")

    def action_win(self):
        self._check_is_action_allowed("win")
        for call in self:
            call._transition("win", amount_won=call.amount_won or call.amount)
        return True

    def action_lose(self):
        return self._transition("lose")

    def action_reset(self):
        return self._transition("reset", reminder_sent=False, amount_won=0.0)

    @api.model
    def _cron_deadline_reminders(self, today=None):
        """Schedule a to-do for the responsible of each open call whose reminder date has come."""
        today = today or fields.Date.context_today(self)
        calls = self.search(
            [
                ("state", "in", OPEN_STATES),
                ("reminder_sent", "=", False),
                ("reminder_date", "<=", today),
                ("deadline", ">=", today),
            ]
        )
        for call in calls:
            call.activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=call.deadline,
                summary=self.env._("Deadline of the call for projects on %(date)s", date=call.deadline),
                note=self.env._(
                    "The call for projects %(name)s (%(funder)s) closes on %(date)s.",
                    name=call.name,
                    funder=call.funder_id.display_name,
                    date=call.deadline,
                ),
                user_id=(call.user_id or self.env.user).id,
            )
        calls.write({"reminder_sent": True})
        return calls
