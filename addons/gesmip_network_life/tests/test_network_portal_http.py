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

    def _csrf(self, page):
        return re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)

    def test_address_map_and_cancelling_a_registration_until_the_event(self):
        """The event page gives the address and a map link; a grocery cancels its own
        registration until the event begins, never another grocery's; registering does not
        wait for the confirmation mails (sent by the scheduler)."""
        venue = self.env["res.partner"].create(
            {
                "name": "Salle des fêtes",
                "is_company": True,
                "street": "2 rue du Marché",
                "zip": "31000",
                "city": "Toulouse",
            }
        )
        self.event.address_id = venue
        other = self.event.with_user(self.portal_b)._network_portal_register([{"name": "Nadia Other"}])
        mine = self.event.with_user(self.portal_a)._network_portal_register([{"name": "Lucie Martin"}])
        self.assertFalse(
            self.env["mail.mail"].search([("model", "=", "event.registration"), ("res_id", "in", mine.ids)]),
            "the confirmation mail is the scheduler's work, not the request's",
        )
        self.authenticate("test_portal_a", "test_portal_a")
        page = self.url_open(f"/my/network-events/{self.event.id}")
        self.assertIn("Salle des fêtes, 2 rue du Marché, 31000 Toulouse", page.text)
        self.assertIn("https://www.openstreetmap.org/search?query=Salle+des+f", page.text)
        # another grocery's registration: no such registration here (404), unchanged
        response = self.url_open(
            f"/my/network-events/{self.event.id}/cancel",
            data={"csrf_token": self._csrf(page), "registration": str(other.id)},
        )
        self.assertEqual(response.status_code, 404)
        self.assertEqual(other.state, "open")
        for bad in ("abc", "-1", str(2**40)):
            response = self.url_open(
                f"/my/network-events/{self.event.id}/cancel",
                data={"csrf_token": self._csrf(page), "registration": bad},
            )
            self.assertEqual(response.status_code, 404, bad)
        response = self.url_open(
            f"/my/network-events/{self.event.id}/cancel",
            data={"csrf_token": self._csrf(page), "registration": str(mine.id)},
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(mine.state, "cancel")
        self.assertIn("The registration is cancelled.", response.text)
        # once the event has begun: refused, said
        again = self.event.with_user(self.portal_a)._network_portal_register([{"name": "Paul Roux"}])
        self.event.date_begin = self.event.date_begin.replace(year=2020)
        page = self.url_open(f"/my/network-events/{self.event.id}")
        self.assertNotIn("o_network_cancel", page.text)
        response = self.url_open(
            f"/my/network-events/{self.event.id}/cancel",
            data={"csrf_token": self._csrf(page), "registration": str(again.id)},
        )
        self.assertIn("can no longer be cancelled", response.text)
        self.assertEqual(again.state, "open")
