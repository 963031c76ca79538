import re

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.osv.expression import FALSE_LEAF
from odoo.tools import email_normalize

MAX_PORTAL_FIELD_LENGTH = 128  # what a form field may carry from the portal
MAX_PORTAL_ATTENDEES = 2
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")


def _person_key(text):
    """A name or e-mail compared without case nor repeated spaces."""
    return " ".join((text or "").split()).casefold()


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
    network_seats_per_grocery = fields.Integer(
        string="Places per Grocery",
        default=4,
        help="Most people one grocery may register to this event from the portal; 0 means no limit.",
    )

    @api.constrains("network_seats_per_grocery")
    def _check_network_seats_per_grocery(self):
        if any(event.network_seats_per_grocery < 0 for event in self):
            raise ValidationError(self.env._("The number of places per grocery cannot be negative."))

    @api.model
    def default_get(self, fields_list):
        """A network event starts without Odoo's sample description (a software conference's
        "Join us for this 24 hours Event"), which the groceries would read in their portal."""
        defaults = super().default_get(fields_list)
        network = defaults.get("is_network_event", self.env.context.get("default_is_network_event"))
        if "description" in defaults and network:
            defaults["description"] = False
        return defaults

    @api.model_create_multi
    def create(self, vals_list):
        events = super().create(vals_list)
        events._gesmip_documents_tokens()
        return events

    def write(self, vals):
        result = super().write(vals)
        if "network_document_ids" in vals:
            self._gesmip_documents_tokens()
        return result

    def _gesmip_documents_tokens(self):
        """The shared documents' access tokens, given when they are shared: the event's portal
        page links to them and is served read-only (from a replica where there is one)."""
        self.sudo().network_document_ids.generate_access_token()

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
        grocery = self.env.user._gesmip_member_grocery()
        if not grocery:
            raise UserError(self.env._("Only a member grocery can register people to a network event."))
        # Raises AccessError if the event is not shown to this grocery.
        self.check_access("read")
        if not (self.is_network_event and self.network_published):
            raise UserError(self.env._("This event is not open to the member groceries."))
        if self.date_end and self.date_end < fields.Datetime.now():
            raise UserError(self.env._("This event is over: registrations are closed."))
        if len(attendees) > MAX_PORTAL_ATTENDEES:
            raise UserError(
                self.env._("At most %(count)s people can be registered at once.", count=MAX_PORTAL_ATTENDEES)
            )
        attendees = [a for a in attendees if isinstance(a.get("name"), str) and a["name"].strip()]
        if not attendees:
            raise UserError(self.env._("Give the name of at least one person to register."))
        for attendee in attendees:
            for key in ("name", "email", "phone"):
                value = attendee.get(key) or ""
                if not isinstance(value, str) or len(value) > MAX_PORTAL_FIELD_LENGTH:
                    raise UserError(
                        self.env._(
                            "A name, email or phone is at most %(count)s characters.",
                            count=MAX_PORTAL_FIELD_LENGTH,
                        )
                    )
                if CONTROL_CHARACTERS.search(value):
                    raise UserError(self.env._("A name, email or phone is written on one line."))
            email = (attendee.get("email") or "").strip()
            normalized = email and email_normalize(email, strict=True)
            if email and (not normalized or normalized.casefold() != email.casefold()):
                raise UserError(self.env._("%(email)s is not an email address.", email=email[:60]))
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
        # The event's row is locked so that two requests of a grocery cannot both pass the
        # cap and duplicate checks.
        self.env.cr.execute("SELECT id FROM event_event WHERE id = %s FOR UPDATE", [self.id])
        self._gesmip_check_new_people(grocery, attendees)
        registrations = self.env["event.registration"].sudo().create(vals_list)
        return registrations.with_env(self.env)

    def _gesmip_registration_cancellable(self):
        """Whether the grocery's people can still be unregistered: until the event begins."""
        self.ensure_one()
        return not self.date_begin or self.date_begin > fields.Datetime.now()

    def _gesmip_portal_cancel(self, registration_id):
        """Cancel a registration of the current user's grocery to this event, until it begins.
        Another grocery's registration, or one of another event, is no registration here
        (AccessError, a 404 at the portal's door); the staff's own cancellations stay theirs."""
        self.ensure_one()
        grocery = self.env.user._gesmip_member_grocery()
        self.check_access("read")
        registration = (
            self.env["event.registration"]
            .sudo()
            .search(
                [("id", "=", registration_id), ("event_id", "=", self.id), ("grocery_id", "=", grocery.id)]
                if grocery and isinstance(registration_id, int) and 0 < registration_id < 2**31
                else [FALSE_LEAF]
            )
        )
        if not registration:
            raise AccessError(self.env._("This registration is not one of your grocery's."))
        if not self._gesmip_registration_cancellable():
            raise UserError(self.env._("The event has begun: a registration can no longer be cancelled."))
        if registration.state in ("cancel", "done"):
            raise UserError(self.env._("This registration is already cancelled or attended."))
        registration.action_cancel()
        registration.message_post(
            body=self.env._("Cancelled by %(user)s in the portal.", user=self.env.user.name)
        )
        return registration.with_env(self.env)

    def _gesmip_check_new_people(self, grocery, attendees):
        """Refuse a person the grocery already registered (same name or same e-mail) and more
        people than the grocery's places at this event."""
        self.ensure_one()
        # the grocery's own registrations only (the portal user's record rule would say the same)
        existing = (
            self.env["event.registration"]
            .sudo()
            .search([("event_id", "=", self.id), ("grocery_id", "=", grocery.id), ("state", "!=", "cancel")])
        )
        names = {_person_key(r.name) for r in existing}
        emails = {_person_key(r.email) for r in existing if r.email}
        for attendee in attendees:
            name, email = _person_key(attendee["name"]), _person_key(attendee.get("email"))
            if name in names or (email and email in emails):
                raise UserError(
                    self.env._("%(name)s is already registered to this event.", name=attendee["name"].strip())
                )
            names.add(name)
            if email:
                emails.add(email)
        seats = self.network_seats_per_grocery
        if seats and len(existing) + len(attendees) > seats:
            raise UserError(
                self.env._("Your grocery can register at most %(count)s people to this event.", count=seats)
            )
