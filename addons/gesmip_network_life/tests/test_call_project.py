from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from odoo.addons.gesmip_network.tests.common import GesmipNetworkCommon


@tagged("post_install", "-at_install")
class TestCallProject(GesmipNetworkCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.funder = cls.env["res.partner"].create({"name": "Fondation Solidarité"})
        cls.today = fields.Date.today()

    def _call(self, **vals):
        return (
            self.env["gesmip.call.project"]
            .with_user(self.coordinator)
            .create(
                {
                    "name": "Fresh food for all",
                    "funder_id": self.funder.id,
                    "deadline": self.today + timedelta(days=30),
                    "amount": 20000,
                    "reminder_days": 14,
                    **vals,
                }
            )
        )

    def test_pipeline_and_guards(self):
        call = self._call()
        self.assertEqual(call.state, "spotted")
        with self.assertRaisesRegex(UserError, 'cannot go from "Spotted" to "Won"'):
            call.action_win()
        call.action_share()
        self.assertEqual(call.state, "shared")
        with self.assertRaisesRegex(UserError, "at least one grocery applying"):
            call.action_apply()
        call.applicant_grocery_ids = self.grocery_a
        call.action_apply()
        with self.assertRaisesRegex(UserError, 'cannot go from "Groceries Applying" to "Shared"'):
            call.action_share()
        call.action_submit()
        self.assertEqual(call.state, "submitted")
        call.action_win()
        self.assertEqual(call.state, "won")
        self.assertEqual(call.amount_won, 20000)
        with self.assertRaisesRegex(UserError, 'cannot go from "Won" to "Lost"'):
            call.action_lose()
        call.action_reset()
        self.assertEqual(call.state, "spotted")
        with self.assertRaisesRegex(ValidationError, "cannot be negative"), self.env.cr.savepoint():
            call.amount = -1

    def test_reminder_before_deadline(self):
        call = self._call()
        late = self._call(name="Already won", state="won")
        Call = self.env["gesmip.call.project"].with_user(self.coordinator)
        # 20 days before the deadline: too early.
        self.assertFalse(Call._cron_deadline_reminders(today=self.today + timedelta(days=10)))
        self.assertFalse(call.activity_ids)
        # 14 days before: the responsible gets a to-do due on the deadline.
        reminded = Call._cron_deadline_reminders(today=self.today + timedelta(days=16))
        self.assertEqual(reminded, call)
        self.assertNotIn(late, reminded)
        activity = call.activity_ids
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.coordinator)
        self.assertEqual(activity.date_deadline, call.deadline)
        self.assertTrue(call.reminder_sent)
        # Only once.
        self.assertFalse(Call._cron_deadline_reminders(today=self.today + timedelta(days=17)))
        self.assertEqual(len(call.activity_ids), 1)

    def test_cron_job_runs(self):
        call = self._call(deadline=self.today + timedelta(days=3))
        self.env.ref("gesmip_network_life.gesmip_call_project_cron_reminder").method_direct_trigger()
        self.assertTrue(call.reminder_sent)
        self.assertTrue(call.activity_ids)

    def test_shared_with_eligible_groceries_only(self):
        for_all = self._call(name="For all")
        for_b = self._call(name="For B", eligible_grocery_ids=[(6, 0, self.grocery_b.ids)])
        spotted = self._call(name="Not yet shared")
        (for_all | for_b).action_share()
        seen_by_a = self.env["gesmip.call.project"].with_user(self.portal_a).search([])
        self.assertEqual(seen_by_a, for_all)
        seen_by_b = self.env["gesmip.call.project"].with_user(self.portal_b).search([])
        self.assertEqual(seen_by_b, for_all | for_b)
        self.assertNotIn(spotted, seen_by_b)
        self.assertEqual(for_all.with_user(self.portal_a).funder_name, "Fondation Solidarité")
        with self.assertRaises(AccessError):
            for_all.with_user(self.portal_a).write({"name": "Hacked"})

    def test_platform_user_cannot_edit(self):
        call = self._call()
        self.assertEqual(call.with_user(self.platform_user).name, "Fresh food for all")
        self.assertEqual(Form(call.with_user(self.platform_user)).state, "spotted")
        with self.assertRaises(AccessError):
            call.with_user(self.platform_user).action_share()
        with self.assertRaises(AccessError):
            self.env["gesmip.call.project"].with_user(self.platform_user).create(
                {"name": "x", "funder_id": self.funder.id, "deadline": self.today}
            )
