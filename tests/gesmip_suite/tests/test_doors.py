"""Every door refuses hostile input cleanly and leaks nothing (issue 16): over HTTP, as a
grocery's portal user, a donor's portal user and a sensor; each refusal is checked for its
status, its message and that nothing was written."""

import json
import re
from datetime import timedelta

from odoo import Command, fields, http
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import mute_logger

from odoo.addons.alim_coldchain.controllers.main import RATE_LIMITER

GROCERY = "gesmip_network.gesmip_network_group_grocery"


@tagged("post_install", "-at_install")
class TestDoors(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        Partner = env["res.partner"]
        cls.grocery_a, cls.grocery_b = Partner.create(
            [
                {
                    "name": "Épicerie Porte A",
                    "is_company": True,
                    "is_grocery": True,
                    "grocery_status": "active",
                    "households_count": 40,
                },
                {
                    "name": "Épicerie Porte B",
                    "is_company": True,
                    "is_grocery": True,
                    "grocery_status": "active",
                    "households_count": 40,
                },
            ]
        )
        cls.donor = Partner.create({"name": "Donateur Porte", "is_company": True})
        cls.user_a = new_test_user(env, login="door_a", groups=GROCERY)
        cls.user_a.partner_id.parent_id = cls.grocery_a
        cls.user_b = new_test_user(env, login="door_b", groups=GROCERY)
        cls.user_b.partner_id.parent_id = cls.grocery_b
        # a donor's (or a supplier's) portal user: a portal user, not a grocery
        cls.user_donor = new_test_user(env, login="door_donor", groups="base.group_portal")
        cls.user_donor.partner_id.parent_id = cls.donor
        stock = env.ref("stock.warehouse0").lot_stock_id
        cls.rice, cls.lentils = env["product.product"].create(
            [
                {"name": "Riz porte", "is_storable": True, "weight": 1.0, "list_price": 1.0},
                {"name": "Lentilles vrac porte", "is_storable": True, "alim_supply_mode": "bought"},
            ]
        )
        env["stock.quant"]._update_available_quantity(cls.rice, stock, 500)
        now = fields.Datetime.now()
        cls.cycle = env["alim.order.cycle"].create(
            {
                "name": "Cycle porte",
                "date_open": now - timedelta(hours=1),
                "date_close": now + timedelta(days=2),
                "location_id": stock.id,
                "grocery_ids": [Command.set((cls.grocery_a | cls.grocery_b).ids)],
                "line_ids": [
                    Command.create({"product_id": cls.rice.id, "max_per_grocery": 60, "pack_size": 6})
                ],
            }
        )
        cls.cycle.action_open()
        cls.line = cls.cycle.line_ids
        cls.purchase = env["alim.group.purchase"].create(
            {
                "partner_id": cls.donor.id,
                "deadline": fields.Date.today() + timedelta(days=3),
                "line_ids": [Command.create({"product_id": cls.lentils.id})],
            }
        )
        cls.purchase.action_collect()
        cls.standing = env["alim.standing.order"].create(
            {
                "partner_id": cls.grocery_a.id,
                "line_ids": [Command.create({"product_id": cls.rice.id, "quantity": 6})],
            }
        )

    # --- helpers ------------------------------------------------------------------------
    def _post(self, url, data, login="door_a"):
        self.authenticate(login, login)
        return self.url_open(url, data=dict(data, csrf_token=http.Request.csrf_token(self)))

    def _error(self, response):
        found = re.search(r'o_alim_error">(.*?)</div>', response.text, re.S)
        return found and found.group(1).strip()

    def _orders(self):
        return self.env["sale.order"].search([("cycle_id", "=", self.cycle.id)])

    # --- 1. one quantity reader on every form ---------------------------------------------
    @mute_logger("odoo.http")
    def test_quantity_reader_on_the_three_forms(self):
        cases = [
            ("1e307", "is not a quantity"),
            ("1e12", "is not a quantity"),
            ("1000000000000", "is not a quantity"),
            ("100001", "At most 100,000"),  # the hard cap, in the reader's number format
            ("2.5", "in steps of"),
            ("nan", "is not a quantity"),
            ("true", "is not a quantity"),
            ("-6", "cannot be negative"),
        ]
        demand = self.env["alim.group.purchase.demand"]
        standing_line = self.standing.line_ids
        for raw, message in cases:
            # the catalogue order form
            response = self._post(f"/my/cycles/{self.cycle.id}/order", {f"qty_{self.line.id}": raw})
            self.assertEqual(response.status_code, 200, raw)
            self.assertIn(message, self._error(response), raw)
            self.assertFalse(self._orders().order_line, raw)
            # the standing order form
            response = self._post("/my/standing-order/save", {f"qty_{standing_line.id}": raw, "active": "1"})
            self.assertEqual(response.status_code, 200, raw)
            self.assertIn(message, self._error(response), raw)
            self.assertEqual(standing_line.quantity, 6, raw)
            # the group purchase demand form
            line = self.purchase.line_ids
            response = self._post(f"/my/group-purchases/{self.purchase.id}", {f"qty_{line.id}": raw})
            self.assertEqual(response.status_code, 200, raw)
            self.assertIn(message, self._error(response), raw)
            self.assertFalse(demand.search([("group_purchase_id", "=", self.purchase.id)]), raw)
        # the line's limit for the grocery, pack multiples where the line has a pack size
        response = self._post(f"/my/cycles/{self.cycle.id}/order", {f"qty_{self.line.id}": "66"})
        self.assertIn("at most 60", self._error(response))
        response = self._post(f"/my/cycles/{self.cycle.id}/order", {f"qty_{self.line.id}": "7"})
        self.assertIn("whole packs of 6", self._error(response))
        self.assertFalse(self._orders().order_line)
        response = self._post(f"/my/cycles/{self.cycle.id}/order", {f"qty_{self.line.id}": "12"})
        self.assertIn("o_alim_saved", response.text)
        self.assertEqual(self._orders().order_line.product_uom_qty, 12)

    # --- 2. hostile ids: 404, never 500 --------------------------------------------------
    @mute_logger("odoo.http")
    def test_hostile_ids_answer_404(self):
        event = self.env["event.event"].create(
            {
                "name": "Réunion porte",
                "is_network_event": True,
                "network_published": True,
                "date_begin": fields.Datetime.now() + timedelta(days=3),
                "date_end": fields.Datetime.now() + timedelta(days=3, hours=2),
            }
        )
        self.authenticate("door_a", "door_a")
        for prefix in ("/my/cycles", "/my/recalls", "/my/network-events", "/my/donation-receipts"):
            for hostile in ("abc", "1e400", "-1", "99999999", str(10**12), "0", str(2**31)):
                response = self.url_open(f"{prefix}/{hostile}")
                self.assertEqual(response.status_code, 404, f"{prefix}/{hostile}")
        for url in (
            f"/my/cycles/{10**12}/order",
            "/my/cycles/99999999/keep",
            f"/my/group-purchases/{10**12}",
            "/my/group-purchases/99999999",
            f"/my/network-events/{10**12}/register",
        ):
            response = self._post(url, {"qty_1": "1", "name_1": "X"})
            self.assertEqual(response.status_code, 404, url)
        # Odoo's own portal pages too
        for url in (f"/my/orders/{10**12}", f"/my/invoices/{10**12}"):
            self.assertEqual(self.url_open(url).status_code, 404, url)
        self.assertEqual(self.url_open(f"/my/network-events/{event.id}").status_code, 200)
        self.assertFalse(self._orders())

    # --- 3. group purchases, catalogue and recalls: member groceries only -------------------
    @mute_logger("odoo.http")
    def test_donor_portal_user_is_no_grocery(self):
        self.assertFalse(self.user_donor._gesmip_member_grocery())
        self.assertEqual(self.user_a._gesmip_member_grocery(), self.grocery_a)
        self.authenticate("door_donor", "door_donor")
        for url in (
            "/my/group-purchases",
            "/my/cycles",
            f"/my/cycles/{self.cycle.id}",
            "/my/recalls",
            "/my/standing-order",
            "/my/network-events",
            "/my/calls",
        ):
            response = self.url_open(url)
            self.assertEqual(response.status_code, 404, url)
            self.assertNotIn("Lentilles vrac porte", response.text)
        line = self.purchase.line_ids
        response = self._post(
            f"/my/group-purchases/{self.purchase.id}", {f"qty_{line.id}": "5"}, "door_donor"
        )
        self.assertEqual(response.status_code, 404)
        self.assertFalse(self.purchase.demand_ids)
        with self.assertRaises(AccessError):
            self.env["alim.group.purchase"].with_user(self.user_donor).search([])
        with self.assertRaises(AccessError):
            self.purchase.with_user(self.user_donor)._alim_portal_set_demands({line.id: "5"})
        self.assertFalse(self.purchase.demand_ids)
        # the home page does not offer the catalogue to a donor
        home = self.url_open("/my/home")
        self.assertEqual(home.status_code, 200)
        self.assertNotIn("/my/group-purchases", home.text)
        self.authenticate("door_a", "door_a")
        self.assertIn("/my/group-purchases", self.url_open("/my/home").text)

    # --- 4. no grocery learns who else is invited -------------------------------------------
    @mute_logger("odoo.http")
    def test_cycle_over_json_rpc_lists_no_other_grocery(self):
        self.authenticate("door_a", "door_a")

        def call(method, args, kwargs):
            params = {"model": "alim.order.cycle", "method": method, "args": args, "kwargs": kwargs}
            return self.make_jsonrpc_request("/web/dataset/call_kw", params)

        result = call(
            "search_read", [[("id", "=", self.cycle.id)]], {"fields": ["name", "state", "line_ids"]}
        )
        self.assertEqual([row["name"] for row in result], ["Cycle porte"])
        self.assertNotIn("grocery_ids", call("fields_get", [], {"attributes": ["type"]}))
        for fields_asked in (["grocery_ids"], ["order_ids", "order_count"]):
            with self.assertRaises(JsonRpcException, msg=fields_asked):
                call("read", [self.cycle.ids], {"fields": fields_asked})
        with self.assertRaises(AccessError):
            self.cycle.with_user(self.user_a).read(["grocery_ids"])
        with self.assertRaises(AccessError):
            self.cycle.with_user(self.user_a).read(["order_count"])

    # --- 5. messages after a redirect come from the server -----------------------------------
    def test_error_text_in_the_url_is_not_shown(self):
        self.authenticate("door_a", "door_a")
        for url in (
            f"/my/cycles/{self.cycle.id}?error=Appelez+le+0899",
            "/my/group-purchases?error=Appelez+le+0899",
            "/my/standing-order?error=Appelez+le+0899&message=saved",
        ):
            page = self.url_open(url)
            self.assertEqual(page.status_code, 200)
            self.assertNotIn("0899", page.text, url)
            self.assertNotIn("o_alim_saved", page.text, url)
        # a refusal's message is shown once, then gone
        response = self._post(f"/my/cycles/{self.cycle.id}/order", {f"qty_{self.line.id}": "abc"})
        self.assertIn("is not a quantity", self._error(response))
        self.assertIsNone(self._error(self.url_open(f"/my/cycles/{self.cycle.id}")))

    # --- 6. the sensor endpoint --------------------------------------------------------------
    def _sensor(self):
        room = self.env.ref("stock.warehouse0").lot_stock_id.copy({"name": "Chambre porte"})
        sensor = self.env["alim.temperature.sensor"].create(
            {
                "name": "Sonde porte",
                "location_id": room.id,
                "install_date": fields.Datetime.now() - timedelta(days=2),
            }
        )
        return sensor, sensor._alim_new_token()

    def _push(self, token, body):
        data = body if isinstance(body, str | bytes) else json.dumps(body)
        return self.opener.post(
            f"{self.base_url()}/alim_coldchain/sensor/readings",
            data=data,
            headers={"Content-Type": "application/json", "Authorization": f"Bearer {token}"},
            timeout=60,
        )

    @mute_logger("odoo.http")
    def test_sensor_refuses_hostile_payloads_with_a_json_reason(self):
        RATE_LIMITER.reset()
        sensor, token = self._sensor()
        Reading = self.env["alim.temperature.reading"]
        at = (fields.Datetime.now() - timedelta(minutes=5)).strftime("%Y-%m-%dT%H:%M:%SZ")
        cases = [
            ('{"location_id": Infinity, "readings": []}', 400, "not a number"),
            ('{"location_id": 1e400, "readings": [{"at": "' + at + '", "value": 3}]}', 400, "room id"),
            (json.dumps({"readings": [{"at": at, "value": int("9" * 400)}]}), 400, "out of range"),
            (json.dumps({"readings": [{"at": at, "value": True}]}), 400, "must be a number"),
            (json.dumps({"readings": [{"at": "0001-01-01T00:00:00+01:00", "value": 3}]}), 400, "ISO"),
            (json.dumps({"readings": [{"at": "1971-01-01T00:00:00Z", "value": 3}]}), 400, "installed"),
            (json.dumps({"readings": [{"at": "2999-01-01T00:00:00Z", "value": 3}]}), 400, "future"),
            ("[" * 5000 + "]" * 5000, 400, "too deep"),
            (json.dumps({"readings": [{"at": at, "value": 3}] * 1001}), 413, "at most 1000"),
            (b"x" * (300 * 1024), 413, "too large"),
        ]
        for body, status, reason in cases:
            response = self._push(token, body)
            self.assertEqual(response.status_code, status, str(body)[:60])
            self.assertIn(reason, response.json()["error"], str(body)[:60])
        self.assertFalse(Reading.search_count([("sensor_id", "=", sensor.id)]), "nothing written")
        ok = self._push(token, {"readings": [{"at": at, "value": 3.5}]})
        self.assertEqual(ok.status_code, 200, ok.text)
        self.assertEqual(Reading.search_count([("sensor_id", "=", sensor.id)]), 1)

    def test_sensor_token_is_kept_as_a_hash_shown_once(self):
        sensor, token = self._sensor()
        self.assertNotIn("token", sensor._fields)
        self.assertNotEqual(sensor.sudo().token_hash, token)
        self.assertEqual(len(sensor.sudo().token_hash), 64)
        self.env.cr.execute("SELECT * FROM alim_temperature_sensor WHERE id = %s", [sensor.id])
        self.assertNotIn(token, json.dumps(self.env.cr.dictfetchall(), default=str))
        manager = new_test_user(self.env, login="door_cc_manager", groups="alim_food.alim_food_group_manager")
        with self.assertRaises(AccessError):
            sensor.with_user(manager).read(["token_hash"])
        action = sensor.with_user(manager).action_regenerate_token()
        new_token = action["params"]["message"]
        self.assertEqual(self.env["alim.temperature.sensor"]._alim_authenticate(new_token), sensor)
        self.assertFalse(self.env["alim.temperature.sensor"]._alim_authenticate(token))

    @mute_logger("odoo.http")
    def test_sensor_rate_limit_answers_429(self):
        RATE_LIMITER.reset()
        Param = self.env["ir.config_parameter"].sudo()
        Param.set_param("alim_coldchain.sensor_rate_per_sensor", "3")
        _sensor, token = self._sensor()
        at = (fields.Datetime.now() - timedelta(minutes=5)).strftime("%Y-%m-%dT%H:%M:%SZ")
        statuses = [self._push(token, {"readings": [{"at": at, "value": 3}]}).status_code for _ in range(4)]
        self.assertEqual(statuses[:3], [200, 200, 200])
        response = self._push(token, {"readings": [{"at": at, "value": 3}]})
        self.assertEqual(response.status_code, 429)
        self.assertEqual(response.json()["error"], "too many requests")
        self.assertTrue(response.headers.get("Retry-After"))
        Param.set_param("alim_coldchain.sensor_rate_per_sensor", "30")
        Param.set_param("alim_coldchain.sensor_rate_per_address", "2")
        RATE_LIMITER.reset()
        codes = [self._push("wrong-token", {}).status_code for _ in range(3)]
        self.assertEqual(codes, [403, 403, 429])
        RATE_LIMITER.reset()
        Param.set_param("alim_coldchain.sensor_rate_per_address", "120")

    # --- 7. event registrations and calls for projects ----------------------------------------
    @mute_logger("odoo.http")
    def test_event_registration_duplicates_cap_and_emails(self):
        event = self.env["event.event"].create(
            {
                "name": "Réunion porte inscriptions",
                "is_network_event": True,
                "network_published": True,
                "network_seats_per_grocery": 3,
                "date_begin": fields.Datetime.now() + timedelta(days=3),
                "date_end": fields.Datetime.now() + timedelta(days=3, hours=2),
            }
        )
        Registration = self.env["event.registration"]
        url = f"/my/network-events/{event.id}/register"

        def register(**post):
            response = self._post(url, post)
            self.assertEqual(response.status_code, 200)
            found = re.search(r'alert-danger" role="alert">(.*?)</div>', response.text, re.S)
            return found and found.group(1).strip()

        def count():
            return Registration.search_count([("event_id", "=", event.id)])

        self.assertIsNone(register(name_1="Lucie Martin", email_1="lucie@example.org"))
        self.assertEqual(count(), 1)
        self.assertIn("already registered", register(name_1="lucie  MARTIN"))
        self.assertIn("already registered", register(name_1="L. Martin", email_1="LUCIE@example.org"))
        self.assertIn("already registered", register(name_1="Paul Roux", name_2="paul roux"))
        for email in ("a@b.org\r\nBcc: all@example.org", "not-an-email", "Name <x@y.org>"):
            self.assertTrue(register(name_1="Nadia", email_1=email), email)
        self.assertIn("one line", register(name_1="Nadia\r\nX"))
        self.assertEqual(count(), 1, "nothing written by a refusal")
        self.assertIsNone(register(name_1="Paul Roux", name_2="Nadia Kaci"))
        self.assertIn("at most 3", register(name_1="Omar Diallo"))
        self.assertEqual(count(), 3)
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            Registration.create({"event_id": event.id, "name": "X", "email": "x@y.org\r\nBcc: z@y.org"})

    def test_call_for_projects_link_is_a_web_address(self):
        coordinator = new_test_user(
            self.env, login="door_coord", groups="gesmip_network.gesmip_network_group_coordinator"
        )
        Call = self.env["gesmip.call.project"].with_user(coordinator)
        values = {"name": "Appel porte", "funder_id": self.donor.id, "deadline": fields.Date.today()}
        for url in (
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "data:text/html,x",
            "//evil.example",
            "ftp://x.org",
            " https://x.org",
            "https://x.org/\r\n",
        ):
            with self.assertRaises(ValidationError, msg=url), self.env.cr.savepoint():
                Call.create(dict(values, url=url))
        self.assertFalse(self.env["gesmip.call.project"].search([("name", "=", "Appel porte")]))
        call = Call.create(dict(values, url="https://www.fondation.example/appel"))
        call.action_share()
        self.authenticate("door_a", "door_a")
        page = self.url_open("/my/calls")
        self.assertIn('href="https://www.fondation.example/appel"', page.text)
