import html
import re
from datetime import timedelta

from odoo import Command, fields, http
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged
from odoo.tools.safe_eval import safe_eval

from .common import AlimCatalogueHttpCommon


@tagged("post_install", "-at_install")
class TestOrderCycle(AlimCatalogueHttpCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.groceries = cls._create_groceries(
            [
                {"name": "Grocery A", "households_count": 10, "member_tier": "member"},
                {"name": "Grocery B", "households_count": 30, "member_tier": "partner"},
                {"name": "Grocery C", "households_count": 60, "member_tier": "non_member"},
            ]
        )
        cls.outsider = cls._create_groceries([{"name": "Grocery D"}])
        cls.portal_users = env["res.users"]
        for login, grocery in zip(
            ["test_pa", "test_pb", "test_pc", "test_pd"], cls.groceries | cls.outsider, strict=True
        ):
            cls.portal_users |= cls._create_grocery_user(grocery, login)
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
        cls._put_in_stock(cls.rice, 20)
        cls._put_in_stock(cls.pasta, 500)
        cls.cycle = cls._create_cycle(
            cls.groceries,
            name="Week 12",
            date_close=fields.Datetime.now() + timedelta(days=2),
            delivery_date=fields.Date.today() + timedelta(days=3),
        )
        cls.cycle.action_load_stock()
        cls.rice_line = cls.cycle.line_ids.filtered(lambda line: line.product_id == cls.rice)
        cls.pasta_line = cls.cycle.line_ids.filtered(lambda line: line.product_id == cls.pasta)
        cls.pasta_line.max_per_grocery = 100

    def _order(self, user, quantities, cycle=None, status=200):
        """Post the order form as ``user``; the messages of the page it lands on (kept on the
        server, shown once): {"message": [...]} when saved, {"error": [text]} when refused."""
        cycle = cycle or self.cycle
        self.authenticate(user.login, user.login)
        data = {f"qty_{line.id}": qty for line, qty in quantities.items()}
        data["csrf_token"] = http.Request.csrf_token(self)
        response = self.url_open(f"/my/cycles/{cycle.id}/order", data=data)
        self.assertEqual(response.status_code, status)
        return self._messages(response.text)

    def _messages(self, text):
        messages = {}
        if "o_alim_saved" in text:
            messages["message"] = ["saved"]
        error = re.search(r'o_alim_error"><span>(.*?)</span>|o_alim_error">(.*?)</div>', text, re.S)
        if error:
            messages["error"] = [html.unescape((error.group(1) or error.group(2) or "").strip())]
        return messages

    def _grocery_order(self, grocery):
        return self.env["sale.order"].search(
            [("cycle_id", "=", self.cycle.id), ("partner_id", "=", grocery.id)]
        )

    def test_state_machine_guards(self):
        cycle = self.cycle.with_user(self.manager)
        self.assertTrue(cycle.is_action_open_allowed)
        self.assertFalse(cycle.is_action_close_allowed)
        with self.assertRaisesRegex(UserError, 'cannot go from "Draft" to "Closed"'):
            cycle.action_close()
        with self.assertRaisesRegex(UserError, 'cannot go from "Draft" to "Confirmed"'):
            cycle.action_confirm()
        cycle.action_open()
        with self.assertRaisesRegex(UserError, 'is already "Open"'):
            cycle.action_open()
        with self.assertRaisesRegex(UserError, 'cannot go from "Open" to "Allocated"'):
            cycle.action_allocate()
        with self.assertRaises(AccessError):
            self.cycle.with_user(self.warehouse_user).with_context(alim_close_early=True).action_close()
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
        cycle.with_context(alim_close_early=True).action_close()
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
        # each grocery is told, line by line, what it asked, what it gets and why
        told = order_a.message_ids[0]
        self.assertIn(
            "Rice 1 kg: asked 12, given 2 (shared among 3 groceries by households served)", told.body
        )
        self.assertNotIn("Pasta", told.body)
        self.assertIn("in proportion to the households", told.body)
        self.assertEqual(told.partner_ids, self.groceries[0])
        self.authenticate(user_a.login, user_a.login)
        self.assertIn(
            "Asked 12, given 2: shared among 3 groceries by households served",
            self.url_open(order_a.get_portal_url()).text,
        )
        self.assertIn(
            "shared among 3 groceries by households served", self.url_open(f"/my/cycles/{self.cycle.id}").text
        )
        report = cycle.action_view_allocation()
        self.assertEqual(self.env["sale.order.line"].search_count(report["domain"]), 6)
        # the report reached from the menu, or reloaded, shows cycle lines only
        menu_action = self.env.ref("alim_catalogue.alim_order_cycle_allocation_action")
        other = self.env["sale.order"].create(
            {"partner_id": self.outsider.id, "order_line": [Command.create({"product_id": self.pasta.id})]}
        )
        lines = self.env["sale.order.line"].with_user(self.manager).search(safe_eval(menu_action.domain))
        self.assertFalse(lines & other.order_line)
        self.assertTrue(lines >= rice_lines)
        orders_action = self.env.ref("alim_catalogue.alim_order_cycle_orders_action")
        orders = self.env["sale.order"].with_user(self.manager).search(safe_eval(orders_action.domain))
        self.assertNotIn(other, orders)
        self.assertEqual(orders & (order_a | order_b | order_c), order_a | order_b | order_c)
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
        self._order(user_d, {self.pasta_line: 1}, status=404)
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
        self.cycle.with_user(self.manager).with_context(alim_close_early=True).action_close()
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
        cycle.with_context(alim_close_early=True).action_close()
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
        self.assertIn("at most 5 of", self._order(user_a, {self.rice_line: 6})["error"][0])
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

    def test_tour_portal_order_with_a_decimal_comma(self):
        """ "2,5" typed in a kilogram line's field is 2.5 kg (the field was a number field
        stepping by 1: the browser refused 2.5 and read "2,5" as 25 in some languages)."""
        lentils = self.env["product.product"].create(
            {
                "name": "Tour lentils",
                "is_storable": True,
                "uom_id": self.env.ref("uom.product_uom_kgm").id,
                "uom_po_id": self.env.ref("uom.product_uom_kgm").id,
                "list_price": 1.0,
            }
        )
        self._put_in_stock(lentils, 50)
        self.cycle.line_ids = [Command.create({"product_id": lentils.id})]
        self.cycle.name = "Tour cycle"
        self.cycle.with_user(self.manager).action_open()
        self.start_tour("/my/cycles", "alim_catalogue_portal_decimal", login=self.portal_users[0].login)
        line = self._grocery_order(self.groceries[0]).order_line.filtered(lambda ol: ol.product_id == lentils)
        self.assertEqual(line.product_uom_qty, 2.5)

    # --- the live catalogue -------------------------------------------------------------
    def _portal_available(self, user, product_name):
        """The available figure the grocery reads on its cycle page for ``product_name``."""
        self.authenticate(user.login, user.login)
        page = self.url_open(f"/my/cycles/{self.cycle.id}").text
        row = re.search(rf'data-product="{re.escape(product_name)}".*?</tr>', page, re.S)
        self.assertTrue(row, f"{product_name} is not on the page")
        return re.search(r'o_alim_available">(.*?)<', row.group(0)).group(1)

    def _staff_available(self, line):
        """The available figure staff read on the cycle's catalogue line (a web client call)."""
        self.authenticate(self.manager.login, self.manager.login)
        result = self.make_jsonrpc_request(
            "/web/dataset/call_kw/alim.order.cycle.line/read",
            {
                "model": "alim.order.cycle.line",
                "method": "read",
                "args": [line.ids, ["available_qty", "earliest_lot_date"]],
                "kwargs": {},
            },
        )
        return result[0]

    def _ship_out(self, product, qty, validate=True):
        """The warehouse ships ``qty`` of ``product`` out of the stock (another order)."""
        Picking = self.env["stock.picking"].with_user(self.warehouse_user)
        customers = self.env.ref("stock.stock_location_customers")
        picking = Picking.create(
            {
                "picking_type_id": self.env.ref("stock.picking_type_out").id,
                "location_id": self.stock.id,
                "location_dest_id": customers.id,
                "move_ids": [
                    Command.create(
                        {
                            "name": product.name,
                            "product_id": product.id,
                            "product_uom_qty": qty,
                            "product_uom": product.uom_id.id,
                            "location_id": self.stock.id,
                            "location_dest_id": customers.id,
                        }
                    )
                ],
            }
        )
        picking.action_confirm()
        picking.action_assign()
        if validate:
            picking.button_validate()
        return picking

    def test_live_availability(self):
        """What the grocery and staff see as available follows the stock without anyone
        pressing a button: reserved by another order, shipped out, out of date."""
        self.cycle.with_user(self.manager).action_open()
        user_a = self.portal_users[0]
        self.assertEqual(self._portal_available(user_a, "Rice 1 kg"), "20")
        self.assertEqual(self._staff_available(self.rice_line)["available_qty"], 20)
        # another order reserves 5: they are no longer offered
        picking = self._ship_out(self.rice, 5, validate=False)
        self.assertEqual(picking.state, "assigned")
        self.assertEqual(self._portal_available(user_a, "Rice 1 kg"), "15")
        # the warehouse ships them: still 15, the same figure for staff
        picking.with_user(self.warehouse_user).button_validate()
        self.assertEqual(picking.state, "done")
        self.assertEqual(self._portal_available(user_a, "Rice 1 kg"), "15")
        self.assertEqual(self._staff_available(self.rice_line)["available_qty"], 15)
        # a use-by lot out of date is not offered; the earliest date is the next lot's
        yoghurt = self.env["product.product"].create(
            {"name": "Yoghurt", "is_storable": True, "tracking": "lot", "food_date_type": "dlc"}
        )
        today = fields.Date.context_today(yoghurt)
        for name, days, qty in (("Y-OLD", -1, 4), ("Y-NEW", 5, 6)):
            lot = self.env["stock.lot"].create(
                {
                    "name": name,
                    "product_id": yoghurt.id,
                    "expiration_date": fields.Datetime.now() + timedelta(days=days),
                }
            )
            self.env["stock.quant"]._update_available_quantity(yoghurt, self.stock, qty, lot_id=lot)
        yoghurt_line = self.env["alim.order.cycle.line"].create(
            {"cycle_id": self.cycle.id, "product_id": yoghurt.id}
        )
        self.assertEqual(self._portal_available(user_a, "Yoghurt"), "6")
        staff = self._staff_available(yoghurt_line)
        self.assertEqual(staff["available_qty"], 6)
        self.assertEqual(staff["earliest_lot_date"], fields.Date.to_string(today + timedelta(days=5)))
        # ordering beyond what is available is said at once; the order is kept for the close
        self.assertIn("message", self._order(user_a, {self.rice_line: 18}))
        page = self.url_open(f"/my/cycles/{self.cycle.id}").text
        self.assertIn("o_alim_over", page)
        self.assertRegex(page, r"Rice 1 kg: 18 asked, 15 available")
        self.assertEqual(self._grocery_order(self.groceries[0]).order_line.product_uom_qty, 18)

    def test_live_availability_reads_flat(self):
        """Reading the available quantities costs the same queries for 2 lines or 30."""
        products = self.env["product.product"].create(
            [{"name": f"Flat {i}", "is_storable": True} for i in range(28)]
        )
        for product in products:
            self.env["stock.quant"]._update_available_quantity(product, self.stock, 3)
        counts = []
        for load in (False, True):
            if load:
                self.cycle.action_load_stock()
            self.env.invalidate_all()
            lines = self.cycle.line_ids
            self.env.user.tz  # noqa: B018 (read once, as any request does)
            before = self.env.cr.sql_log_count
            lines.mapped("available_qty")
            counts.append(self.env.cr.sql_log_count - before)
        self.assertEqual(len(self.cycle.line_ids), 30)
        # the same few queries for 30 lines as for 2 (one grouped read of the quants), not one
        # per line
        self.assertLessEqual(counts[1], counts[0] + 1)
        self.assertEqual(
            self.cycle.line_ids.filtered(lambda line: line.product_id == products[0]).available_qty, 3
        )

    def test_tour_portal_live_availability(self):
        """Chromium, as the grocery: it orders, the stock leaves, its page shows the drop and
        says at once that a new quantity goes beyond it."""
        self.rice.name = "Tour rice"
        self.cycle.name = "Tour cycle"
        self.cycle.with_user(self.manager).action_open()
        user_a = self.portal_users[0]
        url = f"/my/cycles/{self.cycle.id}"
        self.start_tour(url, "alim_catalogue_portal_live_before", login=user_a.login)
        self._ship_out(self.rice, 5)
        self.start_tour(url, "alim_catalogue_portal_live_after", login=user_a.login)
        order = self._grocery_order(self.groceries[0])
        self.assertEqual(order.order_line.product_uom_qty, 18)
        cycle = self.cycle.with_user(self.manager)
        cycle.with_context(alim_close_early=True).action_close()
        cycle.action_allocate()
        self.start_tour("/my/orders", "alim_catalogue_portal_cut", login=user_a.login)
        self.assertEqual(order.order_line.product_uom_qty, 15)

    def test_cut_stock_gone_told_plainly(self):
        """A grocery alone on a product whose stock left since it ordered is told so, without
        the sharing note; a line cut to nothing stays on its confirmed order with its reason."""
        self.cycle.with_user(self.manager).action_open()
        user_a = self.portal_users[0]
        self._order(user_a, {self.rice_line: 18, self.pasta_line: 4})
        self._ship_out(self.rice, 8)  # 12 rice left
        cycle = self.cycle.with_user(self.manager)
        cycle.with_context(alim_close_early=True).action_close()
        cycle.action_allocate()
        order_a = self._grocery_order(self.groceries[0])
        rice = order_a.order_line.filtered(lambda line: line.product_id == self.rice)
        self.assertEqual((rice.asked_qty, rice.product_uom_qty, rice.allocation_note), (18, 12, "gone"))
        told = order_a.message_ids[0].body
        self.assertIn("Rice 1 kg: asked 18, given 12 (only the stock left at the close of the cycle)", told)
        self.assertNotIn("households", told)
        # the stock goes entirely before the confirmation is checked: staff bring it to 0
        rice.with_user(self.manager).product_uom_qty = 0
        cycle.action_confirm()
        self.assertEqual(order_a.state, "sale")
        self.assertIn(rice, order_a.order_line)
        self.authenticate(user_a.login, user_a.login)
        page = self.url_open(order_a.get_portal_url()).text
        self.assertIn("Asked 18, given 0: no stock left at the close of the cycle", page)
        self.assertFalse(order_a.picking_ids.move_ids.filtered(lambda m: m.product_id == self.rice))

    def test_cycle_order_in_my_orders_in_paris_time(self):
        """From its first save the grocery finds its order under "Your Orders", as a cycle
        order it can change until the close (said in Paris time), with no quote actions and a
        way back to its cycle only."""
        self.env.company.partner_id.tz = False
        self.assertFalse(self.portal_users[0].tz)
        self.cycle.date_close = "2099-01-15 15:00:00"  # 16:00 in Paris (winter)
        self.cycle.with_user(self.manager).action_open()
        user_a = self.portal_users[0]
        self._order(user_a, {self.rice_line: 3})
        order = self._grocery_order(self.groceries[0])
        self.assertEqual(order.state, "draft")
        self.authenticate(user_a.login, user_a.login)
        cycle_page = self.url_open(f"/my/cycles/{self.cycle.id}").text
        self.assertIn("16:00", cycle_page)
        self.assertNotIn("/my/purchase", cycle_page)
        orders_page = self.url_open("/my/orders").text
        self.assertIn(order.name, orders_page)
        self.assertRegex(html.unescape(orders_page), r"in progress, can be changed until 1/15/99, 4:00\sPM")
        self.assertNotIn(order.name, self.url_open("/my/quotes").text)
        page = html.unescape(self.url_open(order.get_portal_url()).text)
        self.assertIn("Cycle Order", page)
        self.assertIn("in progress, can be changed until", page)
        for quote_word in (
            "Sign & Pay",
            "Accept & Sign",
            "Reject",
            "Quotation",
            "Expiration",
            "/my/purchase",
            "/my/quotes",
        ):
            self.assertNotIn(quote_word, page)
        self.assertIn(f'class="o_alim_breadcrumb_cycle" href="/my/cycles/{self.cycle.id}"', page)
        # the grocery's own time zone comes first
        user_a.tz = "America/New_York"
        self.authenticate(user_a.login, user_a.login)
        self.assertIn("10:00", self.url_open(f"/my/cycles/{self.cycle.id}").text)

    def test_cycle_order_names_the_platform_contact_and_prints_as_an_order(self):
        """The grocery's contact is the cycle's person at the platform (never OdooBot), and
        the printed order carries no quote words."""
        self.cycle.user_id = self.manager
        self.cycle.with_user(self.manager).action_open()
        user_a = self.portal_users[0]
        self._order(user_a, {self.rice_line: 3})
        order = self._grocery_order(self.groceries[0])
        self.assertEqual(order.user_id, self.manager)
        self.authenticate(user_a.login, user_a.login)
        page = html.unescape(self.url_open(order.get_portal_url()).text)
        self.assertIn(self.manager.name, page)
        self.assertNotIn("OdooBot", page)
        printed = str(
            self.env["ir.actions.report"]._render_qweb_html("sale.action_report_saleorder", order.ids)[0]
        )
        for quote_word in ("Quotation", "Expiration", "OdooBot", "Salesperson"):
            self.assertNotIn(quote_word, printed)
        self.assertIn("Order #", printed)
        self.assertIn("Your Contact", printed)
        self.assertIn(self.cycle.name, printed)
        # a cycle made by the superuser names nobody rather than OdooBot
        self.assertFalse(self.env["alim.order.cycle"].sudo().default_get(["user_id"]).get("user_id"))

    def test_vat_as_the_association_sets_it(self):
        """Not subject to VAT: no tax, and the portal says so. Subject to VAT: bought food at
        the food rate, the logistics fee of donated goods at its own rate, prices said to
        exclude VAT."""
        group = self.env["account.tax.group"].create({"name": "TVA test"})
        food_tax, fee_tax = self.env["account.tax"].create(
            [
                {"name": "TVA 5,5 %", "amount": 5.5, "type_tax_use": "sale", "tax_group_id": group.id},
                {"name": "TVA 20 %", "amount": 20.0, "type_tax_use": "sale", "tax_group_id": group.id},
            ]
        )
        oil = self.env["product.product"].create(
            {
                "name": "Oil 1 L",
                "is_storable": True,
                "alim_supply_mode": "bought",
                "standard_price": 2.0,
                "taxes_id": [Command.set(fee_tax.ids)],  # Odoo's default tax is not the rule
            }
        )
        self.rice.taxes_id = [Command.set(food_tax.ids)]
        self.env["stock.quant"]._update_available_quantity(oil, self.stock, 50)
        oil_line = self.env["alim.order.cycle.line"].create({"cycle_id": self.cycle.id, "product_id": oil.id})
        self.cycle.with_user(self.manager).action_open()
        user_a, user_b = self.portal_users[:2]
        self.assertFalse(self.env.company.alim_vat_subject)
        self._order(user_a, {self.rice_line: 2, oil_line: 1})
        order_a = self._grocery_order(self.groceries[0])
        self.assertFalse(order_a.order_line.tax_id)
        self.assertEqual(order_a.amount_total, order_a.amount_untaxed)
        self.authenticate(user_a.login, user_a.login)
        self.assertIn("not subject to VAT", self.url_open(f"/my/cycles/{self.cycle.id}").text)
        self.env.company.write(
            {"alim_vat_subject": True, "alim_food_tax_id": food_tax.id, "alim_fee_tax_id": fee_tax.id}
        )
        self._order(user_b, {self.rice_line: 2, oil_line: 1})
        order_b = self._grocery_order(self.groceries[1])
        taxes = {line.product_id: line.tax_id for line in order_b.order_line}
        self.assertEqual(taxes[self.rice], fee_tax)  # donated: the logistics fee
        self.assertEqual(taxes[oil], food_tax)  # bought food: the reduced rate
        self.authenticate(user_b.login, user_b.login)
        page = self.url_open(f"/my/cycles/{self.cycle.id}").text
        self.assertIn(
            "Prices exclude VAT: TVA 5,5 % on food and TVA 20 % on the logistics fee", html.unescape(page)
        )

    def test_tour_admin_closes_to_invoice(self):
        """Chromium, as the administrator: close, allocate (the report shows the reason of a
        cut), confirm, deliver, invoice; then, as the grocery, the invoice in its portal."""
        admin = new_test_user(
            self.env,
            login="test_cycle_admin",
            groups="base.group_system,alim_food.alim_food_group_manager,sales_team.group_sale_manager,"
            "stock.group_stock_manager,account.group_account_manager",
        )
        self.rice.name = "Admin tour rice"
        self.cycle.name = "Admin tour cycle"
        self.cycle.with_user(self.manager).action_open()
        user_a, user_b = self.portal_users[:2]
        self._order(user_a, {self.rice_line: 15})
        self._order(user_b, {self.rice_line: 15})  # 30 asked, 20 in stock
        self.start_tour(
            "/odoo/action-alim_catalogue.alim_order_cycle_action",
            "alim_catalogue_admin_cycle",
            login=admin.login,
        )
        self.assertEqual(self.cycle.state, "confirmed")
        order_a = self._grocery_order(self.groceries[0])
        self.assertEqual(order_a.picking_ids.state, "done")
        invoice = order_a.invoice_ids
        self.assertEqual(invoice.state, "posted")
        self.start_tour("/my/invoices", "alim_catalogue_portal_invoice", login=user_a.login)

    def test_portal_numbers_in_french(self):
        """A French grocery reads French numbers: 7,0 kg, 1 200 available, no "20.0"."""
        self.env["res.lang"]._activate_lang("fr_FR")
        user_a = self.portal_users[0]
        user_a.lang = "fr_FR"
        self.env["stock.quant"]._update_available_quantity(self.pasta, self.stock, 700)  # 1 200
        self.pasta.weight = 0.5
        self.cycle.with_user(self.manager).action_open()
        self._order(user_a, {self.rice_line: 4, self.pasta_line: 6})
        page = html.unescape(self.url_open(f"/my/cycles/{self.cycle.id}").text)
        self.assertIn("7,0 kg", page)
        self.assertRegex(page, r'o_alim_available">1\s200<')
        self.assertIn('o_alim_available">20<', page)
        self.assertNotIn("20.0", page)
