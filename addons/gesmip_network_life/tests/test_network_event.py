from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged
from odoo.tools.safe_eval import safe_eval

from .common import GesmipNetworkLifeCommon


@tagged("post_install", "-at_install")
class TestNetworkEvent(GesmipNetworkLifeCommon):
    def test_grocery_registers_two_people(self):
        event = self.event.with_user(self.portal_a)
        registrations = event._network_portal_register(
            [{"name": "Lucie Martin", "email": "lucie@example.org"}, {"name": "Paul Roux"}]
        )
        self.assertEqual(len(registrations), 2)
        self.assertEqual(registrations.grocery_id, self.grocery_a)
        self.assertEqual(set(registrations.mapped("state")), {"open"})
        self.assertEqual(registrations.partner_id, self.portal_a.partner_id)
        # The grocery sees its own registrations, not another grocery's.
        event_b = self.event.with_user(self.portal_b)
        other = event_b._network_portal_register([{"name": "Nadia B"}])
        seen_by_a = (
            self.env["event.registration"].with_user(self.portal_a).search([("event_id", "=", self.event.id)])
        )
        self.assertEqual(seen_by_a, registrations)
        with self.assertRaises(AccessError):
            other.with_user(self.portal_a).read(["name"])
        with self.assertRaises(AccessError):
            registrations.with_user(self.portal_b).check_access("read")

    def test_registration_refusals(self):
        event = self.event.with_user(self.portal_a)
        with self.assertRaisesRegex(UserError, "at least one person"):
            event._network_portal_register([{"name": "  "}, {}])
        with self.assertRaisesRegex(UserError, "At most 2"):
            event._network_portal_register([{"name": "A"}, {"name": "B"}, {"name": "C"}])
        # An event not shown to the groceries cannot be read nor registered to.
        with self.assertRaises(AccessError):
            self.hidden_event.with_user(self.portal_a)._network_portal_register([{"name": "A"}])
        # A past event is closed.
        self.event.write(
            {
                "date_begin": fields.Datetime.now() - timedelta(days=5),
                "date_end": fields.Datetime.now() - timedelta(days=5) + timedelta(hours=2),
            }
        )
        with self.assertRaisesRegex(UserError, "over"):
            event._network_portal_register([{"name": "A"}])
        self.assertFalse(self.env["event.registration"].search([("event_id", "=", self.event.id)]))

    def test_portal_cannot_create_or_write_registrations_directly(self):
        Registration = self.env["event.registration"].with_user(self.portal_a)
        with self.assertRaises(AccessError):
            Registration.create(
                {"event_id": self.event.id, "name": "Direct", "grocery_id": self.grocery_b.id}
            )
        registration = self.event.with_user(self.portal_a)._network_portal_register([{"name": "Lucie"}])
        with self.assertRaises(AccessError):
            registration.write({"state": "done"})

    def test_portal_sees_published_network_events_only(self):
        events = self.env["event.event"].with_user(self.portal_a).search([])
        self.assertIn(self.event, events)
        self.assertNotIn(self.hidden_event, events)
        self.assertEqual(self.event.with_user(self.portal_a).network_minutes, "<p>Keep the cold chain.</p>")
        with self.assertRaises(AccessError):
            self.event.with_user(self.portal_a).write({"name": "Changed"})

    def test_attendance_and_participation_on_grocery_form(self):
        registrations = self.event.with_user(self.portal_a)._network_portal_register(
            [{"name": "Lucie"}, {"name": "Paul"}]
        )
        # Attendance is taken by the coordinator with the registration states.
        registrations[0].with_user(self.coordinator).action_set_done()
        registrations[1].with_user(self.coordinator).action_cancel()
        grocery = self.grocery_a.with_user(self.coordinator)
        grocery.invalidate_recordset()
        self.assertEqual(grocery.network_registration_count, 1)
        self.assertEqual(grocery.network_attended_event_count, 1)
        self.assertEqual(self.grocery_b.network_attended_event_count, 0)
        self.assertEqual(self.event.network_grocery_count, 1)
        action = grocery.action_view_network_registrations()
        self.assertEqual(action["domain"], [("grocery_id", "=", self.grocery_a.id)])

    def test_platform_user_reads_but_cannot_edit_network_events(self):
        event = self.event.with_user(self.platform_user)
        self.assertEqual(event.network_theme_id, self.theme)
        with self.assertRaises(AccessError):
            event.write({"network_published": False})
        with self.assertRaises(AccessError):
            self.env["event.event"].with_user(self.platform_user).create(
                {"name": "Pirate", "date_begin": fields.Datetime.now(), "date_end": fields.Datetime.now()}
            )
        with self.assertRaises(AccessError):
            self.env["gesmip.event.theme"].with_user(self.platform_user).create({"name": "Pirate theme"})

    def test_platform_user_opens_network_screens(self):
        """The read-only platform user can open the forms (every field of the views is readable)."""
        self.event.with_user(self.portal_a)._network_portal_register([{"name": "Lucie"}])
        form = Form(self.event.with_user(self.platform_user))
        self.assertEqual(form.network_theme_id, self.theme)
        grocery_form = Form(
            self.grocery_a.with_user(self.platform_user), view="gesmip_network.res_partner_view_form_grocery"
        )
        self.assertEqual(grocery_form.network_registration_count, 1)

    def test_coordinator_manages_events_and_themes(self):
        theme = self.env["gesmip.event.theme"].with_user(self.coordinator).create({"name": "Solidarity café"})
        event = (
            self.env["event.event"]
            .with_user(self.coordinator)
            .create(
                {
                    "name": "Network meeting",
                    "is_network_event": True,
                    "network_theme_id": theme.id,
                    "date_begin": fields.Datetime.now(),
                    "date_end": fields.Datetime.now() + timedelta(hours=2),
                }
            )
        )
        event.network_minutes = "<p>Minutes</p>"
        slides = (
            self.env["ir.attachment"]
            .with_user(self.coordinator)
            .create({"name": "slides.pdf", "raw": b"%PDF", "res_model": "event.event", "res_id": event.id})
        )
        event.network_document_ids = slides
        self.assertEqual(event.network_document_ids.name, "slides.pdf")

    def test_new_network_event_has_no_sample_description(self):
        """Odoo's sample text ("Join us for this 24 hours Event") is not put on network events."""
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "gesmip_network_life.event_event_action_network"
        )
        Event = (
            self.env["event.event"].with_user(self.coordinator).with_context(**safe_eval(action["context"]))
        )
        with Form(Event) as form:
            form.name = "Rencontre des épiceries"
            form.date_begin = fields.Datetime.now() + timedelta(days=7)
            form.date_end = fields.Datetime.now() + timedelta(days=7, hours=2)
        event = form.record
        self.assertTrue(event.is_network_event)
        self.assertNotIn("24 hours", str(event.description or ""))
        # Other events keep Odoo's default.
        other = self.env["event.event"].with_user(self.coordinator).default_get(["description"])
        self.assertIn("24 hours", str(other["description"]))
