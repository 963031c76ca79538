from datetime import timedelta
from urllib.parse import parse_qs, urlparse

from odoo import Command, fields, http
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestOrderCycle(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.manager = new_test_user(
            env, login="test_cycle_manager", groups="alim_food.alim_food_group_manager"
        )
        cls.warehouse_user = new_test_user(
            env, login="test_cycle_warehouse", groups="alim_food.alim_food_group_warehouse"
        )
        cls.groceries = env["res.partner"].create(
            [
                {
                    "name": "Grocery A",
                    "is_company": True,
                    "is_grocery": True,
                    "households_count": 10,
                    "member_tier": "member",
                },
                {
                    "name": "Grocery B",
                    "is_company": True,
                    "is_grocery": True,
                    "households_count": 30,
                    "member_tier": "partner",
                },
                {
                    "name": "Grocery C",
                    "is_company": True,
                    "is_grocery": True,
                    "households_count": 60,
                    "member_tier": "non_member",
                },
            ]
        )
        cls.outsider = env["res.partner"].create(
            {"name": "Grocery D", "is_company": True, "is_grocery": True}
        )
        cls.portal_users = env["res.users"]
        for login, grocery in zip(
            ["test_pa", "test_pb", "test_pc", "test_pd"], cls.groceries | cls.outsider, strict=True
        ):
            user = new_test_user(env, login=login, groups="base.group_portal")
            user.partner_id.parent_id = grocery
            cls.portal_users |= user
        cls.stock = env.ref("stock.warehouse0").lot_stock_id
        cls.rice, cls.pasta = env["product.product"].create(
            [
                {
                    "name": "Rice 1 kg",
                    "is_storable": True,
                    "list_price": 2.0,
                    "weight": 1.0,
                    "invoice_policy": "order",
                    "storage_class": "dry",
                },
                {
                    "name": "Pasta 500 g",
                    "is_storable": True,
                    "list_price": 1.0,
                    "weight": 0.5,
                    "invoice_policy": "order",
                },
            ]
        )
        env["stock.quant"]._update_available_quantity(cls.rice, cls.stock, 20)
        env["stock.quant"]._update_available_quantity(cls.pasta, cls.stock, 500)
        now = fields.Datetime.now()
        cls.cycle = (
            env["alim.order.cycle"]
            .with_user(cls.manager)
            .create(
                {
                    "name": "Week 12",
                    "date_open": now - timedelta(hours=1),
                    "date_close": now + timedelta(days=2),
                    "delivery_date": fields.Date.today() + timedelta(days=3),
                    "grocery_ids": [Command.set(cls.groceries.ids)],
                }
            )
        )
        cls.cycle.action_load_stock()
        cls.rice_line = cls.cycle.line_ids.filtered(lambda line: line.product_id == cls.rice)
        cls.pasta_line = cls.cycle.line_ids.filtered(lambda line: line.product_id == cls.pasta)
        cls.pasta_line.max_per_grocery = 100

    def _order(self, user, quantities, cycle=None):
        cycle = cycle or self.cycle
        self.authenticate(user.login, user.login)
        data = {f"qty_{line.id}": qty for line, qty in quantities.items()}
        data["csrf_token"] = http.Request.csrf_token(self)
        response = self.url_open(f"/my/cycles/{cycle.id}/order", data=data)
        self.assertEqual(response.status_code, 200)
        return parse_qs(urlparse(response.url).query)

    def _grocery_order(self, grocery):
        return self.env["sale.order"].search(
            [("cycle_id", "=", self.cycle.id), ("partner_id", "=", grocery.id)]
        )

    def test_state_machine_guards(self):
        cycle = self.cycle.with_user(self.manager)
        self.assertTrue(cycle.is_action_open_allowed)
        self.assertFalse(cycle.is_action_close_allowed)
        with self.assertRaisesRegex(UserError, "cannot be closed"):
            cycle.action_close()
        with self.assertRaisesRegex(UserError, "cannot be confirmed"):
            cycle.action_confirm()
        cycle.action_open()
        with self.assertRaisesRegex(UserError, "cannot be opened"):
            cycle.action_open()
        with self.assertRaisesRegex(UserError, "cannot be allocated"):
            cycle.action_allocate()
        with self.assertRaises(AccessError):
            self.cycle.with_user(self.warehouse_user).action_close()
        empty = cycle.copy({"line_ids": False})
        with self.assertRaisesRegex(UserError, "Add catalogue lines"):
            empty.action_open()

    def test_catalogue_from_stock(self):
        self.assertEqual(self.rice_line.available_qty, 20)
        self.assertEqual(self.pasta_line.available_qty, 500)
        self.assertEqual(self.rice_line.storage_class, "dry")

    def test_full_cycle_three_groceries_portal_to_invoices(self):
        self.cycle.with_user(self.manager).action_open()
        user_a, user_b, user_c, _user_d = self.portal_users
        # the grocery sees the open cycle and its catalogue
        self.authenticate(user_a.login, user_a.login)
        page = self.url_open("/my/cycles")
        self.assertIn("Week 12", page.text)
        page = self.url_open(f"/my/cycles/{self.cycle.id}")
        self.assertIn("Rice 1 kg", page.text)
        # three groceries order: rice is scarce (40 asked, 20 in stock)
        for user, rice, pasta in [(user_a, 10, 5), (user_b, 10, 5), (user_c, 20, 50)]:
            self.assertIn("message", self._order(user, {self.rice_line: rice, self.pasta_line: pasta}))
        # an order can be changed until the close
        self._order(user_a, {self.rice_line: 12})
        order_a, order_b, order_c = (self._grocery_order(g) for g in self.groceries)
        self.assertEqual(
            order_a.order_line.filtered(lambda line: line.product_id == self.rice).product_uom_qty, 12
        )
        # member pricing: the tier's pricelist gives the price of the order line (donated
        # goods: a logistics fee per kg, 0.10 / 0.20 / 0.40 by tier)
        self.assertEqual(order_a.pricelist_id, self.env.ref("alim_catalogue.pricelist_member"))
        self.assertAlmostEqual(
            order_a.order_line.filtered(lambda line: line.product_id == self.rice).price_unit, 0.1
        )
        self.assertAlmostEqual(
            order_b.order_line.filtered(lambda line: line.product_id == self.rice).price_unit, 0.2
        )
        self.assertAlmostEqual(
            order_c.order_line.filtered(lambda line: line.product_id == self.rice).price_unit, 0.4
        )
        # the portal page shows the order line's price
        self.authenticate(user_a.login, user_a.login)
        page = self.url_open(f"/my/cycles/{self.cycle.id}")
        self.assertIn("0.10", page.text)
        # the grocery reads its own order as itself, on /my/orders too
        self.assertTrue(order_a.with_user(user_a).has_access("read"))
        # close, allocate: 20 rice among 10/30/60 households asking 12/10/20
        cycle = self.cycle.with_user(self.manager)
        cycle.action_close()
        self.assertIn("closed", self._order(user_a, {self.rice_line: 1}).get("error", [""])[0])
        cycle.action_allocate()
        rice_lines = (order_a | order_b | order_c).order_line.filtered(
            lambda line: line.product_id == self.rice
        )
        self.assertEqual(rice_lines.mapped("asked_qty"), [12, 10, 20])
        self.assertEqual(rice_lines.mapped("product_uom_qty"), [2, 6, 12])
        self.assertEqual(rice_lines.mapped("price_unit"), [0.1, 0.2, 0.4])  # a cut keeps its price
        self.assertAlmostEqual(order_a.amount_untaxed, 2 * 0.1 + 5 * 0.05)
        self.assertEqual(set(rice_lines.mapped("allocation_note")), {"shared"})
        pasta_lines = (order_a | order_b | order_c).order_line.filtered(
            lambda line: line.product_id == self.pasta
        )
        self.assertEqual(pasta_lines.mapped("product_uom_qty"), [5, 5, 50])
        self.assertEqual(set(pasta_lines.mapped("allocation_note")), {"full"})
        self.assertIn("shared fairly", order_a.message_ids[0].body)
        self.authenticate(user_a.login, user_a.login)
        self.assertIn("Asked 12.0: shared fairly", self.url_open(order_a.get_portal_url()).text)
        report = cycle.action_view_allocation()
        self.assertEqual(self.env["sale.order.line"].search_count(report["domain"]), 6)
        cycle.action_confirm()
        self.assertEqual(cycle.state, "confirmed")
        orders = order_a | order_b | order_c
        self.assertEqual(set(orders.mapped("state")), {"sale"})
        moves = orders.picking_ids.move_ids.filtered(lambda m: m.product_id == self.rice)
        self.assertEqual(sum(moves.mapped("quantity")), 20)  # reserved
        invoices = orders._create_invoices()
        self.assertEqual(len(invoices), 3)
        self.assertAlmostEqual(
            invoices.filtered(lambda i: i.partner_id == self.groceries[0]).amount_untaxed, 2 * 0.1 + 5 * 0.05
        )

    def test_portal_refusals(self):
        self.cycle.with_user(self.manager).action_open()
        user_a, user_b, _user_c, user_d = self.portal_users
        self._order(user_b, {self.pasta_line: 5})
        # beyond the maximum, negative: refused, nothing written
        self.assertIn("at most", self._order(user_a, {self.pasta_line: 101})["error"][0])
        self.assertIn("negative", self._order(user_a, {self.pasta_line: -1})["error"][0])
        self.assertFalse(self._grocery_order(self.groceries[0]))
        # a grocery not invited cannot see nor order in the cycle
        self.assertFalse(self.cycle.with_user(user_d).has_access("read"))
        self._order(user_d, {self.pasta_line: 1})
        self.assertFalse(self._grocery_order(self.outsider))
        # another grocery's order can be neither read nor written
        order_b = self._grocery_order(self.groceries[1])
        self.assertFalse(order_b.with_user(user_a).has_access("read"))
        with self.assertRaises(AccessError):
            order_b.with_user(user_a).write({"note": "mine"})
        self.authenticate(user_a.login, user_a.login)
        response = self.url_open(f"/my/orders/{order_b.id}")
        self.assertNotIn(order_b.name, response.text)
        # a portal user cannot write sale orders directly, even its own
        self._order(user_a, {self.pasta_line: 3})
        order_a = self._grocery_order(self.groceries[0])
        with self.assertRaises(AccessError):
            order_a.order_line.with_user(user_a).write({"product_uom_qty": 100})
        # a closed cycle refuses orders; a draft cycle is not shown to groceries
        self.cycle.with_user(self.manager).action_close()
        self.assertIn("closed", self._order(user_a, {self.pasta_line: 9})["error"][0])
        self.assertEqual(order_a.order_line.product_uom_qty, 3)
        draft = self.cycle.with_user(self.manager).copy({"name": "Next week"})
        self.assertFalse(draft.with_user(user_a).has_access("read"))
        self.authenticate(user_a.login, user_a.login)
        self.assertNotIn("Next week", self.url_open("/my/cycles").text)

    def test_staff_adjustment_beyond_stock_is_refused_at_confirmation(self):
        self.cycle.with_user(self.manager).action_open()
        self._order(self.portal_users[0], {self.rice_line: 10})
        self._order(self.portal_users[1], {self.rice_line: 10})
        oil = self.env["product.product"].create({"name": "Oil bought to order", "is_storable": True})
        self.env["alim.order.cycle.line"].create(
            {"cycle_id": self.cycle.id, "product_id": oil.id, "is_to_order": True}
        )
        self._order(self.portal_users[1], {self.cycle.line_ids.filtered("is_to_order"): 30})
        cycle = self.cycle.with_user(self.manager)
        cycle.action_close()
        cycle.action_allocate()
        order_a = self._grocery_order(self.groceries[0])
        oil_line = self._grocery_order(self.groceries[1]).order_line.filtered(
            lambda line: line.product_id == oil
        )
        self.assertEqual(oil_line.product_uom_qty, 30)  # bought to order: nothing shared out
        rice_a = order_a.order_line.filtered(lambda line: line.product_id == self.rice)
        rice_a.with_user(self.manager).product_uom_qty = 15  # 15 + 10 > 20 in stock
        with self.assertRaisesRegex(UserError, "more than the stock holds"), self.env.cr.savepoint():
            cycle.action_confirm()
        self.assertEqual(cycle.state, "allocated")
        self.assertEqual(order_a.state, "draft")
        rice_a.with_user(self.manager).product_uom_qty = 10
        cycle.action_confirm()
        self.assertEqual(cycle.state, "confirmed")

    def test_portal_quota_per_household_filters_and_totals(self):
        """The quota per household sets each grocery's limit; the page filters by category and
        badge and shows the order's total in money and kilograms."""
        category = self.env["alim.food.category"].create({"name": "Test cereals"})
        self.rice.write({"weight": 1.0, "food_category_id": category.id, "is_local": True})
        self.pasta.weight = 0.5
        self.rice_line.quota_per_household = 0.5  # A: 10 households -> 5, B: 30 -> 15
        self.cycle.with_user(self.manager).action_open()
        user_a, user_b = self.portal_users[:2]
        self.assertEqual(self.rice_line._grocery_limit(self.groceries[0]), 5)
        self.assertEqual(self.pasta_line._grocery_limit(self.groceries[0]), 100)
        self.assertIn("at most 5.0", self._order(user_a, {self.rice_line: 6})["error"][0])
        self.assertFalse(self._grocery_order(self.groceries[0]))
        self.assertIn("message", self._order(user_b, {self.rice_line: 15}))
        # the smaller of the quota and the maximum per grocery applies
        self.rice_line.max_per_grocery = 3
        self.assertEqual(self.rice_line._grocery_limit(self.groceries[1]), 3)
        self.rice_line.max_per_grocery = 0
        self.assertIn("message", self._order(user_a, {self.rice_line: 4, self.pasta_line: 6}))
        self.authenticate(user_a.login, user_a.login)
        page = self.url_open(f"/my/cycles/{self.cycle.id}").text
        self.assertIn("7.0 kg", page)  # 4 x 1 kg + 6 x 0.5 kg
        filtered = self.url_open(f"/my/cycles/{self.cycle.id}?category={category.id}").text
        self.assertIn("Rice 1 kg", filtered)
        self.assertNotIn('data-product="Pasta 500 g"', filtered)
        local = self.url_open(f"/my/cycles/{self.cycle.id}?badge=local").text
        self.assertNotIn('data-product="Pasta 500 g"', local)
        # a hostile filter value matches nothing and breaks nothing
        hostile = self.url_open(f"/my/cycles/{self.cycle.id}?category=1%27%20OR%201=1&badge=x")
        self.assertEqual(hostile.status_code, 200)
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            self.rice_line.quota_per_household = -1

    def test_tour_portal_order(self):
        self.rice.name = "Tour rice"
        self.cycle.name = "Tour cycle"
        self.cycle.with_user(self.manager).action_open()
        user_a = self.portal_users[0]
        self.start_tour("/my/cycles", "alim_catalogue_portal_order", login=user_a.login)
        order = self._grocery_order(self.groceries[0])
        self.assertEqual(order.order_line.product_uom_qty, 3)
