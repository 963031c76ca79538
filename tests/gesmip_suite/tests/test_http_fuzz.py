"""Bad input at every HTTP door of the suite: malformed, oversized and hostile input (wrong
types, missing CSRF, SQL and HTML fragments, another grocery's ids) gets a 4xx or a clear
message, writes nothing and leaks nothing."""

import json
import logging
from datetime import timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from odoo import Command, fields
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from odoo.addons.alim_catalogue.lib.quantity import HARD_CAP
from odoo.addons.alim_coldchain.controllers.main import RATE_LIMITER
from odoo.addons.alim_coldchain.tests.common import done_move

_logger = logging.getLogger(__name__)

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


# Values a hostile user types: huge, tiny, NaN/inf, exponents, booleans, strings, SQL and
# HTML fragments, long texts, other records' ids.
HOSTILE_TEXT = st.one_of(
    st.sampled_from(
        [
            "nan",
            "NaN",
            "inf",
            "-inf",
            "Infinity",
            "1e307",
            "1e400",
            "1e12",
            "-0",
            "0x10",
            "true",
            "false",
            "null",
            "2.5",
            "0.0000001",
            "-1",
            "' OR 1=1 --",
            "<script>alert(1)</script>",
            "1; DROP TABLE sale_order",
        ]
    ),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.text(max_size=60),
    st.text(min_size=1000, max_size=5000, alphabet="9x<'"),
)
HOSTILE_ID = st.one_of(
    st.integers(min_value=-5, max_value=10**15), st.sampled_from([2**31 - 1, 2**31, 2**63])
)
SETTINGS = settings(
    max_examples=25, deadline=None, database=None, derandomize=True, suppress_health_check=list(HealthCheck)
)


