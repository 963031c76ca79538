from datetime import timedelta

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import ColdChainCommon


@tagged("post_install", "-at_install")
class TestExcursionDetectionBackground(ColdChainCommon):
    """After the import of a long data logger file, the excursions are looked for in the
    background a month at a time (gesmip.background.mixin)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["ir.config_parameter"].set_param("gesmip.job_batch_seconds", "0")  # a month per call
        cls.cron = cls.env.ref("alim_coldchain.alim_excursion_detection_job_cron")
        start = cls.now - timedelta(days=89)
        cls.start = start
        # hourly readings over 90 days: a 3-hour excursion in the first month, and one of three
        # days across the end of the first month (read in two batches, recorded once)
        cls.short = (start + timedelta(days=10), start + timedelta(days=10, hours=3))
        cls.long = (start + timedelta(days=28), start + timedelta(days=31))
        cls.rows = []
        when = start
        while when <= cls.now:
            high = any(a <= when < b for a, b in (cls.short, cls.long))
            cls.rows.append((when, 9.0 if high else 2.5))
            when += timedelta(hours=1)

    def _import_in_background(self):
        wizard = (
            self.env["alim.temperature.import"]
            .with_user(self.warehouse_user)
            .with_context(gesmip_job_mode="background")
            .create({"location_id": self.room.id, "file": self._csv(self.rows), "tz": "UTC"})
        )
        wizard.action_import()
        return wizard

    def _excursions(self):
        return self.env["alim.temperature.excursion"].search([("location_id", "=", self.room.id)])

    def test_long_import_detects_in_background(self):
        wizard = self._import_in_background()
        detection = wizard.detection_id
        # the import returned with the readings in and the detection queued
        self.assertEqual(wizard.imported_count, len(self.rows))
        self.assertEqual(wizard.detection_state, "queued")
        self.assertEqual((detection.job_done, detection.job_total), (0, 3))
        self.assertEqual(detection.job_label, "Excursion detection")
        self.assertFalse(self._excursions())
        # a second import into the room waits for it
        with self.assertRaisesRegex(UserError, "Excursion detection is already under way"):
            self._import_in_background()
        self.cron.method_direct_trigger()
        self.assertEqual((detection.job_state, detection.job_done), ("running", 1))
        first = self._excursions()
        self.assertEqual(first.mapped("date_start"), [self.long[0], self.short[0]])
        self.assertTrue(first.filtered(lambda e: e.date_start == self.long[0]).ongoing)
        self.cron.method_direct_trigger()
        self.cron.method_direct_trigger()
        self.assertEqual((detection.job_state, detection.job_done), ("done", 3))
        excursions = self._excursions()
        self.assertEqual(len(excursions), 2)
        self.assertEqual(detection.excursion_ids, excursions)
        long = excursions.filtered(lambda e: e.date_start == self.long[0])
        self.assertFalse(long.ongoing)
        self.assertEqual(long.date_end, self.long[1])

    def test_short_import_detects_at_once(self):
        rows = [row for row in self.rows if row[0] >= self.now - timedelta(days=20)]
        wizard = self._import(self.warehouse_user, self.room, rows)
        self.assertEqual(wizard.detection_id.job_state, "done")
        self.assertEqual(wizard.excursion_count, 0)

    def test_failure_then_retry(self):
        wizard = self._import_in_background()
        detection = wizard.detection_id
        self.cron.method_direct_trigger()
        self.assertEqual(len(self._excursions()), 2)
        # the user who launched it loses access to the cold chain: the next month fails
        group = self.env.ref("alim_food.alim_food_group_warehouse")
        group.users -= self.warehouse_user
        self.cron.method_direct_trigger()
        self.assertEqual(detection.job_state, "failed")
        self.assertIn("not allowed", detection.job_message)
        self.assertEqual(detection.job_done, 1)
        # the failed month was undone: the long excursion is still the one of the first month
        self.assertTrue(self._excursions().filtered(lambda e: e.date_start == self.long[0]).ongoing)
        group.users |= self.warehouse_user
        detection.with_user(self.warehouse_user).with_context(gesmip_job_mode="background").action_job_retry()
        self.assertEqual((detection.job_state, detection.job_done, detection.job_total), ("queued", 0, 3))
        for _call in range(3):
            self.cron.method_direct_trigger()
        self.assertEqual(detection.job_state, "done")
        self.assertEqual(len(self._excursions()), 2)
