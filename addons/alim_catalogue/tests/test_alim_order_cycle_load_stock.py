from datetime import timedelta

from odoo import Command, fields
from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval

from .common import AlimCatalogueCommon


@tagged("post_install", "-at_install")
class TestOrderCycleLoadStock(AlimCatalogueCommon):
    def test_archived_products_are_not_loaded(self):
        """Archived products left in stock (Odoo's demo furniture) are not offered."""
        rice, desk = self._create_stocked_products([{"name": "Riz 1 kg"}, {"name": "Bureau"}], 10)
        desk.product_tmpl_id.active = False
        grocery = self._create_groceries([{"name": "Épicerie"}])
        cycle = self._create_cycle(
            grocery,
            name="Semaine 3",
            date_open=fields.Datetime.now(),
            date_close=fields.Datetime.now() + timedelta(days=2),
            delivery_date=fields.Date.today() + timedelta(days=3),
        )
        cycle.action_load_stock()
        self.assertEqual(cycle.line_ids.product_id, rice)

    def test_allocation_report_keeps_to_cycle_orders_when_reloaded(self):
        """The allocation report opened from its action alone (a reload) lists the lines of
        cycle orders only, not the other sale lines (Odoo's demo furniture, services)."""
        manager = self.manager
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
