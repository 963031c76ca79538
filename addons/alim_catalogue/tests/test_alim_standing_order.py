from odoo import Command, http
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .common import AlimCatalogueHttpCommon


@tagged("post_install", "-at_install")
class TestStandingOrder(AlimCatalogueHttpCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.grocery_a, cls.grocery_b = cls._create_groceries(
            [
                {"name": "Standing A", "households_count": 10},
                {"name": "Standing B", "households_count": 40},
            ]
        )
        cls.user_a = cls._create_grocery_user(cls.grocery_a, "test_standing_pa")
        cls.user_b = cls._create_grocery_user(cls.grocery_b, "test_standing_pb")
        cls.rice, cls.oil = cls._create_stocked_products(
            [{"name": "Standing rice"}, {"name": "Standing oil"}], 100
        )
        cls.soap = cls._create_product("Standing soap")
        cls.standing_a = (
            env["alim.standing.order"]
            .with_user(cls.warehouse_user)
            .create(
                {
                    "partner_id": cls.grocery_a.id,
                    "line_ids": [
                        Command.create({"product_id": cls.rice.id, "quantity": 20}),
                        Command.create({"product_id": cls.oil.id, "quantity": 3}),
                        Command.create({"product_id": cls.soap.id, "quantity": 5}),
                    ],
                }
            )
        )
        cls.standing_b = env["alim.standing.order"].create(
            {
                "partner_id": cls.grocery_b.id,
                "line_ids": [Command.create({"product_id": cls.oil.id, "quantity": 7})],
            }
        )

    def _cycle(self, name="Standing week"):
        return self._create_cycle(
            self.grocery_a | self.grocery_b,
            name=name,
            line_ids=[
                Command.create({"product_id": self.rice.id, "max_per_grocery": 12}),
                Command.create({"product_id": self.oil.id}),
            ],
        )

    def _order(self, cycle, grocery):
        return cycle.order_ids.filtered(lambda o: o.partner_id == grocery)

    def test_standing_orders_prefill_each_new_cycle(self):
        cycle = self._cycle()
        cycle.action_open()
        order_a = self._order(cycle, self.grocery_a)
        quantities = {line.product_id: line.product_uom_qty for line in order_a.order_line}
        # rice lowered to the cycle's maximum, oil as kept, soap not in this cycle
        self.assertEqual(quantities, {self.rice: 12, self.oil: 3})
        note = order_a.message_ids[0].body
        self.assertIn("Standing soap", note)
        self.assertIn("Standing rice", note)
        self.assertEqual(self._order(cycle, self.grocery_b).order_line.product_uom_qty, 7)
        # a paused standing order is not applied
        self.standing_b.active = False
        cycle2 = self._cycle("Next week")
        cycle2.action_open()
        self.assertFalse(self._order(cycle2, self.grocery_b))
        self.assertTrue(self._order(cycle2, self.grocery_a))

    def test_bad_quantity_refused(self):
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            self.standing_a.line_ids[0].quantity = -2

    def test_portal_grocery_sees_and_edits_only_its_own(self):
        self.assertFalse(self.standing_b.with_user(self.user_a).has_access("read"))
        with self.assertRaises(AccessError):
            self.standing_a.with_user(self.user_a).write({"note": "mine"})
        self.authenticate(self.user_a.login, self.user_a.login)
        page = self.url_open("/my/standing-order").text
        self.assertIn("Standing rice", page)
        # edit: rice to 8, soap removed; a line of another grocery in the form is ignored
        rice, _oil, soap = self.standing_a.line_ids
        b_line = self.standing_b.line_ids
        data = {
            f"qty_{rice.id}": "8",
            f"qty_{soap.id}": "0",
            f"qty_{b_line.id}": "999",
            "active": "1",
            "csrf_token": http.Request.csrf_token(self),
        }
        self.url_open("/my/standing-order/save", data=data)
        self.assertEqual(rice.quantity, 8)
        self.assertFalse(soap.exists())
        self.assertEqual(b_line.quantity, 7)
        # hostile quantities change nothing
        for raw in ("-1", "abc", "nan"):
            data = {f"qty_{rice.id}": raw, "active": "1", "csrf_token": http.Request.csrf_token(self)}
            response = self.url_open("/my/standing-order/save", data=data)
            self.assertIn("o_alim_error", response.text)
            self.assertEqual(rice.quantity, 8)

    def test_portal_keeps_a_cycle_order_as_standing_order(self):
        self.standing_b.unlink()
        cycle = self._cycle()
        cycle.action_open()
        oil_line = cycle.line_ids.filtered(lambda line: line.product_id == self.oil)
        self.authenticate(self.user_b.login, self.user_b.login)
        data = {f"qty_{oil_line.id}": "4", "csrf_token": http.Request.csrf_token(self)}
        self.url_open(f"/my/cycles/{cycle.id}/order", data=data)
        self.url_open(f"/my/cycles/{cycle.id}/keep", data={"csrf_token": http.Request.csrf_token(self)})
        standing = self.env["alim.standing.order"].search([("partner_id", "=", self.grocery_b.id)])
        self.assertEqual([(line.product_id, line.quantity) for line in standing.line_ids], [(self.oil, 4)])

    def test_a_paused_standing_order_is_shown_paused_and_can_be_resumed(self):
        """Unticking "Apply it to the next cycles" pauses the standing order: the grocery's
        page still shows it, said paused, and ticking the box again resumes it."""
        self.authenticate(self.user_a.login, self.user_a.login)
        rice = self.standing_a.line_ids[0]
        self.url_open(
            "/my/standing-order/save",
            data={f"qty_{rice.id}": "5", "csrf_token": http.Request.csrf_token(self)},
        )
        self.assertFalse(self.standing_a.active)
        page = self.url_open("/my/standing-order").text
        self.assertIn("Your standing order is paused.", page)
        self.assertIn("Standing rice", page)
        self.assertNotIn("You have no standing order", page)
        self.url_open(
            "/my/standing-order/save",
            data={f"qty_{rice.id}": "5", "active": "1", "csrf_token": http.Request.csrf_token(self)},
        )
        self.assertTrue(self.standing_a.active)
        self.assertEqual(rice.quantity, 5)
        # the quantity reads as typed, "5", not "5.0"
        self.assertIn(f'name="qty_{rice.id}" value="5"', self.url_open("/my/standing-order").text)

    def test_the_cycle_page_offers_to_keep_the_order_as_the_standing_order(self):
        cycle = self._cycle()
        cycle.action_open()
        self.authenticate(self.user_a.login, self.user_a.login)
        page = self.url_open(f"/my/cycles/{cycle.id}").text
        # the standing order pre-filled the grocery's order: the page offers to keep it
        self.assertIn("o_alim_keep", page)
