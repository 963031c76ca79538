import base64
from datetime import date, datetime, timedelta

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import ColdChainCommon


@tagged("post_install", "-at_install")
class TestTemperatureRegister(ColdChainCommon):
    def test_thresholds_default_by_storage_class(self):
        self.assertTrue(self.room.temp_monitored)
        self.assertEqual((self.room.temp_min, self.room.temp_max), (0.0, 4.0))
        self.assertFalse(self.other_room.temp_monitored)
        freezer = self.env["stock.location"].create(
            {"name": "Freezer", "location_id": self.stock.id, "storage_class": "frozen"}
        )
        self.assertEqual(freezer.temp_max, -18.0)
        with self.assertRaisesRegex(ValidationError, "minimum temperature must be below"):
            freezer.temp_min = -10.0

    def test_capacity_and_occupancy_from_quants(self):
        lot = self._lot(self.yoghurt, "OCC-1")
        self.env["stock.quant"]._update_available_quantity(self.yoghurt, self.room, 600, lot_id=lot)
        package = self.env["stock.quant.package"].create({"name": "PAL-1"})
        lot2 = self._lot(self.yoghurt, "OCC-2")
        self.env["stock.quant"]._update_available_quantity(
            self.yoghurt, self.room, 10, lot_id=lot2, package_id=package
        )
        room = self.room.with_user(self.warehouse_user)
        self.assertEqual(room.occupied_pallets, 2)
        self.assertAlmostEqual(room.occupied_volume_m3, 6.1)
        self.assertAlmostEqual(room.occupancy_rate, 100.0 * 6.1 / 69, places=1)

    def test_manual_entry_form_and_immutability(self):
        with Form(self.env["alim.temperature.reading"].with_user(self.warehouse_user)) as form:
            form.location_id = self.room
            form.value = 3.2
        reading = form.record
        self.assertEqual(reading.source, "manual")
        self.assertEqual(reading.create_uid, self.warehouse_user)
        with self.assertRaisesRegex(UserError, "cannot be changed"):
            reading.with_user(self.warehouse_user).value = 2.0
        with self.assertRaisesRegex(UserError, "cannot be changed"):
            reading.with_user(self.manager).write({"annulled": True})
        with self.assertRaisesRegex(UserError, "cannot be deleted"):
            reading.sudo().unlink()
        with self.assertRaises(AccessError):
            reading.with_user(self.warehouse_user).unlink()
        with self.assertRaisesRegex(ValidationError, "future"):
            reading.with_user(self.warehouse_user).copy({"reading_at": self.now + timedelta(days=1)})
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            self.env["alim.temperature.reading"].with_user(self.warehouse_user).create(
                {"location_id": self.room.id, "value": 95.0}
            )
        # the database refuses too, below the ORM
        with (
            self.assertRaisesRegex(Exception, "cannot be changed"),
            mute_logger("odoo.sql_db"),
            self.env.cr.savepoint(),
        ):
            self.env.cr.execute("UPDATE alim_temperature_reading SET value = 1 WHERE id = %s", [reading.id])

    def test_annulment_with_reason(self):
        reading = (
            self.env["alim.temperature.reading"]
            .with_user(self.warehouse_user)
            .create({"location_id": self.room.id, "value": 31.0})
        )
        action = reading.action_annul()
        wizard = Form(
            self.env[action["res_model"]].with_user(self.warehouse_user).with_context(**action["context"])
        )
        with self.assertRaises(AssertionError):
            wizard.save()  # the reason is required
        wizard.reason = "Typed 31 instead of 3.1"
        wizard.save().action_annul()
        self.assertTrue(reading.annulled)
        self.assertEqual(reading.annulled_by_id, self.warehouse_user)
        self.assertEqual(reading.annul_reason, "Typed 31 instead of 3.1")
        with self.assertRaisesRegex(UserError, "already annulled"):
            reading.with_user(self.warehouse_user)._action_annul("again")
        with self.assertRaisesRegex(UserError, "reason"):
            self.env["alim.temperature.reading"].with_user(self.warehouse_user).create(
                {"location_id": self.room.id, "value": 3.0}
            )._action_annul("  ")

    def test_import_is_idempotent_and_reports_bad_lines(self):
        rows = self._readings(hours=2)
        text = "date;temperature\n" + "".join(f"{w:%Y-%m-%d %H:%M:%S};{v}\n" for w, v in rows)
        text += "yesterday;3\n2026-01-01 00:00;warm\n"
        good = len(rows)
        wizard = (
            self.env["alim.temperature.import"]
            .with_user(self.warehouse_user)
            .create({"location_id": self.room.id, "file": base64.b64encode(text.encode()), "tz": "UTC"})
        )
        wizard.action_import()
        self.assertEqual(wizard.imported_count, good)
        self.assertEqual(wizard.error_count, 2)
        self.assertIn(f"Line {good + 2}: unreadable date", wizard.error_report)
        self.assertIn(f"Line {good + 3}: unreadable temperature", wizard.error_report)
        Reading = self.env["alim.temperature.reading"]
        self.assertEqual(Reading.search_count([("location_id", "=", self.room.id)]), good)
        again = (
            self.env["alim.temperature.import"]
            .with_user(self.warehouse_user)
            .create({"location_id": self.room.id, "file": base64.b64encode(text.encode()), "tz": "UTC"})
        )
        again.action_import()
        self.assertEqual(again.imported_count, 0)
        self.assertEqual(again.skipped_count, good)
        self.assertEqual(Reading.search_count([("location_id", "=", self.room.id)]), good)
        self.assertEqual(self.room.temperature_reading_count, good)

    def test_portal_user_has_no_access(self):
        portal = self.env["res.users"].create(
            {
                "name": "Grocery",
                "login": "cc_portal",
                "groups_id": [(6, 0, [self.env.ref("base.group_portal").id])],
            }
        )
        with self.assertRaises(AccessError):
            self.env["alim.temperature.reading"].with_user(portal).search([])
        with self.assertRaises(AccessError):
            self.env["alim.temperature.excursion"].with_user(portal).search([])

    def test_haccp_report_renders(self):
        rows = self._readings(
            hours=3, high_from=self.now - timedelta(hours=2), high_to=self.now - timedelta(hours=1)
        )
        self._import(self.warehouse_user, self.room, rows)
        wizard = (
            self.env["alim.haccp.report.wizard"]
            .with_user(self.warehouse_user)
            .create({"location_id": self.room.id, "month": self.now.date()})
        )
        values = wizard._report_values()
        self.assertEqual(len(values["excursions"]), 1)
        self.assertEqual(sum(day["count"] for day in values["days"]), len(rows))
        html = (
            self.env["ir.actions.report"]
            .with_user(self.warehouse_user)
            ._render_qweb_html("alim_coldchain.alim_haccp_report", wizard.ids)[0]
        )
        self.assertIn(b"Excursions and corrective actions", html)
        self.assertEqual(wizard.action_print()["report_name"], "alim_coldchain.alim_haccp_report_document")

    def test_haccp_month_and_days_are_the_platforms(self):
        """November's register in Toulouse: a reading at 00:30 on 1 November (23:30 UTC the
        day before) is in it, one at 00:30 on 1 December is not; French figures read 2,5 and
        3,5 alike."""
        self.env["res.lang"]._activate_lang("fr_FR")
        self.warehouse_user.tz = "Europe/Paris"
        Reading = self.env["alim.temperature.reading"].sudo()
        for at, value in (
            (datetime(2025, 10, 31, 23, 30), 2.5),  # 1 November, 00:30 in Paris
            (datetime(2025, 11, 15, 10, 0), 3.5),
            (datetime(2025, 11, 30, 23, 30), 3.0),  # 1 December, 00:30 in Paris
        ):
            Reading.create(
                {"location_id": self.room.id, "value": value, "reading_at": at, "source": "sensor"}
            )
        wizard = (
            self.env["alim.haccp.report.wizard"]
            .with_user(self.warehouse_user)
            .create({"location_id": self.room.id, "month": date(2025, 11, 20)})
        )
        days = wizard._report_values()["days"]
        self.assertEqual(
            [(day["day"], day["count"]) for day in days], [(date(2025, 11, 1), 1), (date(2025, 11, 15), 1)]
        )
        html = (
            self.env["ir.actions.report"]
            .with_user(self.warehouse_user)
            .with_context(lang="fr_FR")
            ._render_qweb_html("alim_coldchain.alim_haccp_report", wizard.ids)[0]
            .decode()
        )
        self.assertIn("2,5", html)
        self.assertIn("3,5", html)
        self.assertNotIn("2.5", html)

    def test_one_manual_reading_far_out_of_range_alerts_at_once(self):
        """A reading at the room's max + 8 °C: in the same transaction, an excursion to confirm
        or dismiss, the lots of the room held and an activity for the room's person in charge."""
        lot = self._lot(self.yoghurt, "HOT-1", self.now + timedelta(days=10))
        self._move(self.yoghurt, lot, 10, self.supplier_location, self.room, self.now - timedelta(hours=5))
        Excursion = self.env["alim.temperature.excursion"]
        with Form(self.env["alim.temperature.reading"].with_user(self.warehouse_user)) as form:
            form.location_id = self.room
            form.value = self.room.temp_max + 8
        excursion = Excursion.search([("location_id", "=", self.room.id)])
        self.assertEqual(len(excursion), 1)
        self.assertEqual((excursion.state, excursion.confirmed, excursion.peak), ("open", False, 12.0))
        self.assertEqual(excursion.lot_ids, lot)
        self.assertTrue(lot.alim_on_hold)
        activity = excursion.activity_ids
        self.assertEqual(activity.user_id, self.manager)  # the room's person in charge
        self.assertTrue(excursion.is_action_confirm_allowed and excursion.is_action_dismiss_allowed)
        excursion.with_user(self.warehouse_user).action_confirm()
        self.assertTrue(excursion.confirmed)
        with self.assertRaisesRegex(UserError, "cannot be dismissed"):
            excursion.with_user(self.manager).action_dismiss()

    def test_small_brief_rise_tolerated_and_false_alarm_dismissed(self):
        Excursion = self.env["alim.temperature.excursion"]
        Reading = self.env["alim.temperature.reading"].with_user(self.warehouse_user)
        Reading.create({"location_id": self.room.id, "value": 6.0})  # max + 2: a door opened
        self.assertFalse(Excursion.search([("location_id", "=", self.room.id)]))
        Reading.create({"location_id": self.room.id, "value": 31.0, "reading_at": self.now})
        excursion = Excursion.search([("location_id", "=", self.room.id)])
        self.assertEqual(len(excursion), 1)
        with self.assertRaisesRegex(UserError, "corrective action"):
            excursion.with_user(self.manager).action_dismiss()
        excursion.with_user(self.manager).action_reason = "Typing error: 3.1 °C, probe checked."
        with self.assertRaisesRegex(UserError, "Only a platform manager"):
            excursion.with_user(self.warehouse_user).action_dismiss()
        excursion.with_user(self.manager).action_dismiss()
        self.assertEqual(excursion.state, "dismissed")
        self.assertFalse(excursion.activity_ids)
