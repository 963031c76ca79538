from datetime import timedelta

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import ColdChainCommon


@tagged("post_install", "-at_install")
class TestExcursionHold(ColdChainCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        now = cls.now
        cls.window_start = now - timedelta(hours=5)
        cls.window_end = now - timedelta(hours=3)
        cls.lot_before = cls._lot(cls.yoghurt, "IN-BEFORE", now + timedelta(days=20))
        cls.lot_during = cls._lot(cls.yoghurt, "IN-DURING", now + timedelta(days=20))
        cls.lot_after = cls._lot(cls.yoghurt, "IN-AFTER", now + timedelta(days=20))
        cls.lot_gone = cls._lot(cls.yoghurt, "OUT-BEFORE", now + timedelta(days=20))
        cls.lot_elsewhere = cls._lot(cls.yoghurt, "ELSEWHERE", now + timedelta(days=20))
        sup, room, dry = cls.supplier_location, cls.room, cls.other_room
        cls._move(cls.yoghurt, cls.lot_before, 10, sup, room, now - timedelta(hours=10))
        cls._move(cls.yoghurt, cls.lot_gone, 10, sup, room, now - timedelta(hours=10))
        cls._move(cls.yoghurt, cls.lot_gone, 10, room, dry, now - timedelta(hours=6))
        cls._move(cls.yoghurt, cls.lot_during, 10, sup, room, now - timedelta(hours=4))
        cls._move(cls.yoghurt, cls.lot_after, 10, sup, room, now - timedelta(hours=1))
        cls._move(cls.yoghurt, cls.lot_elsewhere, 10, sup, dry, now - timedelta(hours=10))
        cls.grocery = cls.env["res.partner"].create({"name": "Test grocery", "is_grocery": True})

    def _excursion_from_import(self):
        rows = self._readings(hours=12, high_from=self.window_start, high_to=self.window_end)
        wizard = self._import(self.warehouse_user, self.room, rows)
        self.assertEqual(wizard.excursion_count, 1)
        return self.env["alim.temperature.excursion"].search([("location_id", "=", self.room.id)])

    def test_excursion_holds_exactly_the_lots_present(self):
        excursion = self._excursion_from_import()
        self.assertEqual(excursion.date_start, self.window_start)
        self.assertEqual(excursion.date_end, self.window_end)
        self.assertEqual(excursion.peak, 8.0)
        self.assertEqual(excursion.kind, "high")
        self.assertEqual(excursion.lot_ids, self.lot_before | self.lot_during)
        self.assertTrue(self.lot_before.alim_on_hold)
        self.assertFalse(self.lot_after.alim_on_hold)
        self.assertFalse(self.lot_gone.alim_on_hold)
        self.assertFalse(self.lot_elsewhere.alim_on_hold)
        activity = excursion.activity_ids
        self.assertEqual(activity.user_id, self.manager)
        # importing again does not record the excursion twice
        self._import(
            self.warehouse_user,
            self.room,
            self._readings(hours=12, high_from=self.window_start, high_to=self.window_end),
        )
        self.assertEqual(self.room.temperature_excursion_count, 1)

    def test_held_lots_are_not_offered_in_the_catalogue(self):
        self._excursion_from_import()
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

    def test_destroy_scraps_the_held_lots(self):
        excursion = self._excursion_from_import()
        excursion.with_user(self.manager).write({"action_reason": "Core temperature 9 °C: unsafe."})
        excursion.with_user(self.manager).action_destroy()
        self.assertEqual(excursion.state, "destroyed")
        self.assertEqual(self.lot_before.product_qty, 0)
        self.assertEqual(self.lot_during.product_qty, 0)
        self.assertEqual(self.lot_after.product_qty, 10)
        scraps = self.env["stock.scrap"].search([("lot_id", "in", excursion.lot_ids.ids)])
        self.assertEqual(len(scraps), 2)
        self.assertEqual(set(scraps.mapped("state")), {"done"})

    def test_short_door_opening_is_tolerated(self):
        rows = self._readings(
            hours=2, high_from=self.now - timedelta(minutes=60), high_to=self.now - timedelta(minutes=40)
        )
        wizard = self._import(self.warehouse_user, self.room, rows)
        self.assertEqual(wizard.excursion_count, 0)
        self.assertFalse(self.lot_before.alim_on_hold)
