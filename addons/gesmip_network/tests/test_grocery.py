from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, tagged

from .common import GesmipNetworkCommon


@tagged("post_install", "-at_install")
class TestGrocery(GesmipNetworkCommon):
    def test_coordinator_creates_grocery(self):
        # The context of the "Épiceries membres" action.
        Partner = (
            self.env["res.partner"]
            .with_user(self.coordinator)
            .with_context(default_is_grocery=True, default_is_company=True)
        )
        with Form(Partner, view="gesmip_network.res_partner_view_form_grocery") as form:
            form.name = "Épicerie solidaire de Muret"
            form.grocery_kind = "solidaire"
            form.households_count = 75
            form.people_count = 190
            form.department_id = self.department
        grocery = form.record
        self.assertTrue(grocery.is_grocery)
        self.assertTrue(grocery.is_company)
        self.assertEqual(grocery.grocery_status, "project")
        self.assertTrue(grocery.grocery_status_since)
        self.assertIn(grocery, self.department.grocery_ids)

    def test_status_change_is_tracked(self):
        # The set-up created the groceries in this same transaction, and mail does not track
        # records in the transaction that creates them: end it as a commit would.
        self.env.cr.precommit.run()
        # BaseCommon disables tracking for speed: this test wants it back.
        grocery = self.grocery_a.with_user(self.coordinator).with_context(
            tracking_disable=False, mail_notrack=False
        )
        # The groceries were created untracked in setUpClass: mail.thread marked them "not to
        # track" until the next precommit. Run it so that the change below is tracked.
        self.env.cr.precommit.run()
        grocery.grocery_status = "suspended"
        self.env.cr.precommit.run()
        # Tracking values are readable by administrators only: look as superuser.
        tracked = (
            self.env["mail.tracking.value"]
            .sudo()
            .search(
                [
                    ("field_id.name", "=", "grocery_status"),
                    ("mail_message_id.model", "=", "res.partner"),
                    ("mail_message_id.res_id", "=", grocery.id),
                ]
            )
        )
        self.assertTrue(tracked)

    def test_negative_households_refused(self):
        with self.assertRaisesRegex(ValidationError, "cannot be negative"), self.env.cr.savepoint():
            self.grocery_a.with_user(self.coordinator).households_count = -5
        with self.assertRaisesRegex(ValidationError, "cannot be negative"):
            self.env["res.partner"].with_user(self.coordinator).create(
                {"name": "Bad", "is_grocery": True, "people_count": -1}
            )
        self.grocery_a.invalidate_recordset()
        self.assertEqual(self.grocery_a.households_count, 120)

    def test_platform_user_cannot_edit_network_data(self):
        grocery = self.grocery_a.with_user(self.platform_user)
        self.assertEqual(grocery.households_count, 120)  # can read
        with self.assertRaisesRegex(AccessError, "network coordinator"):
            grocery.households_count = 10
        with self.assertRaises(AccessError):
            self.env["res.partner"].with_user(self.platform_user).create(
                {"name": "Épicerie pirate", "is_grocery": True}
            )
        # An ordinary contact stays editable for them.
        contact = self.env["res.partner"].with_user(self.platform_user).create({"name": "Livreur"})
        contact.phone = "0561000000"

    def test_portal_user_reads_own_grocery_only(self):
        own = self.grocery_a.with_user(self.portal_a)
        self.assertEqual(own.name, "Épicerie A")
        other = self.grocery_b.with_user(self.portal_a)
        with self.assertRaises(AccessError):
            other.check_access("read")
        with self.assertRaises(AccessError):
            other.read(["households_count"])
        visible = self.env["res.partner"].with_user(self.portal_a).search([("is_grocery", "=", True)])
        self.assertEqual(visible, self.grocery_a)

    def test_portal_user_cannot_write_grocery(self):
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            self.grocery_a.with_user(self.portal_a).write({"households_count": 999})
        self.grocery_a.invalidate_recordset()
        self.assertEqual(self.grocery_a.households_count, 120)
