from datetime import timedelta

from odoo import fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import AlimFoodCommon


@tagged("post_install", "-at_install")
class TestReceptionTemperature(AlimFoodCommon):
    """Chilled and frozen goods are received with the temperature measured in them: empty
    until measured (0 °C is a measure), typed as the volunteer writes it, required before the
    reception is validated whatever the way in (form, button, RPC write or create, import)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cold_room = cls._create_room("Chambre froide positive", "chilled")
        cls.freezer = cls._create_room("Chambre froide négative", "frozen")
        cls.dry_zone = cls._create_room("Zone sèche", "dry")
        cls.yogurt = cls._create_dated_product("Yaourt nature", "dlc", storage_class="chilled")
        cls.peas = cls._create_product("Petits pois surgelés", storage_class="frozen")
        cls.rice = cls._create_product("Riz 1 kg", storage_class="dry")

    def _reception(self, *products, **line_vals):
        """A confirmed reception of 10 of each product, its lines picked by the warehouse user
        (a lot with a date for dated products)."""
        picking = self._create_reception([(product, 10) for product in products])
        picking = picking.with_user(self.warehouse_user)
        for move in picking.move_ids:
            move.move_line_ids.unlink()
            dated = move.product_id.food_date_type in ("dlc", "ddm")
            move.write(
                {
                    "move_line_ids": [
                        fields.Command.create(
                            {
                                "product_id": move.product_id.id,
                                "quantity": 10,
                                "lot_name": f"L-{move.product_id.id}" if dated else False,
                                "expiration_date": fields.Datetime.now() + timedelta(days=10)
                                if dated
                                else False,
                                "location_id": move.location_id.id,
                                "location_dest_id": move.location_dest_id.id,
                                "picking_id": picking.id,
                                **line_vals,
                            }
                        )
                    ],
                    "picked": True,
                }
            )
        return picking

    def _line(self, picking, product):
        return picking.move_line_ids.filtered(lambda line: line.product_id == product)

    def test_empty_until_measured_and_required_for_cold_goods_only(self):
        picking = self._reception(self.yogurt, self.peas, self.rice)
        yogurt, peas, rice = (self._line(picking, p) for p in (self.yogurt, self.peas, self.rice))
        self.assertEqual(yogurt.alim_reception_temp_entry, "")
        self.assertFalse(yogurt.alim_reception_temp_at)
        self.assertTrue(yogurt.alim_reception_temp_required)
        self.assertTrue(peas.alim_reception_temp_required)
        self.assertFalse(rice.alim_reception_temp_required)
        with self.assertRaises(UserError) as caught:
            picking.button_validate()
        self.assertIn("Yaourt nature", str(caught.exception))
        self.assertIn("Petits pois surgelés", str(caught.exception))
        self.assertIn("temperature", str(caught.exception))
        self.assertNotEqual(picking.state, "done")
        # typed as the volunteer writes it: a comma, a sign, degrees
        yogurt.alim_reception_temp_entry = "3,5"
        peas.alim_reception_temp_entry = "-18,5 °C"
        self.assertEqual(yogurt.alim_reception_temp, 3.5)
        self.assertEqual(peas.alim_reception_temp, -18.5)
        self.assertEqual(yogurt.alim_reception_temp_user_id, self.warehouse_user)
        self.assertTrue(yogurt.alim_reception_temp_at)
        (yogurt | peas).invalidate_recordset(["alim_reception_temp_entry"])
        self.assertEqual(peas.alim_reception_temp_entry, "-18.5")  # the test user reads English
        picking.button_validate()
        self.assertEqual(picking.state, "done")

    def test_zero_is_a_measure_and_empty_is_not(self):
        picking = self._reception(self.yogurt)
        line = self._line(picking, self.yogurt)
        line.alim_reception_temp_entry = "0"
        self.assertTrue(line.alim_reception_temp_at)
        line.invalidate_recordset(["alim_reception_temp_entry"])
        self.assertEqual(line.alim_reception_temp_entry, "+0.0")
        line.alim_reception_temp_entry = ""
        self.assertFalse(line.alim_reception_temp_at)
        line.invalidate_recordset(["alim_reception_temp_entry"])
        self.assertEqual(line.alim_reception_temp_entry, "")
        with self.assertRaisesRegex(UserError, "temperature"):
            picking.button_validate()

    def test_not_a_number_is_refused(self):
        picking = self._reception(self.yogurt)
        line = self._line(picking, self.yogurt)
        with self.assertRaisesRegex(ValidationError, "not a temperature"):
            line.alim_reception_temp_entry = "froid"
        self.assertFalse(line.alim_reception_temp_at)

    def test_rpc_write_and_create(self):
        """What a JSON-RPC or XML-RPC client sends: the number written (0 included) is a
        measure, False is not; the reception is refused without it; once validated, the
        temperature of a cold line can no longer be changed nor emptied."""
        picking = self._reception(self.yogurt, alim_reception_temp=False)
        line = self._line(picking, self.yogurt)
        self.assertFalse(line.alim_reception_temp_at)
        with self.assertRaisesRegex(UserError, "temperature"):
            picking.button_validate()
        line.write({"alim_reception_temp": 0.0})
        self.assertTrue(line.alim_reception_temp_at)
        line.write({"alim_reception_temp": False})
        self.assertFalse(line.alim_reception_temp_at)
        with self.assertRaisesRegex(UserError, "temperature"):
            picking.button_validate()
        line.write({"alim_reception_temp": 2.0})
        picking.button_validate()
        self.assertEqual(picking.state, "done")
        with self.assertRaisesRegex(UserError, "can no longer be changed"):
            line.write({"alim_reception_temp": False})
        with self.assertRaisesRegex(UserError, "can no longer be changed"):
            line.write({"alim_reception_temp_entry": "1"})
        self.assertEqual(line.alim_reception_temp, 2.0)
        # a line created measured over RPC is stamped
        measured = self._reception(self.peas, alim_reception_temp=-20.0)
        self.assertEqual(self._line(measured, self.peas).alim_reception_temp_user_id, self.warehouse_user)
        measured.button_validate()
        self.assertEqual(measured.state, "done")

    def test_a_line_added_to_a_validated_reception_needs_it_too(self):
        picking = self._reception(self.rice)
        picking.button_validate()
        with self.assertRaisesRegex(UserError, "temperature"):
            self.env["stock.move.line"].with_user(self.warehouse_user).create(
                {
                    "picking_id": picking.id,
                    "product_id": self.peas.id,
                    "quantity": 5,
                    "location_id": picking.location_id.id,
                    "location_dest_id": self.freezer.id,
                }
            )

    def test_import(self):
        """An import of the lines (the list's Import) goes through the same door."""
        picking = self._reception(self.yogurt)
        line = self._line(picking, self.yogurt)
        MoveLine = self.env["stock.move.line"].with_user(self.warehouse_user)
        result = MoveLine.load([".id", "alim_reception_temp_entry"], [[str(line.id), "tiède"]])
        self.assertFalse(result["ids"])
        self.assertIn("not a temperature", result["messages"][0]["message"])
        self.assertFalse(line.alim_reception_temp_at)
        result = MoveLine.load([".id", "alim_reception_temp_entry"], [[str(line.id), "4,0"]])
        self.assertEqual(result["ids"], [line.id])
        self.assertEqual(line.alim_reception_temp, 4.0)
        picking.button_validate()
        self.assertEqual(picking.state, "done")

    def test_typing_a_word_warns_at_once(self):
        line = (
            self.env["stock.move.line"]
            .with_user(self.warehouse_user)
            .new({"product_id": self.yogurt.id, "alim_reception_temp_entry": "chaud"})
        )
        result = line._onchange_alim_reception_temp_entry()
        self.assertIn("not a temperature", result["warning"]["message"])
        line.alim_reception_temp_entry = "3"
        self.assertFalse(line._onchange_alim_reception_temp_entry())
