"""The monthly figures over HTTP, as the grocery's portal user and as staff, and the
grocery's walk in Chromium (phone and desk)."""

import json
import re
from html import unescape

from odoo import fields
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from ..lib.declaration import previous_month
from .common import GesmipNetworkCommon


class DeclarationHttpCommon(GesmipNetworkCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("fr_FR")
        cls.env["ir.module.module"].search([("name", "=", "gesmip_network")])._update_translations("fr_FR")
        (cls.portal_a | cls.portal_b).write({"lang": "fr_FR", "tz": "Europe/Paris"})
        cls.last_month = previous_month(fields.Date.context_today(cls.env["gesmip.grocery.declaration"]))
        cls.Declaration = cls.env["gesmip.grocery.declaration"]

    def _post(self, values):
        return self.url_open(
            "/my/declarations/declare",
            data={"csrf_token": self.csrf_token(), "month": self.last_month.strftime("%Y-%m"), **values},
        )

    def csrf_token(self):
        # every page of the portal carries it in its session's values
        page = self.url_open("/my").text
        return re.search(r'csrf_token: "([^"]+)"', page).group(1)

    def _call_kw(self, model, method, args, kwargs=None):
        response = self.url_open(
            f"/web/dataset/call_kw/{model}/{method}",
            data=json.dumps(
                {
                    "jsonrpc": "2.0",
                    "method": "call",
                    "params": {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
                }
            ),
            headers={"Content-Type": "application/json"},
        )
        return response.json()


@tagged("post_install", "-at_install")
class TestGroceryDeclarationHttp(DeclarationHttpCommon):
    def test_banner_then_declare(self):
        self.authenticate("test_portal_a", "test_portal_a")
        home = self.url_open("/my").text
        self.assertIn("o_gesmip_declaration_banner", home)
        self.assertIn("/my/declarations", home)
        response = self._post(
            {
                "households_count": "12",
                "people_count": "30",
                "distribution_days": "8",
                "kg_distributed": "150,5",
            }
        )
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.url.endswith("/my/declarations"))
        self.assertIn("o_gesmip_declaration_done", response.text)
        declaration = self.Declaration.search([("grocery_id", "=", self.grocery_a.id)])
        self.assertEqual(
            (declaration.month, declaration.state, declaration.households_count, declaration.kg_distributed),
            (self.last_month, "declared", 12, 150.5),
        )
        self.assertNotIn("o_gesmip_declaration_banner", self.url_open("/my").text)

    def test_bad_values_refused_and_kept(self):
        self.authenticate("test_portal_a", "test_portal_a")
        response = self._post({"households_count": "-3", "people_count": "abc", "distribution_days": "8"})
        self.assertEqual(response.status_code, 400)
        page = unescape(response.text)
        self.assertIn("o_gesmip_declaration_error", page)
        self.assertIn("ne peut pas être négatif", page)  # in French, for a French user
        self.assertIn("abc", page)
        self.assertRegex(page, r'name="households_count"[^>]*value="-3"')
        self.assertRegex(page, r'name="people_count"[^>]*value="abc"')
        self.assertRegex(page, r'name="distribution_days"[^>]*value="8"')
        self.assertFalse(self.Declaration.search([("grocery_id", "=", self.grocery_a.id)]))

    def test_second_declaration_of_a_month_refused(self):
        self.authenticate("test_portal_a", "test_portal_a")
        self._post({"households_count": "12", "people_count": "30", "distribution_days": "8"})
        response = self._post({"households_count": "99", "people_count": "300", "distribution_days": "9"})
        self.assertEqual(response.status_code, 400)
        self.assertIn("déjà déclarés", unescape(response.text))
        declaration = self.Declaration.search([("grocery_id", "=", self.grocery_a.id)])
        self.assertEqual(len(declaration), 1)
        self.assertEqual(declaration.households_count, 12)

    def test_another_grocerys_declaration_is_404(self):
        other = self.Declaration.create(
            {
                "grocery_id": self.grocery_b.id,
                "month": self.last_month,
                "households_count": 40,
                "people_count": 90,
            }
        )
        self.authenticate("test_portal_a", "test_portal_a")
        self.assertEqual(self.url_open(f"/my/declarations/{other.id}").status_code, 404)
        self.assertEqual(self.url_open("/my/declarations/99999999999").status_code, 404)
        self.authenticate("test_portal_b", "test_portal_b")
        response = self.url_open(f"/my/declarations/{other.id}")
        self.assertEqual(response.status_code, 200)
        # its draft (made by the reminder) is the form to fill in
        self.assertIn("o_gesmip_declaration_form", response.text)

    @mute_logger("odoo.http")  # the refused calls are logged as warnings by design
    def test_rpc_create_refused_to_a_grocery(self):
        self.authenticate("test_portal_a", "test_portal_a")
        answer = self._call_kw(
            "gesmip.grocery.declaration",
            "create",
            [{"grocery_id": self.grocery_a.id, "month": str(self.last_month), "households_count": 1}],
        )
        self.assertIn("error", answer)
        self.assertFalse(self.Declaration.search([("grocery_id", "=", self.grocery_a.id)]))

    def test_staff_list_of_groceries_not_declared(self):
        self.Declaration.create(
            {
                "grocery_id": self.grocery_a.id,
                "month": self.last_month,
                "households_count": 120,
                "people_count": 300,
                "state": "declared",
            }
        )
        self.authenticate("test_coordinator", "test_coordinator")
        action = self.env.ref("gesmip_network.res_partner_action_grocery_declaration_late")
        self.assertIn("search_default_filter_declaration_late", action.context)
        answer = self._call_kw(
            "res.partner",
            "web_search_read",
            [[("is_grocery", "=", True), ("grocery_declaration_late", "=", True)]],
            {"specification": {"display_name": {}, "grocery_declared_month": {}}},
        )
        names = [record["display_name"] for record in answer["result"]["records"]]
        self.assertIn("Épicerie B", names)
        self.assertNotIn("Épicerie A", names)


class DeclarationTourCommon(DeclarationHttpCommon):
    def _walk(self):
        self.start_tour("/my", "gesmip_grocery_declaration", login="test_portal_a")
        declaration = self.Declaration.search([("grocery_id", "=", self.grocery_a.id)])
        self.assertEqual(
            (declaration.month, declaration.state, declaration.households_count, declaration.people_count),
            (self.last_month, "declared", 120, 310),
        )
        self.assertEqual(declaration.kg_distributed, 1250.5)


@tagged("post_install", "-at_install")
class TestGroceryDeclarationTourPhone(DeclarationTourCommon):
    browser_size = "390x844"
    touch_enabled = True

    def test_declare_from_the_banner_on_a_phone(self):
        self._walk()


@tagged("post_install", "-at_install")
class TestGroceryDeclarationTourDesk(DeclarationTourCommon):
    browser_size = "1366x900"

    def test_declare_from_the_banner_at_a_desk(self):
        self._walk()
