"""The monthly figures a grocery owes the network: one per grocery and month, declared by the
grocery through the model's checked method only, corrected by coordinators in the chatter,
the latest declared month giving the households used, the reminder mailed once a month."""

from psycopg2 import IntegrityError

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from ..lib.declaration import previous_month
from .common import GesmipNetworkCommon


@tagged("post_install", "-at_install")
class TestGroceryDeclaration(GesmipNetworkCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.today = fields.Date.context_today(cls.env["gesmip.grocery.declaration"])
        cls.last_month = previous_month(cls.today)
        cls.month_before = previous_month(cls.last_month)
        cls.Declaration = cls.env["gesmip.grocery.declaration"]
        cls.portal_a.partner_id.email = "a@example.org"
        cls.portal_b.partner_id.email = "b@example.org"

    def _declare(self, user, month, households="120", people="300", days="8", kg=""):
        return self.Declaration.with_user(user)._portal_declare(
            {
                "month": month.strftime("%Y-%m"),
                "households_count": households,
                "people_count": people,
                "distribution_days": days,
                "kg_distributed": kg,
            }
        )

    def test_grocery_declares_its_own_month_once(self):
        declaration = self._declare(self.portal_a, self.last_month, kg="1250,5")
        self.assertEqual(declaration.grocery_id, self.grocery_a)
        self.assertEqual(declaration.state, "declared")
        self.assertEqual(declaration.declared_by_id, self.portal_a)
        self.assertEqual(
            (declaration.households_count, declaration.people_count, declaration.kg_distributed),
            (120, 300, 1250.5),
        )
        with self.assertRaisesRegex(UserError, "already declared"):
            self._declare(self.portal_a, self.last_month, households="999")
        self.assertEqual(declaration.households_count, 120)
        with self.assertRaisesRegex(UserError, "older than a year"):
            self._declare(self.portal_a, self.last_month.replace(year=self.last_month.year - 2))
        # this month has not ended
        with self.assertRaisesRegex(ValidationError, "once the month has ended"):
            self._declare(self.portal_a, self.today)
        # the other grocery does not see it
        with self.assertRaises(AccessError):
            declaration.with_user(self.portal_b).read(["households_count"])
        self.assertFalse(self.Declaration.with_user(self.portal_b).search([]))

    def test_bad_figures_refused_nothing_written(self):
        with self.assertRaisesRegex(UserError, "cannot be negative.*whole number"):
            self._declare(self.portal_a, self.last_month, households="-3", people="abc")
        with self.assertRaisesRegex(UserError, "at least one person"):
            self._declare(self.portal_a, self.last_month, households="12", people="5")
        self.assertFalse(self.Declaration.search([("grocery_id", "=", self.grocery_a.id)]))

    @mute_logger("odoo.addons.base.models.ir_rule", "odoo.models")
    def test_portal_user_writes_only_through_the_checked_method(self):
        values = {"grocery_id": self.grocery_a.id, "month": self.last_month, "households_count": 1}
        with self.assertRaises(AccessError):
            self.Declaration.with_user(self.portal_a).create(values)
        declaration = self._declare(self.portal_a, self.month_before)
        with self.assertRaises(AccessError):
            declaration.with_user(self.portal_a).write({"households_count": 999})
        with self.assertRaises(AccessError):
            self.Declaration.with_user(self.platform_user).create(values)

    def test_one_declaration_per_grocery_and_month(self):
        Declaration = self.Declaration.with_user(self.coordinator)
        Declaration.create({"grocery_id": self.grocery_a.id, "month": self.last_month})
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"), self.env.cr.savepoint():
            # the 15th is the same month: stored as its first day
            Declaration.create({"grocery_id": self.grocery_a.id, "month": self.last_month.replace(day=15)})

    def test_coordinator_correction_is_tracked(self):
        declaration = self._declare(self.portal_a, self.last_month)
        # the test base turns tracking off: on here, as in the application
        declaration.with_user(self.coordinator).with_context(
            tracking_disable=False, mail_notrack=False
        ).write({"households_count": 125})
        self.env.cr.precommit.run()  # tracking is written when the transaction commits
        tracking = declaration.sudo().message_ids.tracking_value_ids.filtered(
            lambda value: value.field_id.name == "households_count"
        )
        self.assertEqual((tracking.old_value_integer, tracking.new_value_integer), (120, 125))
        self.assertEqual(tracking.mail_message_id.author_id, self.coordinator.partner_id)

    def test_households_used_follow_the_latest_declared_month(self):
        self.assertEqual(self.grocery_a.grocery_households_used, 120)  # its form, none declared
        self._declare(self.portal_a, self.month_before, households="90", people="200")
        self.grocery_a.invalidate_recordset()
        self.assertEqual(self.grocery_a.grocery_households_used, 90)
        self._declare(self.portal_a, self.last_month, households="150", people="400")
        self.grocery_a.invalidate_recordset()
        self.assertEqual(self.grocery_a.grocery_households_used, 150)
        self.assertEqual(self.grocery_a.grocery_declared_month, self.last_month)
        # the past is kept, month by month; the form's figure is untouched
        history = self.Declaration.search([("grocery_id", "=", self.grocery_a.id)])
        self.assertEqual(history.mapped("households_count"), [150, 90])
        self.assertEqual(self.grocery_a.households_count, 120)
        # a draft (reminded, not declared) does not count
        self.Declaration.create(
            {
                "grocery_id": self.grocery_b.id,
                "month": self.last_month,
                "households_count": 5,
                "people_count": 12,
            }
        )
        self.assertEqual(self.grocery_b.grocery_households_used, 40)

    def test_not_declared_filter(self):
        self._declare(self.portal_a, self.last_month)
        Partner = self.env["res.partner"].with_user(self.coordinator)
        late = Partner.search([("grocery_declaration_late", "=", True)])
        self.assertIn(self.grocery_b, late)
        self.assertNotIn(self.grocery_a, late)
        self.assertIn(self.grocery_a, Partner.search([("grocery_declaration_late", "=", False)]))
        self.assertTrue(self.grocery_b.with_user(self.coordinator).grocery_declaration_late)
        # a grocery that takes no part in the supply owes nothing
        self.grocery_b.sudo().grocery_status = "suspended"
        self.assertNotIn(self.grocery_b, Partner.search([("grocery_declaration_late", "=", True)]))

    def test_reminder_mailed_once_a_month(self):
        self._declare(self.portal_a, self.last_month)
        Mail = self.env["mail.mail"].sudo()
        before = Mail.search([]).ids
        self.Declaration._cron_remind()
        self.Declaration._cron_remind()  # twice: the cron is run again, by hand or after a restart
        mails = Mail.search([("id", "not in", before)])
        self.assertEqual(len(mails), 1)
        self.assertEqual(mails.recipient_ids, self.portal_b.partner_id)
        self.assertIn("/my/declarations", mails.body_html)
        draft = self.Declaration.search(
            [("grocery_id", "=", self.grocery_b.id), ("month", "=", self.last_month)]
        )
        self.assertEqual((draft.state, draft.reminded_on), ("draft", self.today))
        self.assertFalse(
            self.Declaration.search([("grocery_id", "=", self.grocery_a.id), ("state", "=", "draft")])
        )
        # the grocery declares on the draft the reminder made
        declaration = self._declare(self.portal_b, self.last_month, households="41", people="90")
        self.assertEqual(declaration, draft)
        self.assertEqual(draft.state, "declared")

    def test_staff_declare_on_behalf(self):
        declaration = self.Declaration.with_user(self.coordinator).create(
            {
                "grocery_id": self.grocery_b.id,
                "month": self.last_month,
                "households_count": 40,
                "people_count": 95,
            }
        )
        declaration.with_user(self.coordinator).action_declare()
        self.assertEqual((declaration.state, declaration.declared_by_id), ("declared", self.coordinator))
        with self.assertRaisesRegex(UserError, "already"):
            declaration.with_user(self.coordinator).action_declare()
