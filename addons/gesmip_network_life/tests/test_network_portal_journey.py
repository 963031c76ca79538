"""A grocery registers someone to a network event then cancels the registration, from its
portal in a real browser, in French, on a phone (390x844) and on a desktop (1366x900), each
page checked for sideways scrolling (issue 31)."""

from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, tagged

from .common import GesmipNetworkLifeCommon

PHONE, DESKTOP = "390x844", "1366x900"


@tagged("post_install", "-at_install")
class TestNetworkEventJourney(GesmipNetworkLifeCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("fr_FR")
        cls.env["ir.module.module"].search(
            [("name", "in", ["portal", "event", "gesmip_network_life", "gesmip_base"])]
        )._update_translations("fr_FR")
        cls.portal_a.write({"lang": "fr_FR", "tz": "Europe/Paris"})
        place = cls.env["res.partner"].create(
            {
                "name": "House of associations",
                "street": "3 place Guy Hersant",
                "zip": "31400",
                "city": "Toulouse",
            }
        )
        now = fields.Datetime.now()
        cls.training = cls.env["event.event"].create(
            {
                "name": "Cold chain training",
                "is_network_event": True,
                "network_published": True,
                "address_id": place.id,
                "date_begin": now + timedelta(days=12),
                "date_end": now + timedelta(days=12, hours=3),
            }
        )

    def _register_then_cancel(self, size):
        self.browser_size = size
        self.touch_enabled = size == PHONE
        self.start_tour("/my/network-events", "gesmip_network_event_register_cancel", login="test_portal_a")
        registration = self.env["event.registration"].search([("event_id", "=", self.training.id)])
        self.assertEqual(
            (registration.name, registration.grocery_id, registration.state),
            ("Lucie Martin", self.grocery_a, "cancel"),
        )

    def test_register_then_cancel_on_a_phone(self):
        self._register_then_cancel(PHONE)

    def test_register_then_cancel_on_a_desktop(self):
        self._register_then_cancel(DESKTOP)
