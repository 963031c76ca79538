from datetime import timedelta

from odoo.tests import tagged

from .common import ColdChainCommon


class ExcursionHoldCommon(ColdChainCommon):
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


@tagged("post_install", "-at_install")
class TestExcursionHold(ExcursionHoldCommon):
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
        # a small rise (+2.5 °C) for 20 minutes; a large one would not be tolerated, see
        # test_temperature_register
        rows = self._readings(
            hours=2,
            high_from=self.now - timedelta(minutes=60),
            high_to=self.now - timedelta(minutes=40),
            high=6.5,
        )
        wizard = self._import(self.warehouse_user, self.room, rows)
        self.assertEqual(wizard.excursion_count, 0)
        self.assertFalse(self.lot_before.alim_on_hold)
