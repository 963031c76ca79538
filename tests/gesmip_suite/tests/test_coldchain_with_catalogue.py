"""The cold chain's holds seen from the catalogue and from sales: both addons installed."""

from datetime import timedelta

from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.alim_coldchain.tests.test_excursion_hold import ExcursionHoldCommon


@tagged("post_install", "-at_install")
class TestHeldLotsInCatalogue(ExcursionHoldCommon):
    def test_held_lots_are_not_offered_in_the_catalogue(self):
        self._excursion_from_import()
        self.grocery.grocery_status = "active"  # only groceries taking part are invited
        cycle = self.env["alim.order.cycle"].create(
            {
                "name": "Hold cycle",
                "date_open": self.now - timedelta(hours=1),
                "date_close": self.now + timedelta(days=1),
                "location_id": self.stock.id,
                "grocery_ids": [(6, 0, self.grocery.ids)],
                "line_ids": [(0, 0, {"product_id": self.yoghurt.id})],
            }
        )
        cycle.line_ids._compute_stock()
        # the two lots held by the excursion (10 + 10) are not offered, every other lot is
        # in stock: before, during (held), after (room), gone, elsewhere (dry zone): 5 x 10
        self.assertEqual(self.yoghurt.with_context(location=self.stock.id).qty_available, 50)
        self.assertEqual(cycle.line_ids.available_qty, 30)

    def test_held_lots_are_not_reserved_by_a_sale_until_released(self):
        excursion = self._excursion_from_import()
        order = (
            self.env["sale.order"]
            .with_user(self.manager)
            .create(
                {
                    "partner_id": self.grocery.id,
                    "order_line": [(0, 0, {"product_id": self.yoghurt.id, "product_uom_qty": 40})],
                }
            )
        )
        order.action_confirm()
        picking = order.picking_ids
        reserved = picking.move_line_ids
        self.assertFalse(reserved.lot_id & excursion.lot_ids, "a held lot was reserved")
        self.assertEqual(sum(reserved.mapped("quantity")), 30)  # after, gone (dry zone), elsewhere
        # a held lot put by hand on the delivery is refused at validation
        with self.assertRaisesRegex(UserError, "on hold"), self.env.cr.savepoint():
            self.env["stock.move.line"].create(
                {
                    "move_id": picking.move_ids.id,
                    "picking_id": picking.id,
                    "product_id": self.yoghurt.id,
                    "lot_id": self.lot_before.id,
                    "quantity": 10,
                    "location_id": self.room.id,
                    "location_dest_id": self.customer_location.id,
                }
            )
            picking.move_ids.picked = True
            picking.with_user(self.manager).button_validate()
        # the warehouse cannot decide; the manager must give a reason
        with self.assertRaisesRegex(UserError, "Only a platform manager"):
            excursion.with_user(self.warehouse_user).action_release()
        with self.assertRaisesRegex(UserError, "corrective action"):
            excursion.with_user(self.manager).action_release()
        excursion.with_user(self.manager).action_reason = "Core temperature 4.5 °C, under 2 hours: safe."
        excursion.with_user(self.manager).action_release()
        self.assertEqual(excursion.state, "released")
        self.assertEqual(excursion.action_user_id, self.manager)
        self.assertFalse(excursion.activity_ids)
        self.assertFalse(self.lot_before.alim_on_hold)
        picking.with_user(self.manager).action_assign()
        self.assertEqual(sum(picking.move_line_ids.mapped("quantity")), 40)
        self.assertTrue(picking.move_line_ids.lot_id & excursion.lot_ids)
        with self.assertRaisesRegex(UserError, 'cannot go from "Released" to "Destroyed"'):
            excursion.with_user(self.manager).action_destroy()
