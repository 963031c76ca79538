from datetime import timedelta

from odoo import fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, new_test_user, tagged

from .common_donation import DonationCommon

DOCK_VIEW = "alim_donation.stock_picking_view_form_alim_dock"


@tagged("post_install", "-at_install")
class TestAlimReception(DonationCommon):
    def test_multi_line_donation(self):
        later = self.in_date + timedelta(days=200)
        picking = self._draft_reception(
            self.donor,
            [
                (
                    self.yogurt,
                    10,
                    8.0,
                    [("YO-1", 6, self.in_date, self.chilled), ("YO-2", 4, later, self.chilled_shelf)],
                ),
                (self.pasta, 20, 12.0, [("PA-1", 20, later, self.dry)]),
                (self.apples, 3, 9.0, [(False, 3, False, self.dry)]),
            ],
        )
        pasta_move = picking.move_ids.filtered(lambda m: m.product_id == self.pasta)
        self.assertEqual(pasta_move.alim_weight_kg, 10.0)
        pasta_move.alim_weight_kg = 10.4  # variable weight, typed at the dock
        self.assertTrue(picking.button_validate())
        self.assertEqual(picking.state, "done")
        yogurt_move = picking.move_ids.filtered(lambda m: m.product_id == self.yogurt)
        self.assertEqual(yogurt_move.alim_weight_kg, 5.0)
        self.assertEqual(pasta_move.alim_weight_kg, 10.4)
        self.assertAlmostEqual(picking.alim_weight_kg, 45.4)
        self.assertEqual(picking.alim_declared_value, 29.0)
        lots = picking.move_line_ids.lot_id
        self.assertEqual(sorted(lots.mapped("name")), ["PA-1", "YO-1", "YO-2"])
        self.assertEqual(lots.filtered(lambda lot: lot.name == "YO-2").expiration_date, later)
        self.assertEqual(self.yogurt.with_context(location=self.chilled.id).qty_available, 10)
        # Report figures: meals and CO2e from the food category, local and anti-waste shares.
        self.assertEqual(yogurt_move.alim_meals, 10.0)
        self.assertEqual(yogurt_move.alim_co2e_kg, 7.5)
        self.assertEqual(yogurt_move.alim_local_weight_kg, 5.0)
        self.assertEqual(pasta_move.alim_local_weight_kg, 0.0)
        self.assertEqual(yogurt_move.alim_anti_waste_weight_kg, 5.0)
        self.assertEqual(yogurt_move.alim_donor_id, self.donor)
        self.assertTrue(picking.alim_is_donation)

    def test_purchase_is_not_anti_waste(self):
        picking = self._reception(
            self.donor2, [(self.apples, 2, 0.0, [(False, 2, False, self.dry)])], "purchase"
        )
        self.assertFalse(picking.alim_is_donation)
        self.assertEqual(picking.move_ids.alim_anti_waste_weight_kg, 0.0)
        self.assertEqual(picking.move_ids.alim_co2e_kg, 0.0)

    def _assert_refused(self, lines, message):
        picking = self._draft_reception(self.donor, lines)
        with self.assertRaisesRegex(UserError, message), self.env.cr.savepoint():
            picking.button_validate()
        self.assertEqual(picking.state, "assigned")
        self.assertFalse(picking.move_line_ids.lot_id)
        self.assertFalse(self.env["stock.quant"].search([("product_id", "=", lines[0][0].id)]))

    def test_refuse_zero_quantity(self):
        self._assert_refused([(self.apples, 0, 0.0, [])], "Apples.*quantity must be more than zero")

    def test_refuse_negative_quantity(self):
        # Odoo itself refuses a negative received quantity, before anything is written.
        with self.assertRaisesRegex(ValidationError, "negative quantities"), self.env.cr.savepoint():
            self._draft_reception(self.donor, [(self.apples, 2, 0.0, [(False, -2, False, self.dry)])])

    def test_refuse_negative_weight(self):
        picking = self._draft_reception(self.donor, [(self.apples, 2, 0.0, [(False, 2, False, self.dry)])])
        with (
            self.assertRaisesRegex(ValidationError, "weight of Apples.*cannot be below zero"),
            self.env.cr.savepoint(),
        ):
            picking.move_ids.alim_weight_kg = -1
        self.assertEqual(picking.move_ids.alim_weight_kg, 20.0)
        with self.assertRaisesRegex(ValidationError, "declared value"), self.env.cr.savepoint():
            picking.move_ids.alim_declared_value = -5

    def test_refuse_past_use_by_date(self):
        yesterday = fields.Datetime.now() - timedelta(days=1)
        self._assert_refused(
            [(self.yogurt, 5, 0.0, [("OLD", 5, yesterday, self.chilled)])],
            "use-by date \\(DLC\\) is already past",
        )

    def test_past_best_before_is_accepted(self):
        yesterday = fields.Datetime.now() - timedelta(days=1)
        picking = self._reception(self.donor, [(self.pasta, 5, 0.0, [("DDM", 5, yesterday, self.dry)])])
        self.assertEqual(picking.state, "done")

    def test_refuse_dated_product_without_date(self):
        # A dated product always follows lots with their date (alim_food 18.0.1.1.0): a line
        # without a lot is refused, by Odoo's lot check or by the reception check.
        beans = self.env["product.product"].create(
            {"name": "Beans", "is_storable": True, "food_date_type": "ddm", "storage_class": "dry"}
        )
        self.assertEqual((beans.tracking, beans.use_expiration_date), ("lot", True))
        self._assert_refused(
            [(beans, 5, 0.0, [(False, 5, False, self.dry)])],
            "Lot/Serial number for products Beans|Beans.*needs a lot with its date",
        )

    def test_refuse_cold_product_in_dry_location(self):
        self._assert_refused(
            [(self.yogurt, 5, 0.0, [("Y", 5, self.in_date, self.dry)])],
            "Yogurt.*cannot be put away in .*Dry zone",
        )

    def test_refuse_frozen_in_chilled_room_by_parent(self):
        # The shelf has no class of its own: the chilled room it is in decides.
        self._assert_refused(
            [(self.peas, 5, 0.0, [("P", 5, self.in_date, self.chilled_shelf)])],
            "Frozen peas.*cannot be put away",
        )

    def test_all_errors_at_once(self):
        yesterday = fields.Datetime.now() - timedelta(days=1)
        picking = self._draft_reception(
            self.donor,
            [
                (self.yogurt, 5, 0.0, [("Y", 5, yesterday, self.dry)]),
                (self.peas, 5, 0.0, [("P", 5, self.in_date, self.chilled)]),
            ],
        )
        with self.assertRaises(UserError) as caught, self.env.cr.savepoint():
            picking.button_validate()
        message = str(caught.exception)
        self.assertIn("already past", message)
        self.assertIn("cannot be put away", message)
        self.assertIn("Frozen peas", message)

    def test_donor_data(self):
        manager = new_test_user(
            self.env, login="test_donor_manager", groups="alim_food.alim_food_group_manager"
        )
        donor = self.donor.with_user(manager)
        donor.write(
            {
                "donation_agreement_start": "2026-01-01",
                "donation_agreement_end": "2027-12-31",
                "donation_pickup_schedule": "Mon and Thu, 8 am",
                "donation_receipt_mode": "yearly",
            }
        )
        self.assertEqual(donor.donation_receipt_mode, "yearly")
        with self.assertRaisesRegex(ValidationError, "cannot end before it starts"), self.env.cr.savepoint():
            donor.write({"donation_agreement_end": "2025-01-01"})

    def _dock_form(self, source_type):
        """The dock screen as the warehouse user: a new reception from the donor, of
        ``source_type``."""
        Picking = (
            self.env["stock.picking"]
            .with_user(self.user)
            .with_context(restricted_picking_type_code="incoming")
        )
        form = Form(Picking, view=DOCK_VIEW)
        form.partner_id = self.donor
        form.alim_source_type = source_type
        form.picking_type_id = self.warehouse.in_type_id
        return form

    def test_dock_screen_form_flow(self):
        with self._dock_form("anti_waste") as form:
            with form.move_line_ids_without_package.new() as line:
                line.product_id = self.yogurt
                line.quantity = 12
                line.lot_name = "DOCK-1"
                line.expiration_date = self.in_date
                line.alim_reception_temp_entry = "3,5"
                line.location_dest_id = self.chilled
            with form.move_line_ids_without_package.new() as line:
                line.product_id = self.apples
                line.quantity = 2
                line.location_dest_id = self.dry
        picking = form.record
        picking.button_validate()
        self.assertEqual(picking.state, "done")
        self.assertEqual(picking.move_ids.product_id, self.yogurt | self.apples)
        self.assertEqual(picking.alim_weight_kg, 26.0)
        self.assertEqual(picking.move_line_ids.lot_id.name, "DOCK-1")
        self.assertTrue(picking.alim_is_donation)

    def test_dock_screen_short_dated_reason_and_temperature(self):
        """On the dock screen itself, the warehouse user writes why a short-dated lot is
        accepted and types the temperature of chilled goods (empty until then, and required
        before the reception is validated); lot and date sit on the same line."""
        with self._dock_form("donation") as form:
            with form.move_line_ids_without_package.new() as line:
                line.product_id = self.yogurt
                line.quantity = 6
                line.lot_name = "DOCK-SHORT"
                line.expiration_date = fields.Datetime.now() + timedelta(hours=30)
                self.assertFalse(line.alim_reception_temp_entry)
                self.assertTrue(line.alim_reception_temp_required)
            with form.move_line_ids_without_package.new() as line:
                line.product_id = self.pasta
                line.quantity = 4
                line.lot_name = "DOCK-PASTA"
                line.expiration_date = self.in_date
                self.assertFalse(line.alim_reception_temp_required)
        picking = form.record
        with self.assertRaises(UserError) as caught:
            picking.button_validate()
        self.assertIn("less than 48 hours", str(caught.exception))
        self.assertIn("Type the temperature measured", str(caught.exception))
        self.assertNotEqual(picking.state, "done")
        with Form(picking, view=DOCK_VIEW) as form:
            with form.move_line_ids_without_package.edit(0) as line:
                line.alim_short_date_reason = "Distributed tomorrow morning by the Minimes grocery."
                line.alim_reception_temp_entry = "3,5"
        picking.button_validate()
        self.assertEqual(picking.state, "done")
        yogurt = picking.move_line_ids.filtered(lambda ml: ml.product_id == self.yogurt)
        self.assertEqual((yogurt.alim_reception_temp, yogurt.alim_reception_temp_user_id), (3.5, self.user))
        self.assertEqual(yogurt.lot_id.name, "DOCK-SHORT")

    def test_dock_puts_chilled_goods_in_the_cold_room(self):
        """At the dock the warehouse user types the lines without choosing a room: the
        chilled yogurts go to the positive cold room, the (dry) apples to the dry zone."""
        with Form(
            self.env["stock.picking"]
            .with_user(self.user)
            .with_context(restricted_picking_type_code="incoming"),
            view="alim_donation.stock_picking_view_form_alim_dock",
        ) as form:
            form.partner_id = self.donor
            form.alim_source_type = "donation"
            form.picking_type_id = self.warehouse.in_type_id
            with form.move_line_ids_without_package.new() as line:
                line.product_id = self.yogurt
                line.quantity = 12
                line.lot_name = "DOCK-COLD"
                line.expiration_date = self.in_date
                line.alim_reception_temp_entry = "2"
            with form.move_line_ids_without_package.new() as line:
                line.product_id = self.apples
                line.quantity = 2
        picking = form.record
        picking.with_user(self.user).button_validate()
        self.assertEqual(picking.state, "done")
        Quant = self.env["stock.quant"].with_user(self.user)
        yogurt = Quant.search([("product_id", "=", self.yogurt.id), ("location_id.usage", "=", "internal")])
        apples = Quant.search([("product_id", "=", self.apples.id), ("location_id.usage", "=", "internal")])
        self.assertEqual((yogurt.location_id, yogurt.quantity), (self.chilled, 12))
        self.assertEqual((apples.location_id, apples.quantity), (self.dry, 2))

    def test_received_kg_report(self):
        self._reception(
            self.donor, [(self.yogurt, 10, 8.0, [("R1", 10, self.in_date, self.chilled)])], "anti_waste"
        )
        self._reception(self.donor2, [(self.apples, 3, 0.0, [(False, 3, False, self.dry)])], "purchase")
        groups = (
            self.env["stock.move"]
            .with_user(self.user)
            ._read_group(
                [
                    ("state", "=", "done"),
                    ("picking_code", "=", "incoming"),
                    ("alim_donor_id", "in", self.donor.ids),
                ],
                ["alim_source_type", "alim_food_category_id", "alim_storage_class"],
                ["alim_weight_kg:sum", "alim_local_weight_kg:sum", "alim_meals:sum", "alim_co2e_kg:sum"],
            )
        )
        self.assertEqual(groups, [("anti_waste", self.category, "chilled", 5.0, 5.0, 10.0, 7.5)])
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "alim_donation.stock_move_action_alim_received"
        )
        self.assertEqual(action["view_mode"], "pivot,graph,list")
