"""Bad input at every HTTP door of the suite: malformed, oversized and hostile input (wrong
types, missing CSRF, SQL and HTML fragments, another grocery's ids) gets a 4xx or a clear
message, writes nothing and leaks nothing."""

import json
from datetime import timedelta

from odoo import Command, fields
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

HOSTILE = [
    "abc",
    "1e309",
    "-1",
    "NaN",
    "<script>alert(1)</script>",
    "1; DROP TABLE sale_order; --",
    "' OR 1=1 --",
    "9" * 400,
    "x" * 100_000,
]


@tagged("post_install", "-at_install")
class TestHttpFuzz(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        cls.grocery_a, cls.grocery_b = Partner.create(
            [
                {"name": "Épicerie Fuzz A", "is_company": True, "is_grocery": True, "households_count": 50},
                {"name": "Épicerie Fuzz B", "is_company": True, "is_grocery": True, "households_count": 50},
            ]
        )
        for grocery, login in ((cls.grocery_a, "fuzz_a"), (cls.grocery_b, "fuzz_b")):
            contact = Partner.create({"name": login, "parent_id": grocery.id})
            new_test_user(
                cls.env,
                login=login,
                groups="gesmip_network.gesmip_network_group_grocery",
                partner_id=contact.id,
            )
        stock = cls.env.ref("stock.warehouse0").lot_stock_id
        cls.product = cls.env["product.product"].create(
            {"name": "Riz fuzz", "is_storable": True, "weight": 1.0, "list_price": 1.0}
        )
        cls.env["stock.quant"]._update_available_quantity(cls.product, stock, 100)
        now = fields.Datetime.now()
        cls.cycle = cls.env["alim.order.cycle"].create(
            {
                "name": "Cycle fuzz",
                "date_open": now - timedelta(hours=1),
                "date_close": now + timedelta(hours=5),
                "location_id": stock.id,
                "grocery_ids": [Command.set(cls.grocery_a.ids)],
                "line_ids": [Command.create({"product_id": cls.product.id, "max_per_grocery": 10})],
            }
        )
        cls.cycle.action_open()
        cls.line = cls.cycle.line_ids
        cls.room = cls.env.ref("stock.warehouse0").lot_stock_id.copy({"name": "Chambre fuzz"})
        cls.other_room = cls.room.copy({"name": "Autre chambre fuzz"})
        cls.sensor = cls.env["alim.temperature.sensor"].create(
            {"name": "Sonde fuzz", "location_id": cls.room.id}
        )

    def _orders(self):
        return self.env["sale.order"].search([("cycle_id", "=", self.cycle.id)])

    def _order_form(self, **extra):
        page = self.url_open(f"/my/cycles/{self.cycle.id}")
        self.assertEqual(page.status_code, 200)
        token = page.text.split('name="csrf_token" value="')[1].split('"')[0]
        return dict({"csrf_token": token}, **extra)

    @mute_logger("odoo.http")
    def test_cycle_order_form_hostile_quantities(self):
        self.authenticate("fuzz_a", "fuzz_a")
        for value in HOSTILE:
            data = self._order_form(**{f"qty_{self.line.id}": value})
            response = self.url_open(f"/my/cycles/{self.cycle.id}/order", data=data)
            self.assertLess(response.status_code, 500, value[:40])
            self.assertNotIn("<script>alert(1)</script>", response.text)
            self.assertFalse(self._orders().order_line, f"nothing is written for {value[:40]!r}")
        # Unknown fields and a foreign line id are ignored, not trusted.
        data = self._order_form(**{"qty_999999999": "3", "partner_id": str(self.grocery_b.id)})
        response = self.url_open(f"/my/cycles/{self.cycle.id}/order", data=data)
        self.assertLess(response.status_code, 500)
        self.assertFalse(self._orders().filtered(lambda o: o.partner_id == self.grocery_b))

    @mute_logger("odoo.http")
    def test_cycle_order_without_csrf_refused(self):
        self.authenticate("fuzz_a", "fuzz_a")
        response = self.url_open(f"/my/cycles/{self.cycle.id}/order", data={f"qty_{self.line.id}": "2"})
        self.assertEqual(response.status_code, 400)
        self.assertFalse(self._orders())

    @mute_logger("odoo.http")
    def test_other_grocery_cannot_order_nor_see_the_cycle(self):
        self.authenticate("fuzz_b", "fuzz_b")
        page = self.url_open(f"/my/cycles/{self.cycle.id}")
        self.assertNotIn("Riz fuzz", page.text)
        response = self.url_open(
            f"/my/cycles/{self.cycle.id}/order",
            data={"csrf_token": "x", f"qty_{self.line.id}": "2"},
        )
        self.assertLess(response.status_code, 500)
        self.assertFalse(self._orders())
        for path in (
            "/my/cycles/abc",
            f"/my/cycles/{10**12}",
            "/my/recalls/999999999",
            "/my/orders/999999999",
        ):
            self.assertLess(self.url_open(path).status_code, 500, path)

    def _post_sensor(self, body, token=None, content_type="application/json"):
        headers = {"Content-Type": content_type}
        if token is not False:
            headers["Authorization"] = f"Bearer {token or self.sensor.sudo().token}"
        return self.opener.post(
            f"{self.base_url()}/alim_coldchain/sensor/readings", data=body, headers=headers, timeout=60
        )

    @mute_logger("odoo.http")
    def test_sensor_endpoint_hostile_payloads(self):
        Reading = self.env["alim.temperature.reading"]
        before = Reading.search_count([])
        at = (fields.Datetime.now() - timedelta(minutes=5)).strftime("%Y-%m-%dT%H:%M:%SZ")
        bodies = [
            "",
            "not json",
            "[]",
            "null",
            json.dumps({"readings": "abc"}),
            json.dumps({"readings": [{"at": "yesterday", "value": 3}]}),
            json.dumps({"readings": [{"at": at, "value": "3; DROP TABLE alim_temperature_reading"}]}),
            json.dumps({"readings": [{"at": at, "value": float("nan")}]}),
            json.dumps({"readings": [{"at": at, "value": 1e308}]}),
            json.dumps({"readings": [{"at": "2999-01-01T00:00:00Z", "value": 3}]}),
            json.dumps({"location_id": "' OR 1=1 --", "readings": [{"at": at, "value": 3}]}),
            json.dumps({"location_id": self.other_room.id, "readings": [{"at": at, "value": 3}]}),
            "{" * 50_000,
        ]
        for body in bodies:
            response = self._post_sensor(body)
            self.assertGreaterEqual(response.status_code, 400, body[:60])
            self.assertLess(response.status_code, 500, body[:60])
        self.assertEqual(self._post_sensor("{}", token=False).status_code, 401)
        self.assertEqual(self._post_sensor("{}", token="<script>").status_code, 403)
        self.assertEqual(Reading.search_count([]), before, "no hostile payload wrote a reading")
