from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from odoo.addons.gesmip_network.tests.common import GesmipNetworkCommon


@tagged("post_install", "-at_install")
class TestSupportProgramme(GesmipNetworkCommon):
    def test_programme_needs_sessions_progress(self):
        today = fields.Date.today()
        programme = (
            self.env["gesmip.support.programme"]
            .with_user(self.coordinator)
            .create(
                {
                    "name": "Two groceries for a year",
                    "date_start": today,
                    "date_end": today + timedelta(days=365),
                    "grocery_ids": [(6, 0, (self.grocery_a | self.grocery_b).ids)],
                    "need_ids": [
                        (
                            0,
                            0,
                            {"grocery_id": self.grocery_a.id, "need_type": "fresh_supply", "progress": 50},
                        ),
                        (0, 0, {"grocery_id": self.grocery_b.id, "need_type": "skills", "progress": 10}),
                    ],
                }
            )
        )
        self.assertAlmostEqual(programme.progress, 30.0)
        now = fields.Datetime.now()
        Event = self.env["event.event"].with_user(self.coordinator)
        Event.create(
            {
                "name": "Session 1",
                "is_network_event": True,
                "support_programme_id": programme.id,
                "date_begin": now - timedelta(days=2),
                "date_end": now - timedelta(days=2) + timedelta(hours=3),
            }
        )
        Event.create(
            {
                "name": "Session 2",
                "is_network_event": True,
                "support_programme_id": programme.id,
                "date_begin": now + timedelta(days=30),
                "date_end": now + timedelta(days=30, hours=3),
            }
        )
        programme.invalidate_recordset()
        self.assertEqual(programme.session_count, 2)
        self.assertEqual(programme.session_done_count, 1)
        self.assertEqual(programme.grocery_count, 2)
        action = programme.action_view_sessions()
        self.assertEqual(action["domain"], [("support_programme_id", "=", programme.id)])

        other = self.env["res.partner"].create({"name": "Outsider", "is_grocery": True})
        with self.assertRaisesRegex(ValidationError, "not one of the groceries"), self.env.cr.savepoint():
            programme.write({"need_ids": [(0, 0, {"grocery_id": other.id, "need_type": "skills"})]})
        with self.assertRaisesRegex(ValidationError, "between 0 and 100"), self.env.cr.savepoint():
            programme.need_ids[0].progress = 150
        with self.assertRaisesRegex(ValidationError, "cannot end before"), self.env.cr.savepoint():
            programme.date_end = today - timedelta(days=1)

        with self.assertRaises(AccessError):
            programme.with_user(self.platform_user).write({"name": "Changed"})
        self.assertEqual(programme.with_user(self.platform_user).name, "Two groceries for a year")
        with self.assertRaises(AccessError):
            programme.with_user(self.portal_a).read(["name"])

    def test_partner_platform(self):
        platform = (
            self.env["res.partner"]
            .with_user(self.coordinator)
            .with_context(default_is_partner_platform=True, default_is_company=True)
            .create({"name": "Plateforme Rhône-Alpes", "platform_region": "Auvergne-Rhône-Alpes"})
        )
        contact = (
            self.env["res.partner"]
            .with_user(self.coordinator)
            .create({"name": "Jean Contact", "parent_id": platform.id})
        )
        self.assertTrue(platform.is_partner_platform)
        self.assertIn(contact, platform.child_ids)
        platforms = (
            self.env["res.partner"].with_user(self.platform_user).search([("is_partner_platform", "=", True)])
        )
        self.assertEqual(platforms, platform)
