"""The temperature measured at the dock, line by line: the volunteer who types one above the
product's maximum is told at once (before saving, and again when the line is saved), the
reception says it, the person in charge of the room gets a to-do; the rooms show the volume
their goods take and the strictest product in them."""

import json
from datetime import timedelta

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import ColdChainCommon


@tagged("post_install", "-at_install")
class TestReceptionLineTemperature(ColdChainCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.frozen_room = cls._create_room(
            "Test negative room", "frozen", usage="internal", room_volume_m3=40
        )
        cls.peas = cls._create_product("Test frozen peas", storage_class="frozen", volume=0.002)

    def _reception(self, product, qty=10, **line_vals):
        lot = (
            self._lot(product, f"LOT-{product.id}", self.now + timedelta(days=10))
            if product.tracking == "lot"
            else None
        )
        picking = self._create_reception([(product, qty)], dest=self.stock)
        picking = picking.with_user(self.warehouse_user)
        picking.move_ids.move_line_ids.unlink()
        picking.move_ids.write(
            {
                "move_line_ids": [
                    Command.create(
                        {
                            "product_id": product.id,
                            "lot_id": lot.id if lot else False,
                            "quantity": qty,
                            "location_id": self.supplier_location.id,
                            "location_dest_id": self.room.id
                            if product == self.yoghurt
                            else self.frozen_room.id,
                            "picking_id": picking.id,
                            **line_vals,
                        }
                    )
                ],
                "picked": True,
            }
        )
        return picking

    def test_the_recorder_is_warned_as_soon_as_typed(self):
        line = (
            self.env["stock.move.line"]
            .with_user(self.warehouse_user)
            .new({"product_id": self.yoghurt.id, "alim_reception_temp_entry": "+9"})
        )
        warning = line._onchange_alim_reception_temp_entry()["warning"]
        self.assertEqual(warning["title"], "Temperature out of range")
        self.assertIn("Test yoghurt: +9 °C is beyond its maximum of +4 °C", warning["message"])
        self.assertEqual(line.alim_reception_temp_verdict, "refused")
        line.alim_reception_temp_entry = "5,5"
        self.assertIn("Measure again", line._onchange_alim_reception_temp_entry()["warning"]["message"])
        self.assertEqual(line.alim_reception_temp_verdict, "tolerated")
        line.alim_reception_temp_entry = "3"
        self.assertFalse(line._onchange_alim_reception_temp_entry())
        self.assertEqual(line.alim_reception_temp_verdict, "ok")
        frozen = (
            self.env["stock.move.line"]
            .with_user(self.warehouse_user)
            .new({"product_id": self.peas.id, "alim_reception_temp_entry": "-12"})
        )
        self.assertIn(
            "beyond its maximum of -18 °C", frozen._onchange_alim_reception_temp_entry()["warning"]["message"]
        )

    def test_saving_it_tells_the_recorder_the_reception_and_the_room(self):
        picking = self._reception(self.yoghurt)
        line = picking.move_line_ids
        self.env.cr.precommit.data.pop("bus.bus.values", None)
        line.alim_reception_temp_entry = "9"
        # the recorder: a notification that stays until closed
        sent = [
            (json.loads(value["channel"]), json.loads(value["message"]))
            for value in self.env.cr.precommit.data.get("bus.bus.values", [])
        ]
        notes = [
            (channel, message["payload"])
            for channel, message in sent
            if message["type"] == "simple_notification"
        ]
        self.assertEqual(len(notes), 1)
        channel, note = notes[0]
        self.assertEqual(channel[1:], ["res.partner", self.warehouse_user.partner_id.id])
        self.assertTrue(note["sticky"])
        self.assertIn("Test yoghurt: +9 °C is beyond its maximum of +4 °C", note["message"])
        # the reception: a note in its history
        self.assertTrue(
            picking.message_ids.filtered(
                lambda message: "+9 °C is beyond its maximum" in (message.body or "")
            )
        )
        # the person in charge of the room: a to-do, as for a room's excursion
        activity = picking.sudo().activity_ids
        self.assertEqual(activity.user_id, self.manager)
        self.assertIn("Test yoghurt", activity.note)
        with self.assertRaisesRegex(UserError, "beyond its maximum"):
            picking.button_validate()
        # a temperature within the limit says nothing more
        activities = len(picking.sudo().activity_ids)
        line.alim_reception_temp_entry = "3"
        self.assertEqual(len(picking.sudo().activity_ids), activities)
        picking.button_validate()
        self.assertEqual(picking.state, "done")

    def test_rooms_show_the_volume_taken_and_the_strictest_product(self):
        minced = self.env["alim.food.category"].create({"name": "Test minced", "temp_profile": "minced_meat"})
        beef = self._create_dated_product(
            "Test minced beef", "dlc", storage_class="chilled", food_category_id=minced.id, volume=0.0005
        )
        self._receive(self._lot(self.yoghurt, "VOL-YOG", self.now + timedelta(days=9)), 300, self.now)
        self._receive(self._lot(beef, "VOL-BEEF", self.now + timedelta(days=3)), 200, self.now)
        room = self.room.with_user(self.warehouse_user)
        # 300 x 0.01 m³ + 200 x 0.0005 m³
        self.assertAlmostEqual(room.occupied_volume_m3, 3.1)
        self.assertAlmostEqual(room.occupancy_rate, max(100 * 3.1 / 69, 100 * 2 / 24), places=1)
        self.assertEqual(room.alim_strictest_product_id, beef)
        self.assertEqual(room.alim_strictest_max, 2.0)
        empty = self.frozen_room.with_user(self.warehouse_user)
        self.assertFalse(empty.alim_strictest_product_id)
        self.assertEqual(empty.occupied_volume_m3, 0.0)
