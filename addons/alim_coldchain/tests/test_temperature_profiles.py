"""Temperature profiles (arrêté of 21 December 2009, annex I): each product's maximum, rooms
that must cover their strictest product, reception and loading temperatures judged against
the product's maximum, and the lots that left a room during an excursion."""

from datetime import timedelta

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged

from .test_excursion_hold import ExcursionHoldCommon


@tagged("post_install", "-at_install")
class TestTemperatureProfiles(ExcursionHoldCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.minced_category = cls.env["alim.food.category"].create(
            {"name": "Test minced meat", "temp_profile": "minced_meat"}
        )
        cls.minced = cls.env["product.product"].create(
            {
                "name": "Test minced beef",
                "is_storable": True,
                "tracking": "lot",
                "use_expiration_date": True,
                "food_date_type": "dlc",
                "storage_class": "chilled",
                "food_category_id": cls.minced_category.id,
            }
        )
        cls.frozen_peas = cls.env["product.product"].create(
            {"name": "Test frozen peas", "is_storable": True, "storage_class": "frozen"}
        )

    def test_each_product_has_its_maximum(self):
        self.assertEqual(self.minced._alim_temp_max(), 2.0)
        self.assertEqual(self.yoghurt._alim_temp_max(), 4.0)
        self.assertEqual(self.frozen_peas._alim_temp_max(), -18.0)
        self.minced_category.temp_profile = "offal"
        self.assertEqual(self.minced._alim_temp_max(), 3.0)
        self.assertIsNone(self.env["product.product"].create({"name": "Rice"})._alim_temp_max())

    def test_a_room_too_warm_for_a_product_flags_it(self):
        lot = self._lot(self.minced, "MINCED-1", self.now + timedelta(days=3))
        self._move(self.minced, lot, 4, self.supplier_location, self.room, self.now - timedelta(hours=2))
        room = self.room.with_user(self.warehouse_user)
        self.assertEqual(room.alim_too_warm_product_ids, self.minced)
        self.assertEqual(room.alim_strictest_max, 2.0)
        quants = (
            self.env["stock.quant"]
            .with_user(self.warehouse_user)
            .search([("location_id", "=", self.room.id)])
        )
        self.assertEqual(quants.filtered("alim_too_warm").product_id, self.minced)
        # a room set to +2 °C covers it
        self.room.temp_max = 2.0
        room.invalidate_recordset()
        self.assertFalse(room.alim_too_warm_product_ids)

    def _picking(self, kind, product, lot, qty, temp, reason=None):
        wh = self.warehouse
        source, dest, picking_type = {
            "in": (self.supplier_location, self.room, wh.in_type_id),
            "out": (self.room, self.customer_location, wh.out_type_id),
        }[kind]
        picking = self.env["stock.picking"].create(
            {
                "picking_type_id": picking_type.id,
                "partner_id": self.grocery.id,
                "location_id": source.id,
                "location_dest_id": dest.id,
                "move_ids": [
                    Command.create(
                        {
                            "name": product.name,
                            "product_id": product.id,
                            "product_uom_qty": qty,
                            "product_uom": product.uom_id.id,
                            "location_id": source.id,
                            "location_dest_id": dest.id,
                        }
                    )
                ],
            }
        )
        picking.action_confirm()
        picking.move_ids.move_line_ids.unlink()
        self.env["stock.move.line"].create(
            {
                "move_id": picking.move_ids.id,
                "picking_id": picking.id,
                "product_id": product.id,
                "lot_id": lot.id,
                "quantity": qty,
                "location_id": source.id,
                "location_dest_id": dest.id,
            }
        )
        picking.move_ids.picked = True
        if kind == "in":  # measured on the line at the dock
            picking.move_line_ids.with_user(self.warehouse_user).write(
                {"alim_reception_temp": temp, "alim_short_date_reason": reason}
            )
        else:
            picking.with_user(self.warehouse_user).write(
                {"alim_loading_temp": temp, "alim_temp_reason": reason}
            )
        return picking

    def test_reception_temperature_is_judged_against_the_product(self):
        lot = self._lot(self.yoghurt, "REC-YOG", self.now + timedelta(days=10))
        # +8 °C for a +4 °C yoghurt: beyond the tolerated 3 °C, refused
        picking = self._picking("in", self.yoghurt, lot, 10, 8.0)
        line = picking.move_line_ids.with_user(self.warehouse_user)
        self.assertEqual(line.alim_reception_temp_user_id, self.warehouse_user)
        self.assertEqual(line.alim_reception_temp_verdict, "refused")
        with self.assertRaisesRegex(UserError, "Test yoghurt: \\+8 °C is beyond its maximum of \\+4 °C"):
            picking.with_user(self.warehouse_user).button_validate()
        self.assertEqual(picking.state, "assigned")
        # +6 °C: tolerated only with the reason, written on the line
        line.alim_reception_temp_entry = "6"
        self.assertEqual(line.alim_reception_temp_verdict, "tolerated")
        with self.assertRaisesRegex(UserError, "write why on the line"):
            picking.with_user(self.warehouse_user).button_validate()
        line.alim_short_date_reason = "Measured at the door; 3.5 °C at core."
        picking.with_user(self.warehouse_user).button_validate()
        self.assertEqual(picking.state, "done")

    def test_loading_temperature_is_judged_against_the_strictest_product(self):
        lot = self._lot(self.minced, "LOAD-MINCED", self.now + timedelta(days=3))
        self._move(self.minced, lot, 10, self.supplier_location, self.room, self.now - timedelta(hours=2))
        # +4 °C suits yoghurt but is above minced meat's +2 °C
        picking = self._picking("out", self.minced, lot, 5, 4.0)
        with self.assertRaisesRegex(UserError, "above the maximum of Test minced beef \\(\\+2 °C\\)"):
            picking.with_user(self.manager).button_validate()
        picking.with_user(self.warehouse_user).alim_loading_temp = 5.5
        with self.assertRaisesRegex(UserError, "beyond the maximum"):
            picking.with_user(self.manager).button_validate()
        picking.with_user(self.warehouse_user).alim_loading_temp = 1.5
        picking.with_user(self.manager).button_validate()
        self.assertEqual(picking.state, "done")

    def test_excursion_lists_the_lots_that_left_the_room_and_their_groceries(self):
        other_grocery = self.env["res.partner"].create({"name": "Grocery not concerned", "is_grocery": True})
        # lot_during leaves the room for a grocery in the middle of the excursion
        self._move(
            self.yoghurt,
            self.lot_during,
            4,
            self.room,
            self.customer_location,
            self.window_start + timedelta(minutes=30),
            self.grocery,
            self.warehouse.out_type_id,
        )
        # lot_gone left before it, and was delivered to another grocery
        self._move(
            self.yoghurt,
            self.lot_gone,
            4,
            self.other_room,
            self.customer_location,
            self.now - timedelta(hours=5, minutes=30),
            other_grocery,
            self.warehouse.out_type_id,
        )
        excursion = self._excursion_from_import().with_user(self.warehouse_user)
        self.assertEqual(excursion.departed_lot_ids, self.lot_during)
        self.assertEqual(excursion.departed_grocery_ids, self.grocery)
        self.assertEqual(len(excursion.departed_move_line_ids), 1)

    def test_minimum_life_left_before_a_delivery_to_a_grocery(self):
        self.env.company.alim_min_life_chilled_days = 3
        short = self._lot(self.yoghurt, "LIFE-2D", self.now + timedelta(days=2))
        long = self._lot(self.yoghurt, "LIFE-5D", self.now + timedelta(days=5))
        for lot in (short, long):
            self._move(self.yoghurt, lot, 5, self.supplier_location, self.room, self.now - timedelta(hours=2))
        picking = self._picking("out", self.yoghurt, short, 5, 2.0)
        with self.assertRaisesRegex(UserError, "LIFE-2D have less life left"):
            picking.with_user(self.manager).button_validate()
        self.assertEqual(picking.state, "assigned")
        picking = self._picking("out", self.yoghurt, long, 5, 2.0)
        picking.with_user(self.manager).button_validate()
        self.assertEqual(picking.state, "done")