@tagged("post_install", "-at_install")
class TestHttpFuzz(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        cls.grocery_a, cls.grocery_b = Partner.create(
            [
                {
                    "name": "Épicerie Fuzz A",
                    "is_company": True,
                    "is_grocery": True,
                    "grocery_status": "active",
                    "households_count": 50,
                },
                {
                    "name": "Épicerie Fuzz B",
                    "is_company": True,
                    "is_grocery": True,
                    "grocery_status": "active",
                    "households_count": 50,
                },
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
            {
                "name": "Sonde fuzz",
                "location_id": cls.room.id,
                "install_date": fields.Datetime.now() - timedelta(days=1),
            }
        )
        cls.token = cls.sensor._alim_new_token()

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
            headers["Authorization"] = f"Bearer {token or self.token}"
        return self.opener.post(
            f"{self.base_url()}/alim_coldchain/sensor/readings", data=body, headers=headers, timeout=60
        )

    @mute_logger("odoo.http")
    def test_sensor_endpoint_hostile_payloads(self):
        RATE_LIMITER.reset()
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

    @mute_logger("odoo.http")
    def test_network_event_registration_hostile_input(self):
        event = self.env["event.event"].create(
            {
                "name": "Réunion réseau fuzz",
                "is_network_event": True,
                "network_published": True,
                "date_begin": fields.Datetime.now() + timedelta(days=3),
                "date_end": fields.Datetime.now() + timedelta(days=3, hours=2),
            }
        )
        Registration = self.env["event.registration"]
        self.authenticate("fuzz_a", "fuzz_a")
        page = self.url_open(f"/my/network-events/{event.id}")
        self.assertEqual(page.status_code, 200)
        token = page.text.split('name="csrf_token" value="')[1].split('"')[0]
        url = f"/my/network-events/{event.id}/register"
        self.assertEqual(self.url_open(url, data={"name_1": "Sans jeton"}).status_code, 400)
        for name in ("x" * 100_000, "", "   "):
            response = self.url_open(url, data={"csrf_token": token, "name_1": name, "email_1": "a" * 5000})
            self.assertLess(response.status_code, 500)
        for path in (
            f"/my/network-events/{10**12}",
            "/my/network-events/abc",
            f"/my/network-events/{10**12}/register",
        ):
            self.assertLess(self.url_open(path).status_code, 500, path)
        self.assertFalse(Registration.search([("event_id", "=", event.id)]), "nothing registered")

    # --- generated values on every door --------------------------------------------------
    def _check(self, response, what):
        self.tried += 1
        self.assertLess(response.status_code, 500, what)
        self.assertNotIn("<script>alert(1)</script>", response.text, what)

    def _token(self, path):
        page = self.url_open(path)
        return page.text.split('name="csrf_token" value="')[1].split('"')[0]

    def _assert_stored_within_rules(self):
        for line in self._orders().order_line:
            qty = line.product_uom_qty
            self.assertTrue(0 < qty <= 10 and qty == int(qty), qty)
        for demand in self.env["alim.group.purchase.demand"].search([]):
            self.assertTrue(0 <= demand.quantity <= HARD_CAP and demand.quantity == int(demand.quantity))
        for line in self.env["alim.standing.order.line"].search([]):
            self.assertTrue(0 < line.quantity <= HARD_CAP)
        for answer in self.env["alim.recall.answer"].search([]):
            self.assertEqual(answer.grocery_id, self.grocery_a)
            for qty in (answer.destroyed_qty, answer.returned_qty, answer.given_out_qty):
                self.assertTrue(0 <= qty <= HARD_CAP, qty)

    def _recall_of_grocery_a(self):
        """A recall notified to grocery A (a lot delivered to it)."""
        warehouse = self.env.ref("stock.warehouse0")
        cheese = self.env["product.product"].create(
            {"name": "Fromage fuzz", "is_storable": True, "tracking": "lot"}
        )
        lot = self.env["stock.lot"].create({"name": "FUZZ-LOT", "product_id": cheese.id})
        now = fields.Datetime.now()
        done_move(
            self.env,
            cheese,
            lot,
            5,
            self.env.ref("stock.stock_location_suppliers"),
            warehouse.lot_stock_id,
            now,
        )
        done_move(
            self.env,
            cheese,
            lot,
            5,
            warehouse.lot_stock_id,
            self.env.ref("stock.stock_location_customers"),
            now,
            self.grocery_a,
            warehouse.out_type_id,
        )
        recall = self.env["alim.recall"].create({"name": "Rappel fuzz", "lot_id": lot.id})
        recall.action_notify()
        return recall

    @mute_logger("odoo.http")
    def test_every_door_with_generated_values(self):
        """Every portal form and endpoint, fed values generated by hypothesis: no answer is
        a 500, and what is stored stays within the rules."""
        self.tried = 0
        RATE_LIMITER.reset()
        Param = self.env["ir.config_parameter"].sudo()
        Param.set_param("alim_coldchain.sensor_rate_per_address", "100000")
        Param.set_param("alim_coldchain.sensor_rate_per_sensor", "100000")
        purchase = self.env["alim.group.purchase"].create(
            {
                "partner_id": self.grocery_b.id,
                "deadline": fields.Date.today() + timedelta(days=2),
                "line_ids": [Command.create({"product_id": self.product.id})],
            }
        )
        purchase.action_collect()
        standing = self.env["alim.standing.order"].create(
            {"partner_id": self.grocery_a.id, "line_ids": [Command.create({"product_id": self.product.id})]}
        )
        event = self.env["event.event"].create(
            {
                "name": "Réunion fuzz générée",
                "is_network_event": True,
                "network_published": True,
                "date_begin": fields.Datetime.now() + timedelta(days=3),
                "date_end": fields.Datetime.now() + timedelta(days=3, hours=2),
            }
        )
        recall = self._recall_of_grocery_a()
        self.authenticate("fuzz_a", "fuzz_a")
        csrf = self._token("/my/standing-order")
        forms = [
            (
                f"/my/recalls/{recall.id}/answer",
                lambda v: {"destroyed": v, "returned": v, "given_out": v, "note": v},
            ),
            (f"/my/cycles/{self.cycle.id}/order", lambda v: {f"qty_{self.line.id}": v}),
            ("/my/standing-order/save", lambda v: {f"qty_{standing.line_ids.id}": v, "active": v}),
            (f"/my/group-purchases/{purchase.id}", lambda v: {f"qty_{purchase.line_ids.id}": v}),
            (f"/my/network-events/{event.id}/register", lambda v: {"name_1": v, "email_1": v, "phone_1": v}),
            (f"/my/cycles/{self.cycle.id}/keep", lambda v: {"x": v}),
        ]

        @SETTINGS
        @given(value=HOSTILE_TEXT)
        def post_forms(value):
            for url, data in forms:
                self._check(self.url_open(url, data=dict(data(value), csrf_token=csrf)), (url, value[:40]))
                self._assert_stored_within_rules()

        @SETTINGS
        @given(record_id=HOSTILE_ID, value=HOSTILE_TEXT)
        def hostile_ids_and_queries(record_id, value):
            for path in (
                f"/my/cycles/{record_id}",
                f"/my/recalls/{record_id}",
                f"/my/network-events/{record_id}",
                f"/my/donation-receipts/{record_id}",
                f"/my/recalls/page/{abs(record_id)}",
                f"/my/calls/page/{abs(record_id)}",
            ):
                self._check(self.url_open(path), path)
            for path in (
                f"/my/cycles/{record_id}/order",
                f"/my/group-purchases/{record_id}",
                f"/my/recalls/{record_id}/answer",
            ):
                self._check(self.url_open(path, data={"csrf_token": csrf, f"qty_{record_id}": "1"}), path)
            query = {
                "search": value,
                "storage": value,
                "category": value,
                "badge": value,
                "error": value,
                "page": value,
            }
            self._check(
                self.opener.get(f"{self.base_url()}/my/cycles/{self.cycle.id}", params=query), value[:40]
            )

        json_values = st.recursive(
            st.none() | st.booleans() | st.floats() | st.integers() | st.text(max_size=30),
            lambda children: (
                st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=10), children, max_size=5)
            ),
            max_leaves=20,
        )

        @SETTINGS
        @given(location=json_values, readings=json_values, value=json_values, at=json_values)
        def sensor_bodies(location, readings, value, at):
            for body in (
                {"location_id": location, "readings": readings},
                {"readings": [{"at": at, "value": value}]},
            ):
                response = self._post_sensor(json.dumps(body))
                self._check(response, str(body)[:60])
                self.assertTrue(response.json(), str(body)[:60])

        before = self.env["alim.temperature.reading"].search_count([])
        post_forms()
        hostile_ids_and_queries()
        sensor_bodies()
        self.assertEqual(self.env["alim.temperature.reading"].search_count([]), before)
        self.assertFalse(self.env["event.registration"].search_count([("event_id", "=", event.id)]) > 4)
        _logger.info("HTTP fuzz: %s requests tried, none answered 500", self.tried)
