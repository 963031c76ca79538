from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.tests import Form, tagged

from .common import CYCLE_MANAGER_GROUPS, AlimCatalogueCommon


@tagged("post_install", "-at_install")
class TestMemberPricing(AlimCatalogueCommon):
    manager_groups = CYCLE_MANAGER_GROUPS

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        today = fields.Date.today()
        cls.member, cls.partner_tier, cls.newcomer = cls._create_groceries(
            [
                {"name": "Old member", "member_tier": "member"},
                {"name": "Partner grocery", "member_tier": "partner"},
                {
                    "name": "New grocery",
                    "member_tier": "member",
                    "grocery_opening_date": today - relativedelta(months=2),
                },
            ]
        )
        cls.member.grocery_opening_date = today - relativedelta(years=3)
        cls.donated = env["product.product"].create(
            {"name": "Donated lentils 2 kg", "weight": 2.0, "list_price": 9.0, "invoice_policy": "order"}
        )
        cls.bought = env["product.product"].create(
            {
                "name": "Bought oil 1 l",
                "alim_supply_mode": "bought",
                "standard_price": 2.0,
                "weight": 0.92,
                "list_price": 9.0,
                "invoice_policy": "order",
            }
        )

    def _order(self, grocery, product, qty=10):
        form = Form(self.env["sale.order"].with_user(self.manager))
        form.partner_id = grocery
        with form.order_line.new() as line:
            line.product_id = product
            line.product_uom_qty = qty
        return form.save()

    def test_donated_goods_at_a_fee_per_kg_by_tier(self):
        self.assertAlmostEqual(self._order(self.member, self.donated).order_line.price_unit, 0.20)
        self.assertAlmostEqual(self._order(self.partner_tier, self.donated).order_line.price_unit, 0.40)

    def test_a_small_unit_at_a_fee_per_kg_is_not_rounded_before_multiplying(self):
        """A 250 g butter at 0.10 EUR/kg is 0.025 EUR a unit, so 10 cost 0.25 EUR (not 10 x a
        rounded 0.03): unit prices keep 4 decimals ("Product Price" precision)."""
        butter = self.env["product.product"].create(
            {"name": "Butter 250 g", "weight": 0.25, "list_price": 3.0, "invoice_policy": "order"}
        )
        order = self._order(self.member, butter, qty=10)
        self.assertAlmostEqual(order.order_line.price_unit, 0.025, places=4)
        self.assertAlmostEqual(order.amount_untaxed, 0.25, places=2)

    def test_public_programme_goods_free_of_charge(self):
        programme = self.env["product.product"].create(
            {
                "name": "FSE+ lentils 1 kg",
                "alim_supply_mode": "public_programme",
                "weight": 1.0,
                "list_price": 3.0,
                "invoice_policy": "order",
            }
        )
        for grocery in (self.member, self.partner_tier, self.newcomer):
            order = self._order(grocery, programme)
            self.assertEqual(order.order_line.price_unit, 0.0)
            self.assertEqual(order.amount_total, 0.0)

    def test_bought_goods_at_cost_plus_margin_by_tier(self):
        self.assertAlmostEqual(self._order(self.member, self.bought).order_line.price_unit, 2.10)
        self.assertAlmostEqual(self._order(self.partner_tier, self.bought).order_line.price_unit, 2.20)

    def test_starter_discount_for_a_new_grocery_only_and_invoiced_as_shown(self):
        self.assertEqual(
            self.newcomer.alim_starter_until, self.newcomer.grocery_opening_date + relativedelta(months=6)
        )
        self.assertEqual(self.newcomer._alim_starter_discount(date.today()), 20)
        self.assertEqual(self.member._alim_starter_discount(date.today()), 0)
        order = self._order(self.newcomer, self.donated)
        self.assertAlmostEqual(order.order_line.price_unit, 0.16)  # 2 kg x 0.10, less 20 %
        # the portal price is computed the same way
        pricelist = self.newcomer.property_product_pricelist
        portal_price = pricelist._compute_price_rule(self.donated, 1.0)[self.donated.id][0] * (
            1 - self.newcomer._alim_starter_discount(date.today()) / 100
        )
        self.assertAlmostEqual(portal_price, order.order_line.price_unit)
        order.action_confirm()
        invoice = order._create_invoices()
        self.assertAlmostEqual(invoice.invoice_line_ids.price_unit, 0.16)
        self.assertAlmostEqual(invoice.amount_untaxed, 1.6)
        # after the starter period, no discount
        later = self.newcomer.grocery_opening_date + relativedelta(months=7)
        self.assertEqual(self.newcomer._alim_starter_discount(later), 0)
        # a company without starter discount gives none
        self.env.company.alim_starter_discount = 0
        self.newcomer.invalidate_recordset(["alim_starter_until"])
        self.assertEqual(self.newcomer._alim_starter_discount(date.today()), 0)
