from odoo import Command
from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval

from odoo.addons.base.tests.common import BaseCommon


@tagged("post_install", "-at_install")
class TestPlatformExchanges(BaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.warehouse = env.ref("stock.warehouse0")
        cls.platform = env["res.partner"].create(
            {"name": "Platform Occitanie Est", "is_company": True, "is_partner_platform": True}
        )
        cls.grocery = env["res.partner"].create(
            {"name": "Exchange grocery", "is_company": True, "is_grocery": True}
        )
        cls.oil = env["product.product"].create({"name": "Exchange oil", "is_storable": True, "weight": 0.92})
        env["stock.quant"]._update_available_quantity(cls.oil, cls.warehouse.lot_stock_id, 500)

    def _deliver(self, partner, qty):
        customers = self.env.ref("stock.stock_location_customers")
        stock = self.warehouse.lot_stock_id
        picking = self.env["stock.picking"].create(
            {
                "partner_id": partner.id,
                "picking_type_id": self.warehouse.out_type_id.id,
                "location_id": stock.id,
                "location_dest_id": customers.id,
                "move_ids": [
                    Command.create(
                        {
                            "name": "oil",
                            "product_id": self.oil.id,
                            "product_uom_qty": qty,
                            "location_id": stock.id,
                            "location_dest_id": customers.id,
                        }
                    )
                ],
            }
        )
        picking.action_confirm()
        picking.action_assign()
        picking.move_ids.picked = True
        picking.button_validate()
        return picking

    def test_goods_sent_to_a_platform_show_in_the_exchange_report(self):
        to_platform = self._deliver(self.platform, 100)
        to_grocery = self._deliver(self.grocery, 10)
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "alim_donation.stock_move_action_alim_exchanges"
        )
        domain = safe_eval(action["domain"])
        moves = self.env["stock.move"].search(domain)
        self.assertIn(to_platform.move_ids, moves)
        self.assertNotIn(to_grocery.move_ids, moves)
        self.assertEqual(to_platform.move_ids.alim_exchange_direction, "out")
        self.assertAlmostEqual(to_platform.move_ids.alim_weight_kg, 92.0)
        groups = self.env["stock.move"]._read_group(
            [*domain, ("alim_grocery_id", "=", self.platform.id)],
            ["alim_exchange_direction"],
            ["alim_weight_kg:sum"],
        )
        self.assertEqual(groups, [("out", 92.0)])
        # and a delivery to a grocery stays in the kilograms delivered per grocery
        delivered = self.env["ir.actions.act_window"]._for_xml_id(
            "alim_donation.stock_move_action_alim_delivered"
        )
        delivered_moves = self.env["stock.move"].search(safe_eval(delivered["domain"]))
        self.assertIn(to_grocery.move_ids, delivered_moves)
        self.assertNotIn(to_platform.move_ids, delivered_moves)
