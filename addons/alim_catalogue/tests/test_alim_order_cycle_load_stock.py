from datetime import timedelta

from odoo import Command, fields
from odoo.tests import new_test_user, tagged
from odoo.tools.safe_eval import safe_eval

from odoo.addons.base.tests.common import BaseCommon


@tagged("post_install", "-at_install")
class TestOrderCycleLoadStock(BaseCommon):
    def test_archived_products_are_not_loaded(self):
        """Archived products left in stock (Odoo's demo furniture) are not offered."""
        manager = new_test_user(
            self.env, login="test_load_manager", groups="alim_food.alim_food_group_manager"
        )
        stock = self.env.ref("stock.warehouse0").lot_stock_id
        rice, desk = self.env["product.product"].create(
            [{"name": "Riz 1 kg", "is_storable": True}, {"name": "Bureau", "is_storable": True}]
        )
        for product in rice | desk:
            self.env["stock.quant"]._update_available_quantity(product, stock, 10)
        desk.product_tmpl_id.active = False
        grocery = self.env["res.partner"].create({"name": "Épicerie", "is_company": True, "is_grocery": True})
        now = fields.Datetime.now()
        cycle = (
            self.env["alim.order.cycle"]
            .with_user(manager)
            .create(
                {
                    "name": "Semaine 3",
                    "date_open": now,
                    "date_close": now + timedelta(days=2),
                    "delivery_date": fields.Date.today() + timedelta(days=3),
                    "grocery_ids": [Command.set(grocery.ids)],
                }
            )
        )
        cycle.action_load_stock()
        self.assertEqual(cycle.line_ids.product_id, rice)

    def test_allocation_report_keeps_to_cycle_orders_when_reloaded(self):
        """The allocation report opened from its action alone (a reload) lists the lines of
        cycle orders only, not the other sale lines (Odoo's demo furniture, services)."""
        manager = new_test_user(
            self.env, login="test_report_manager", groups="alim_food.alim_food_group_manager"
        )
        partner = self.env["res.partner"].create({"name": "Client"})
        desk = self.env["product.product"].create({"name": "Bureau"})
        order = self.env["sale.order"].create(
            {"partner_id": partner.id, "order_line": [Command.create({"product_id": desk.id})]}
        )
        action = (
            self.env["ir.actions.act_window"]
            .with_user(manager)
            ._for_xml_id("alim_catalogue.alim_order_cycle_allocation_action")
        )
        lines = self.env["sale.order.line"].with_user(manager).search(safe_eval(action["domain"]))
        self.assertNotIn(order.order_line, lines)
