import os
from datetime import datetime
from unittest.mock import patch

from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestCoordinatorTour(HttpCase):
    """In a real browser, in French: the coordinator (in Paris) creates a member grocery and a
    training at 18:00; the new grocery's portal user, whose own time zone is UTC, sees it at
    18:00 (the event's time zone), as the back office shows it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("fr_FR")
        cls.env["ir.module.module"].search(
            [("name", "in", ("event", "portal", "gesmip_network"))]
        )._update_translations("fr_FR")
        cls.coordinator = new_test_user(
            cls.env,
            login="test_tour_coordinator",
            groups="gesmip_network.gesmip_network_group_coordinator",
            lang="fr_FR",
            tz="Europe/Paris",
        )

    def test_tour_coordinator_creates_a_grocery_and_an_event(self):
        # the coordinator's browser runs in Paris time, as the platform's offices do
        with patch.dict(os.environ, {"TZ": "Europe/Paris"}):
            self.start_tour(
                "/odoo/action-gesmip_network.res_partner_action_grocery/new",
                "gesmip_network_coordinator_event",
                login="test_tour_coordinator",
            )
        grocery = self.env["res.partner"].search(
            [("name", "=", "Épicerie du Canal"), ("is_grocery", "=", True)]
        )
        self.assertEqual(len(grocery), 1, grocery.read(["parent_id", "is_company", "type", "create_uid"]))
        self.assertEqual(grocery.households_count, 80)
        event = self.env["event.event"].search([("name", "=", "Formation hygiène et chaîne du froid")])
        self.assertTrue(event.is_network_event and event.network_published)
        self.assertEqual(event.date_tz, "Europe/Paris")
        # 18:00 in Paris in January is 17:00 UTC
        self.assertEqual(event.date_begin, datetime(2027, 1, 15, 17, 0))

        user = new_test_user(
            self.env,
            login="test_tour_canal",
            groups="gesmip_network.gesmip_network_group_grocery",
            lang="fr_FR",
            tz="UTC",
        )
        user.partner_id.parent_id = grocery
        self.assertEqual(user._gesmip_member_grocery(), grocery)
        self.start_tour("/my/network-events", "gesmip_network_grocery_sees_event", login="test_tour_canal")
