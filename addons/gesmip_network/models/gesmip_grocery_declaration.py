from dateutil.relativedelta import relativedelta
from psycopg2.errors import UniqueViolation

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools.misc import format_date

from ..lib.declaration import FigureError, month_start, previous_month, read_count, read_kg, read_month

# A grocery declares from the portal the months of the last year; older ones go through staff.
PORTAL_MONTHS_BACK = 12
# The figures of the portal's form: field name -> (reader, required)
PORTAL_FIGURES = {
    "households_count": (read_count, True),
    "people_count": (read_count, True),
    "distribution_days": (read_count, True),
    "kg_distributed": (read_kg, False),
}


class GesmipGroceryDeclaration(models.Model):
    """The figures a member grocery owes the network for a month that has ended: households
    and people served, distribution days and, if it weighs them, kilograms distributed.

    One per grocery and month (the database says so). The grocery declares from the portal
    (``_portal_declare``, the only way in for a portal user); once declared, only a network
    coordinator changes it, and each change is tracked in the chatter. The latest declared
    month gives the households of fair allocation (``res.partner.grocery_households_used``)."""

    _name = "gesmip.grocery.declaration"
    _description = "Monthly Figures of a Grocery"
    _inherit = ["gesmip.state.machine.mixin", "mail.thread"]
    _order = "month desc, grocery_id"

    grocery_id = fields.Many2one(
        "res.partner",
        required=True,
        index=True,
        ondelete="restrict",
        domain=[("is_grocery", "=", True), ("is_company", "=", True)],
        tracking=True,
    )
    month = fields.Date(
        required=True, index=True, tracking=True, help="The month of the figures (its first day)."
    )
    department_id = fields.Many2one(related="grocery_id.department_id", store=True, string="Département")
    households_count = fields.Integer(
        string="Households Served", tracking=True, help="Households that came to the grocery in the month."
    )
    people_count = fields.Integer(
        string="People Served", tracking=True, help="People (household members) served in the month."
    )
    distribution_days = fields.Integer(tracking=True, help="Days the grocery was open for distribution.")
    kg_distributed = fields.Float(
        string="Kilograms Distributed",
        digits=(12, 1),
        tracking=True,
        help="Optional: the weight of the food distributed in the month, if the grocery weighs it.",
    )
    state = fields.Selection(
        [("draft", "Not Declared"), ("declared", "Declared")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    declared_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    declared_on = fields.Datetime(readonly=True, copy=False)
    reminded_on = fields.Date(
        string="Reminder Sent On",
        readonly=True,
        copy=False,
        help="The day the reminder of this month was mailed.",
    )

    _state_transitions = {"declare": (("draft",), "declared")}
    is_action_declare_allowed = fields.Boolean(compute="_compute_is_action_allowed")

    _sql_constraints = [
        (
            "grocery_month_uniq",
            "UNIQUE(grocery_id, month)",
            "A grocery has one declaration per month: open the existing one.",
        ),
        (
            "figures_positive",
            "CHECK(households_count >= 0 AND people_count >= 0 AND distribution_days >= 0 "
            "AND COALESCE(kg_distributed, 0) >= 0)",
            "The figures cannot be negative.",
        ),
    ]

    @api.depends("grocery_id", "month")
    def _compute_display_name(self):
        for declaration in self:
            declaration.display_name = " - ".join(
                part for part in (declaration.grocery_id.display_name, declaration._month_label()) if part
            )

    def _month_label(self, month=None):
        """The month in words, in the reader's language ("novembre 2026")."""
        month = month or (self and self.month)
        return format_date(self.env, month, date_format="MMMM y") if month else ""

    @api.constrains("month", "households_count", "people_count", "distribution_days", "kg_distributed")
    def _check_figures(self):
        this_month = month_start(fields.Date.context_today(self))
        for declaration in self:
            if declaration.month >= this_month:
                raise ValidationError(
                    self.env._(
                        "The figures of %(month)s can be declared once the month has ended.",
                        month=declaration._month_label(),
                    )
                )
            if min(
                declaration.households_count, declaration.people_count, declaration.distribution_days
            ) < 0 or (declaration.kg_distributed < 0):
                raise ValidationError(self.env._("The figures cannot be negative."))
            if declaration.distribution_days > 31:
                raise ValidationError(self.env._("A month has 31 distribution days at most."))
            if declaration.people_count < declaration.households_count:
                raise ValidationError(
                    self.env._(
                        "%(people)s people for %(households)s households: each household counts "
                        "at least one person.",
                        people=declaration.people_count,
                        households=declaration.households_count,
                    )
                )

    @api.model
    def _normalize_month(self, vals):
        if vals.get("month"):
            vals["month"] = month_start(fields.Date.to_date(vals["month"]))
        return vals

    @api.model_create_multi
    def create(self, vals_list):
        return super().create([self._normalize_month(vals) for vals in vals_list])

    def write(self, vals):
        return super().write(self._normalize_month(vals))

    # --- actions ----------------------------------------------------------------------------
    def action_declare(self):
        """Staff declare on the grocery's behalf (a declaration received by phone or paper)."""
        return self._transition("declare", **self._declared_values())

    def _declared_values(self):
        return {"declared_by_id": self.env.uid, "declared_on": fields.Datetime.now()}

    # --- the portal: the current (portal) user declares for its own grocery ----------------
    @api.model
    def _portal_grocery(self):
        """The current user's member grocery, else AccessError (a 404 at the portal)."""
        grocery = self.env.user._gesmip_member_grocery()
        if not grocery:
            raise AccessError(self.env._("Only a member grocery can declare its figures."))
        return grocery

    @api.model
    def _portal_month_to_declare(self, grocery=None):
        """The month the current user's grocery owes and has not declared (the month just
        ended), or False."""
        grocery = grocery or self.env.user._gesmip_member_grocery()
        if not grocery:
            return False
        month = previous_month(fields.Date.context_today(self))
        return month if grocery.sudo()._gesmip_undeclared(month) else False

    @api.model
    def _portal_read_figures(self, post):
        """``{field: value}`` of what the user typed, or one UserError naming every field
        refused (nothing is written)."""
        labels = {name: self._fields[name]._description_string(self.env) for name in PORTAL_FIGURES}
        values, refused = {}, []
        for name, (reader, required) in PORTAL_FIGURES.items():
            raw = post.get(name, "")
            try:
                value = reader(raw, required=required)
            except FigureError as error:
                refused.append(self._figure_refusal(labels[name], raw, error))
                continue
            values[name] = value or 0
        if refused:
            raise UserError(" ".join(refused))
        return values

    def _figure_refusal(self, label, raw, error):
        typed = raw if isinstance(raw, str) else ""
        if error.code == "negative":
            return self.env._(
                "%(field)s: the number cannot be negative (you typed “%(typed)s”).", field=label, typed=typed
            )
        if error.code == "too_big":
            return self.env._("%(field)s: “%(typed)s” is too big for a month.", field=label, typed=typed)
        if not typed.strip():
            return self.env._("%(field)s: please type a number.", field=label)
        return self.env._(
            "%(field)s: type a whole number, for example 12 (you typed “%(typed)s”).",
            field=label,
            typed=typed,
        )

    @api.model
    def _portal_declare(self, post):
        """Declare the figures the current user typed for its grocery, ``post`` being the
        form's texts (``month`` as YYYY-MM, ``households_count``, ``people_count``,
        ``distribution_days``, ``kg_distributed``). A month not yet ended, a month already
        declared, a figure refused: a UserError, and nothing written. The only way a portal
        user writes a declaration (its access rights are read only)."""
        grocery = self._portal_grocery()
        try:
            month = read_month(post.get("month"))
        except FigureError:
            raise UserError(self.env._("Choose the month you declare.")) from None
        oldest = month_start(fields.Date.context_today(self)) - relativedelta(months=PORTAL_MONTHS_BACK)
        if month < oldest:
            raise UserError(
                self.env._(
                    "Months older than a year are declared through the network's coordination (%(month)s).",
                    month=self._month_label(month),
                )
            )
        values = self._portal_read_figures(post)
        Declaration = self.sudo()
        existing = Declaration.search([("grocery_id", "=", grocery.id), ("month", "=", month)])
        if existing.state == "declared":
            raise UserError(
                self.env._(
                    "Your figures of %(month)s are already declared. To correct them, ask the "
                    "network's coordination.",
                    month=self._month_label(month),
                )
            )
        values.update(self._declared_values())
        if existing:
            existing._transition("declare", **values)
            return existing.with_env(self.env)
        try:
            with self.env.cr.savepoint():
                declaration = Declaration.create(
                    {"grocery_id": grocery.id, "month": month, "state": "declared", **values}
                )
        except UniqueViolation:
            # declared at the same moment from another window
            raise UserError(
                self.env._("Your figures of %(month)s are already declared.", month=self._month_label(month))
            ) from None
        return declaration.with_env(self.env)

    # --- the reminder -----------------------------------------------------------------------
    @api.model
    def _cron_remind(self):
        """At the start of the month, remind every grocery that owes last month's figures:
        its draft for the month is made, and one mail sent, once (``reminded_on``), however
        often the cron runs."""
        month = previous_month(fields.Date.context_today(self))
        groceries = self.env["res.partner"].search(
            self.env["res.partner"]._gesmip_declaration_expected_domain(month)
        )
        groceries = groceries._gesmip_undeclared(month)
        existing = self.search([("month", "=", month), ("grocery_id", "in", groceries.ids)])
        missing = groceries - existing.grocery_id
        drafts = existing | self.create([{"grocery_id": grocery.id, "month": month} for grocery in missing])
        template = self.env.ref("gesmip_network.gesmip_grocery_declaration_mail_reminder")
        today = fields.Date.context_today(self)
        for declaration in drafts.filtered(lambda d: d.state == "draft" and not d.reminded_on):
            recipients = declaration._reminder_recipients()
            if recipients:
                template.send_mail(
                    declaration.id, email_values={"recipient_ids": [Command.set(recipients.ids)]}
                )
            declaration.reminded_on = today
        return True

    def _reminder_recipients(self):
        """Who reads the reminder: the grocery's portal users, else the grocery itself."""
        self.ensure_one()
        users = self.grocery_id.grocery_user_ids.filtered(
            lambda user: user.active and user.has_group("gesmip_network.gesmip_network_group_grocery")
        )
        partners = users.partner_id.filtered("email") or self.grocery_id.filtered("email")
        return partners
