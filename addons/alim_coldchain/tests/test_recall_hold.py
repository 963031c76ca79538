from datetime import timedelta

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .common import ColdChainCommon


@tagged("post_install", "-at_install")
class TestRecallHold(ColdChainCommon):
    """A recall going to open holds its lots at once (Reg. EC 178/2002 art. 19)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.grocery = cls.env["res.partner"].create({"name": "Épicerie des Minimes", "is_grocery": True})
        cls.other_grocery = cls.env["res.partner"].create({"name": "Épicerie Bagatelle", "is_grocery": True})
        cls.lot = cls._lot(cls.yoghurt, "SUP-3001", cls.now + timedelta(days=20))
        cls.safe_lot = cls._lot(cls.yoghurt, "SUP-3002", cls.now + timedelta(days=25))
        for lot in (cls.lot, cls.safe_lot):
            cls._receive(lot, 30, cls.now - timedelta(days=3))
        cls._deliver(cls.lot, 10, cls.grocery, cls.now - timedelta(days=1))

    def _recall(self, lot=None):
        return (
            self.env["alim.recall"]
            .with_user(self.manager)
            .create({"name": "Listeria", "lot_id": (lot or self.lot).id, "reason": "Bring them back."})
        )

    def _delivery(self, qty, lot=None):
        picking = (
            self.env["stock.picking"]
            .with_user(self.warehouse_user)
            .create(
                {
                    "picking_type_id": self.warehouse.out_type_id.id,
                    "partner_id": self.other_grocery.id,
                    "location_id": self.stock.id,
                    "location_dest_id": self.customer_location.id,
                    "alim_loading_temp": 3.0,
                    "move_ids": [
                        Command.create(
                            {
                                "name": self.yoghurt.name,
                                "product_id": self.yoghurt.id,
                                "product_uom": self.yoghurt.uom_id.id,
                                "product_uom_qty": qty,
                                "location_id": self.stock.id,
                                "location_dest_id": self.customer_location.id,
                            }
                        )
                    ],
                }
            )
        )
        picking.action_confirm()
        if lot:
            picking.move_ids.move_line_ids.unlink()
            self.env["stock.move.line"].with_user(self.warehouse_user).create(
                {
                    "move_id": picking.move_ids.id,
                    "picking_id": picking.id,
                    "product_id": self.yoghurt.id,
                    "lot_id": lot.id,
                    "quantity": qty,
                    "location_id": self.room.id,
                    "location_dest_id": self.customer_location.id,
                }
            )
        else:
            picking.action_assign()
        return picking

    def test_open_recall_holds_the_lot_and_a_new_delivery_does_not_reserve_it(self):
        recall = self._recall()
        self.assertFalse(self.lot.alim_on_hold, "a draft recall holds nothing yet")
        recall.with_user(self.manager).action_open()
        self.assertEqual(recall.state, "open")
        self.assertTrue(self.lot.alim_on_hold)
        self.assertTrue(self.lot.alim_recalled)
        self.assertEqual(self.lot.alim_recall_ids, recall)
        self.assertFalse(self.safe_lot.alim_on_hold)
        quants = (
            self.env["stock.quant"]
            .with_user(self.warehouse_user)
            .search([("location_id", "=", self.room.id)])
        )
        self.assertEqual(quants.filtered("alim_on_hold").lot_id, self.lot)  # shown held in the stock screens
        held = self.env["stock.lot"].search(self.env["stock.lot"]._alim_blocked_domain())
        self.assertIn(self.lot, held)
        self.assertNotIn(self.safe_lot, held)
        picking = self._delivery(40)
        self.assertEqual(picking.move_line_ids.lot_id, self.safe_lot)
        self.assertEqual(sum(picking.move_line_ids.mapped("quantity")), 30)

    def test_delivery_reserved_before_the_recall_loses_the_held_lot(self):
        picking = self._delivery(20, lot=self.lot)
        self.assertEqual(picking.move_line_ids.lot_id, self.lot)
        self._recall().with_user(self.manager).action_open()
        self.assertNotIn(self.lot, picking.move_line_ids.lot_id)

    def test_delivery_with_a_recalled_lot_is_refused(self):
        recall = self._recall()
        recall.with_user(self.manager).action_open()
        picking = self._delivery(5, lot=self.lot)
        picking.move_ids.picked = True
        with self.assertRaisesRegex(UserError, "held by the recall Listeria"):
            picking.with_user(self.warehouse_user).button_validate()
        self.assertEqual(picking.state, "assigned")

    def test_recall_of_lots_nobody_received_only_holds(self):
        recall = self._recall(self.safe_lot)
        self.assertFalse(recall.grocery_ids)
        recall.with_user(self.manager).action_open()
        self.assertTrue(self.safe_lot.alim_on_hold)
        self.assertFalse(recall.is_action_notify_allowed)
        with self.assertRaisesRegex(UserError, 'is already "Open"'):
            recall.with_user(self.manager).action_open()

    def test_notify_opens_a_draft_recall(self):
        recall = self._recall()
        recall.with_user(self.manager).action_notify()
        self.assertEqual(recall.state, "notified")
        self.assertTrue(self.lot.alim_on_hold)

    def test_release_and_destroy_need_a_manager_and_a_reason(self):
        recall = self._recall()
        recall.with_user(self.manager).action_open()
        with self.assertRaises(AccessError):
            self.env["alim.recall.decision"].with_user(self.warehouse_user).create(
                {"recall_id": recall.id, "lot_ids": [Command.set(self.lot.ids)], "reason": "x"}
            )
        with self.assertRaisesRegex(UserError, "Only a quality or platform manager"):
            recall.with_user(self.warehouse_user)._alim_decide(self.lot, "release", "safe")
        with self.assertRaisesRegex(UserError, "reason"):
            recall.with_user(self.manager)._alim_decide(self.lot, "release", "  ")
        with self.assertRaisesRegex(UserError, "still in stock"):
            recall.with_user(self.manager).action_close()
        with Form(
            self.env["alim.recall.decision"].with_user(self.manager).with_context(default_recall_id=recall.id)
        ) as form:
            form.lot_ids.add(self.lot)
            form.decision = "destroy"
            form.reason = "Destroyed on site, certificate 2417."
        form.record.action_apply()
        self.assertEqual(self.lot.product_qty, 0)
        self.assertTrue(self.lot.alim_on_hold, "a destroyed lot stays recalled")
        self.assertIn("certificate 2417", recall.message_ids[0].body)
        self.assertIn("certificate 2417", self.lot.message_ids[0].body)
        self.assertEqual(recall.tally_destroyed_qty, 20)
        recall.with_user(self.manager).action_close()
        self.assertEqual(recall.state, "closed")
        self.assertFalse(self.lot.alim_on_hold)

    def test_release_makes_the_lot_reservable_again(self):
        recall = self._recall()
        recall.with_user(self.manager).action_open()
        recall.with_user(self.manager)._alim_decide(self.lot, "release", "Supplier: lot not concerned.")
        self.assertFalse(self.lot.alim_on_hold)
        self.assertFalse(recall.held_lot_ids)

    def test_tally(self):
        recall = self._recall()
        recall.with_user(self.manager).action_open()
        recall = recall.with_user(self.manager)
        self.assertEqual(recall.tally_received_qty, 30)
        self.assertEqual(recall.tally_in_stock_qty, 20)
        self.assertEqual(recall.tally_delivered_qty, 10)
        self.assertEqual(recall.tally_located_percent, 100)
        self.assertIn("Épicerie des Minimes", recall.tally_html)
        self.assertIn("SUP-3001", recall.tally_html)
        # a loss found at inventory is not located
        self._move(
            self.yoghurt,
            self.lot,
            2,
            self.room,
            self.yoghurt.property_stock_inventory,
            self.now,
        )
        recall.invalidate_recordset()
        self.assertEqual(recall.tally_in_stock_qty, 18)
        self.assertAlmostEqual(recall.tally_located_percent, 28 / 30 * 100, places=1)
