import json

from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common import GesmipNetworkCommon


@tagged("post_install", "-at_install")
class TestGroceryHttp(GesmipNetworkCommon, HttpCase):
    def _call_kw(self, model, method, args, kwargs=None):
        response = self.url_open(
            "/web/dataset/call_kw",
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

    def test_portal_user_reaches_my_home(self):
        self.authenticate("test_portal_a", "test_portal_a")
        response = self.url_open("/my")
        self.assertEqual(response.status_code, 200)
        self.assertNotIn("/web/login", response.url)

    @mute_logger("odoo.http")  # the refused read is logged as a warning by design
    def test_portal_user_cannot_read_other_grocery_over_rpc(self):
        self.authenticate("test_portal_a", "test_portal_a")
        answer = self._call_kw("res.partner", "read", [[self.grocery_b.id], ["name", "households_count"]])
        self.assertIn("error", answer)
        # The refusal does not leak the other grocery's data.
        self.assertNotIn("Épicerie B", json.dumps(answer, ensure_ascii=False))
        answer = self._call_kw(
            "res.partner", "search_read", [[("is_grocery", "=", True)]], {"fields": ["name"]}
        )
        names = [row["name"] for row in answer.get("result", [])]
        self.assertEqual(names, ["Épicerie A"])
