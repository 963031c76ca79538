from odoo import api, fields, models
from odoo.exceptions import UserError

MAX_PORTAL_FIELD_LENGTH = 128  # what a form field may carry from the portal
MAX_PORTAL_ATTENDEES = 2


class EventEvent(models.Model):
    _inherit = "event.event"

    is_network_event = fields.Boolean(
        string="Network Event",
        help="A meeting or training of the GESMIP network, for its member groceries.",
    )
    network_theme_id = fields.Many2one("gesmip.event.theme", index=True)
    network_published = fields.Boolean(
        string="Shown to Groceries",
        help="Member groceries see this event in their portal and can register their people.",
    )
    network_minutes = fields.Html(
        string="Minutes", help="What was said and decided: shown to the member groceries in the portal."
    )
    support_programme_id = fields.Many2one("gesmip.support.programme", index=True, ondelete="set null")
    network_document_ids = fields.Many2many(
        "ir.attachment",
        "event_event_gesmip_document_rel",
        "event_id",
        "attachment_id",
        string="Shared Documents",
        help="Minutes, slides and documents shared with the member groceries.",
    )
    network_grocery_count = fields.Integer(
        string="Groceries Registered", compute="_compute_network_grocery_count"
    )

    @api.model
    def default_get(self, fields_list):
        """A network event starts without Odoo's sample description (a software conference's
        "Join us for this 24 hours Event"), which the groceries would read in their portal."""
        defaults = super().default_get(fields_list)
        network = defaults.get("is_network_event", self.env.context.get("default_is_network_event"))
        if "description" in defaults and network:
            defaults["description"] = False
        return defaults

    @api.depends("registration_ids.grocery_id", "registration_ids.state")
    def _compute_network_grocery_count(self):
        for event in self:
            registrations = event.registration_ids.filtered(lambda r: r.state != "cancel")
            event.network_grocery_count = len(registrations.grocery_id)

    def _network_portal_register(self, attendees):
        """Register people of the current user's grocery to this network event.

        :param attendees: list of dicts with ``name`` (required), ``email``, ``phone``
        :return: the new ``event.registration`` records (in the user's environment)
        """
        self.ensure_one()
        grocery = self.env.user.partner_id.commercial_partner_id
        if not grocery.is_grocery:
            raise UserError(self.env._("Only a member grocery can register people to a network event."))
        # Raises AccessError if the event is not shown to this grocery.
        self.check_access("read")
        if not (self.is_network_event and self.network_published):
            raise UserError(self.env._("This event is not open to the member groceries."))
        if self.date_end and self.date_end < fields.Datetime.now():
            raise UserError(self.env._("This event is over: registrations are closed."))
        attendees = [a for a in attendees if (a.get("name") or "").strip()]
        if not attendees:
            raise UserError(self.env._("Give the name of at least one person to register."))
        if any(
            len(a.get(key) or "") > MAX_PORTAL_FIELD_LENGTH
            for a in attendees
            for key in ("name", "email", "phone")
        ):
            raise UserError(
                self.env._(
                    "A name, email or phone is at most %(count)s characters.", count=MAX_PORTAL_FIELD_LENGTH
                )
            )
        if len(attendees) > MAX_PORTAL_ATTENDEES:
            raise UserError(
                self.env._("At most %(count)s people can be registered at once.", count=MAX_PORTAL_ATTENDEES)
            )
        vals_list = [
            {
                "event_id": self.id,
                "partner_id": self.env.user.partner_id.id,
                "grocery_id": grocery.id,
                "name": attendee["name"].strip(),
                "email": (attendee.get("email") or "").strip() or False,
                "phone": (attendee.get("phone") or "").strip() or False,
                "state": "open",
            }
            for attendee in attendees
        ]
        # Portal users have no create right on registrations: the checks above stand for it.
        registrations = self.env["event.registration"].sudo().create(vals_list)
        return registrations.with_env(self.env)
