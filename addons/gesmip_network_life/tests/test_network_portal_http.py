import re

from odoo.tests import HttpCase, tagged

from .common import GesmipNetworkLifeCommon


@tagged("post_install", "-at_install")
class TestNetworkPortalHttp(GesmipNetworkLifeCommon, HttpCase):
    def test_grocery_registers_two_people_from_the_portal(self):
        other = self.event.with_user(self.portal_b)._network_portal_register([{"name": "Nadia Other"}])
        self.authenticate("test_portal_a", "test_portal_a")
        home = self.url_open("/my/network-events")
        self.assertEqual(home.status_code, 200)
        self.assertIn("Sanitary rules in the grocery", home.text)
        self.assertNotIn("Internal staff meeting", home.text)

        page = self.url_open(f"/my/network-events/{self.event.id}")
        self.assertEqual(page.status_code, 200)
        self.assertIn("Keep the cold chain.", page.text)
        self.assertIn("hygiene-checklist.txt", page.text)
        self.assertNotIn("budget-internal.txt", page.text)
        response = self.url_open(
            f"/my/network-events/{self.event.id}/register",
            data={
                "csrf_token": re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1),
                "name_1": "Lucie Martin",
                "email_1": "lucie@example.org",
                "name_2": "Paul Roux",
            },
        )
        self.assertEqual(response.status_code, 200)
        registrations = self.env["event.registration"].search(
            [("event_id", "=", self.event.id), ("grocery_id", "=", self.grocery_a.id)]
        )
        self.assertEqual(sorted(registrations.mapped("name")), ["Lucie Martin", "Paul Roux"])
        page = self.url_open(f"/my/network-events/{self.event.id}")
        self.assertIn("Lucie Martin", page.text)
        self.assertNotIn(other.name, page.text)

        # The shared document downloads with the link of the page.
        self.document.invalidate_recordset()
        download = self.url_open(
            f"/web/content/{self.document.id}?access_token={self.document.access_token}&download=true"
        )
        self.assertEqual(download.status_code, 200)
        self.assertEqual(download.content, b"Check the fridge every morning.")

    def test_tour_register_two_people(self):
        """In a real browser: the grocery registers two people from the event page."""
        self.start_tour("/my/network-events", "gesmip_network_event_register", login="test_portal_a")
        registrations = self.env["event.registration"].search([("event_id", "=", self.event.id)])
        self.assertEqual(sorted(registrations.mapped("name")), ["Lucie Martin", "Paul Roux"])
        self.assertEqual(registrations.grocery_id, self.grocery_a)

    def test_hidden_event_is_not_found(self):
        self.authenticate("test_portal_a", "test_portal_a")
        response = self.url_open(f"/my/network-events/{self.hidden_event.id}")
        self.assertEqual(response.status_code, 404)
        self.assertNotIn("Internal staff meeting", response.text)

    def test_calls_for_projects_in_the_portal(self):
        funder = self.env["res.partner"].create({"name": "Fondation Test"})
        Call = self.env["gesmip.call.project"].with_user(self.coordinator)
        deadline = self.event.date_begin.date()
        shared = Call.create({"name": "Shared call", "funder_id": funder.id, "deadline": deadline})
        shared.action_share()
        Call.create({"name": "Spotted call", "funder_id": funder.id, "deadline": deadline})
        for_b = Call.create(
            {
                "name": "Call for B",
                "funder_id": funder.id,
                "deadline": deadline,
                "eligible_grocery_ids": self.grocery_b.ids,
            }
        )
        for_b.action_share()
        self.authenticate("test_portal_a", "test_portal_a")
        page = self.url_open("/my/calls")
        self.assertEqual(page.status_code, 200)
        self.assertIn("Shared call", page.text)
        self.assertIn("Fondation Test", page.text)
        self.assertNotIn("Spotted call", page.text)
        self.assertNotIn("Call for B", page.text)
        counters = self.make_jsonrpc_request(
            "/my/counters", {"counters": ["network_event_count", "network_call_count"]}
        )
        self.assertEqual(counters, {"network_event_count": 1, "network_call_count": 1})
