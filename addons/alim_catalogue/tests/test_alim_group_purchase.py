import re
from datetime import timedelta

from odoo import Command, fields, http
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import AlimCatalogueHttpCommon


@tagged("post_install", "-at_install")
class TestGroupPurchase(AlimCatalogueHttpCommon):
    manager_groups = (
        "alim_food.alim_food_group_manager,purchase.group_purchase_manager,"
        "sales_team.group_sale_manager,stock.group_stock_manager"
    )

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.groceries = cls._create_groceries(
            [{"name": f"GP grocery {n}", "households_count": h} for n, h in (("A", 10), ("B", 30), ("C", 60))]
        )
        cls.users = env["res.users"]
        for login, grocery in zip(("test_gp_a", "test_gp_b", "test_gp_c"), cls.groceries, strict=True):
            cls.users |= cls._create_grocery_user(grocery, login)
        cls.supplier = env["res.partner"].create({"name": "Bulk supplier", "is_company": True})
        cls.lentils = env["product.product"].create(
            {
                "name": "Bulk lentils 25 kg",
                "is_storable": True,
                "alim_supply_mode": "bought",
                "standard_price": 30,
            }
        )
        cls.purchase = (
            env["alim.group.purchase"]
            .with_user(cls.manager)
            .create(
                {
                    "partner_id": cls.supplier.id,
                    "deadline": fields.Date.today() + timedelta(days=3),
                    "line_ids": [Command.create({"product_id": cls.lentils.id})],
                }
            )
        )

    def _give(self, user, qty):
        self.authenticate(user.login, user.login)
        line = self.purchase.line_ids
        data = {f"qty_{line.id}": str(qty), "csrf_token": http.Request.csrf_token(self)}
        return self.url_open(f"/my/group-purchases/{self.purchase.id}", data=data)

    def _receive(self, qty):
        picking = self.purchase.purchase_order_id.picking_ids
        picking.move_ids.quantity = qty
        picking.move_ids.picked = True
        picking.with_context(skip_backorder=True, picking_ids_not_to_backorder=picking.ids).button_validate()

    def test_demand_to_one_purchase_order_then_fair_split(self):
        self.purchase.action_collect()
        for user, qty in zip(self.users, (4, 6, 10), strict=True):
            self.assertIn("o_alim_saved", self._give(user, qty).text)
        self._give(self.users[0], 5)  # changed before the deadline
        self.assertEqual(self.purchase.line_ids.asked_qty, 21)
        self.purchase.with_user(self.manager).action_order()
        order = self.purchase.purchase_order_id
        self.assertEqual(order.state, "purchase")
        self.assertEqual(order.order_line.product_qty, 21)
        self.assertEqual(order.partner_id, self.supplier)
        # the supplier delivers 15 of the 21: shared by households, never more than received
        self._receive(15)
        self.assertEqual(self.purchase.state, "received")
        demands = self.purchase.demand_ids.sorted(lambda d: d.partner_id.households_count)
        allocated = demands.mapped("allocated_qty")
        self.assertEqual(sum(allocated), 15)
        for demand in demands:
            self.assertLessEqual(demand.allocated_qty, demand.quantity)
        # 1.5, 4.5, 9 by households; the spare unit goes to the tie with more households
        self.assertEqual(allocated, [1, 5, 9])
        orders = self.purchase.sale_order_ids
        self.assertEqual(orders.partner_id, self.groceries)
        self.assertEqual(set(orders.mapped("state")), {"sale"})
        self.assertEqual(sum(orders.order_line.mapped("product_uom_qty")), 15)

    def test_portal_refusals_and_privacy(self):
        # draft: not shown to groceries
        self.assertFalse(self.purchase.with_user(self.users[0]).has_access("read"))
        self.purchase.action_collect()
        self._give(self.users[1], 3)
        for raw in ("-1", "abc", "inf"):
            self.assertIn("o_alim_error", self._give(self.users[0], raw).text)
        demand_b = self.purchase.demand_ids
        self.assertEqual(demand_b.partner_id, self.groceries[1])
        self.assertFalse(demand_b.with_user(self.users[0]).has_access("read"))
        with self.assertRaises(AccessError):
            demand_b.with_user(self.users[0]).write({"quantity": 99})
        self.authenticate(self.users[0].login, self.users[0].login)
        self.assertNotIn('value="3.0"', self.url_open("/my/group-purchases").text)
        # after the deadline: refused, nothing written
        self.purchase.deadline = fields.Date.today() - timedelta(days=1)
        self.assertIn("no longer takes quantities", self._give(self.users[0], 2).text)
        self.assertEqual(len(self.purchase.demand_ids), 1)

    def test_portal_page_shows_price_totals_and_keeps_refused_values(self):
        """The grocery reads the supplier, the state and its dates, each product's unit price
        and weight, its total in euros and kilograms; a refused value stays in its field."""
        self.lentils.write({"weight": 25.0, "list_price": 12.0})
        self.purchase.action_collect()
        self._give(self.users[0], 2)
        page = self.url_open("/my/group-purchases").text
        self.assertIn("Bulk supplier", page)
        self.assertIn("Collecting Demand", page)
        price = self.groceries[0]._alim_unit_prices(self.lentils)[self.lentils.id]
        self.assertGreater(price, 0)
        total = re.search(r'o_alim_group_total">(.*?) kg', page, re.S).group(1)
        self.assertIn(f"{2 * price:.2f}", total)
        self.assertIn("50.0", total)  # 2 x 25 kg
        self.assertIn('value="2"', page)  # as typed, not "2.0"
        refused = self._give(self.users[0], "2,5").text  # counted in units
        self.assertIn("Nothing was saved", refused)
        self.assertIn('value="2,5"', refused)
        self.assertIn("is-invalid", refused)
        self.assertEqual(self.purchase.demand_ids.quantity, 2)

    def test_state_guards(self):
        self.assertFalse(self.purchase.is_action_split_allowed)
        with self.assertRaisesRegex(UserError, 'cannot go from "Draft" to "Received and Split"'):
            self.purchase.with_user(self.manager).action_split()
        with self.assertRaisesRegex(UserError, 'cannot go from "Draft" to "Ordered"'):
            self.purchase.with_user(self.manager).action_order()
        self.purchase.action_collect()
        with self.assertRaisesRegex(UserError, "No grocery asked"):
            self.purchase.with_user(self.manager).action_order()
