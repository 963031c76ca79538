from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from .common_donation import DonationCommon


@tagged("post_install", "-at_install")
class TestAlimDonationReceipt(DonationCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Receipt = cls.env["alim.donation.receipt"].with_user(cls.user)
        cls.year = fields.Date.context_today(cls.Receipt).year

    def _receipt_for(self, picking):
        action = picking.with_user(self.user).action_alim_create_donation_receipt()
        return self.Receipt.browse(action["res_id"])

    def test_per_donation_receipt_lines(self):
        picking = self._reception(
            self.donor,
            [
                (self.yogurt, 10, 8.0, [("YO-1", 10, self.in_date, self.chilled)]),
                (self.apples, 3, 9.0, [(False, 3, False, self.dry)]),
            ],
        )
        receipt = self._receipt_for(picking)
        self.assertEqual(receipt.state, "draft")
        self.assertFalse(receipt.name)
        self.assertEqual(picking.alim_donation_receipt_id, receipt)
        self.assertEqual(receipt.donor_form, "cerfa_16216")
        self.assertEqual(len(receipt.line_ids), 2)
        yogurt_line = receipt.line_ids.filtered(lambda line: line.product_id == self.yogurt)
        self.assertEqual((yogurt_line.quantity, yogurt_line.weight_kg, yogurt_line.value), (10, 5.0, 8.0))
        self.assertEqual(yogurt_line.lot_names, "YO-1")
        self.assertEqual((receipt.weight_kg, receipt.amount_total), (35.0, 17.0))
        receipt.action_issue()
        self.assertEqual(receipt.state, "issued")
        self.assertRegex(receipt.name, rf"^RD/{self.year}/\d{{5}}$")
        self.assertEqual(receipt.date, fields.Date.context_today(receipt))

    def test_yearly_receipt_groups_exactly_the_year(self):
        first = self._simple_donation(self.donor)
        second = self._simple_donation(self.donor, 4, 5.0)
        last_year = self._simple_donation(self.donor)
        last_year.date_done = fields.Datetime.now().replace(year=self.year - 1)
        already = self._simple_donation(self.donor)
        self._receipt_for(already)
        self._simple_donation(self.donor2)
        self._reception(self.donor, [(self.apples, 2, 0.0, [(False, 2, False, self.dry)])], "purchase")
        self._draft_reception(self.donor, [(self.apples, 2, 0.0, [(False, 2, False, self.dry)])])
        receipt = self.Receipt.create_yearly(self.donor, self.year)
        self.assertEqual(receipt.picking_ids, first | second)
        self.assertEqual(receipt.grouping, "yearly")
        self.assertEqual(receipt.weight_kg, 140.0)
        self.assertEqual(receipt.amount_total, 25.0)
        with self.assertRaisesRegex(UserError, "no validated donation"):
            self.Receipt.create_yearly(self.donor, self.year)
        last = self.Receipt.create_yearly(self.donor, self.year - 1)
        self.assertEqual(last.picking_ids, last_year)

    def test_numbering_without_gap_cancel_does_not_reuse(self):
        receipts = self.Receipt
        for _i in range(3):
            receipts |= self._receipt_for(self._simple_donation(self.donor))
        receipts.action_issue()
        numbers = [int(r.name.rsplit("/", 1)[1]) for r in receipts]
        self.assertEqual(numbers, list(range(numbers[0], numbers[0] + 3)))
        self.assertEqual(len(set(receipts.mapped("name"))), 3)
        receipts[1].action_cancel()
        action = receipts[1].action_replace()
        replacement = self.Receipt.browse(action["res_id"])
        self.assertEqual(receipts[1].replaced_by_id, replacement)
        self.assertEqual(replacement.replaces_id, receipts[1])
        self.assertEqual(replacement.picking_ids, receipts[1].picking_ids)
        self.assertEqual(len(replacement.line_ids), 1)
        replacement.action_issue()
        self.assertEqual(int(replacement.name.rsplit("/", 1)[1]), numbers[0] + 3)
        self.assertEqual(receipts[1].state, "cancelled")
        self.assertTrue(receipts[1].name)
        # The next one follows without gap.
        other = self._receipt_for(self._simple_donation(self.donor2))
        other.action_issue()
        self.assertEqual(int(other.name.rsplit("/", 1)[1]), numbers[0] + 4)

    def test_transitions(self):
        receipt = self._receipt_for(self._simple_donation(self.donor))
        self.assertTrue(receipt.is_action_issue_allowed and receipt.is_action_cancel_allowed)
        self.assertFalse(receipt.is_action_replace_allowed)
        with self.assertRaisesRegex(UserError, 'is "Draft": this is only possible when it is Cancelled.'):
            receipt.action_replace()
        receipt.action_issue()
        self.assertFalse(receipt.is_action_issue_allowed)
        with self.assertRaisesRegex(UserError, 'is already "Issued"'):
            receipt.action_issue()
        with self.assertRaisesRegex(UserError, "Only a draft receipt can be rebuilt"):
            receipt.action_compute_lines()
        receipt.action_cancel()
        self.assertFalse(receipt.is_action_cancel_allowed)
        with self.assertRaisesRegex(UserError, 'is already "Cancelled"'):
            receipt.action_cancel()
        receipt.action_replace()
        self.assertFalse(receipt.is_action_replace_allowed)
        with self.assertRaisesRegex(UserError, "Only a cancelled receipt not yet replaced"):
            receipt.action_replace()
        empty = self.Receipt.create({"partner_id": self.donor.id})
        self.assertFalse(empty.is_action_issue_allowed)
        with self.assertRaisesRegex(UserError, "Only a draft receipt with goods"):
            empty.action_issue()

    def test_issued_receipt_is_immutable(self):
        receipt = self._receipt_for(self._simple_donation(self.donor))
        receipt.action_issue()
        name = receipt.name
        with self.assertRaisesRegex(UserError, "cannot be changed"), self.env.cr.savepoint():
            receipt.write({"partner_id": self.donor2.id})
        with self.assertRaisesRegex(UserError, "cannot be changed"), self.env.cr.savepoint():
            receipt.line_ids.write({"value": 999})
        with self.assertRaisesRegex(UserError, "cannot be changed"), self.env.cr.savepoint():
            receipt.write({"line_ids": [fields.Command.create({"product_id": self.apples.id, "name": "x"})]})
        with self.assertRaisesRegex(UserError, "cannot be deleted"), self.env.cr.savepoint():
            receipt.unlink()
        with self.assertRaisesRegex(UserError, "cannot be changed"), self.env.cr.savepoint():
            receipt.line_ids.unlink()
        self.assertEqual((receipt.name, receipt.partner_id, receipt.amount_total), (name, self.donor, 20.0))
        receipt.action_cancel()
        with self.assertRaisesRegex(UserError, "cannot be deleted"), self.env.cr.savepoint():
            receipt.unlink()
        draft = self._receipt_for(self._simple_donation(self.donor))
        draft.unlink()
        self.assertFalse(draft.exists())

    def test_issued_number_date_and_state_are_immutable_for_the_administrator_too(self):
        """The number, the date and the state of an issued receipt are the register's: neither
        the administrator nor the superuser rewrites them (a correction is a cancellation and
        a replacement); only the cancellation moves its state."""
        receipt = self._receipt_for(self._simple_donation(self.donor))
        receipt.action_issue()
        number, day = receipt.name, receipt.date
        admin = self.env.ref("base.user_admin")
        for env_receipt in (receipt.with_user(admin), receipt.sudo()):
            for vals in (
                {"name": "RF-2020-00001"},
                {"date": "2020-01-01"},
                {"state": "draft"},
                {"state": "issued", "name": "RF-2020-00002"},
            ):
                with self.subTest(user=env_receipt.env.user.login, vals=vals):
                    with self.assertRaisesRegex(UserError, "cannot be changed"), self.env.cr.savepoint():
                        env_receipt.write(vals)
        self.assertEqual((receipt.name, receipt.date, receipt.state), (number, day, "issued"))
        receipt.with_user(admin).action_cancel()
        self.assertEqual((receipt.name, receipt.date, receipt.state), (number, day, "cancelled"))
        with self.assertRaisesRegex(UserError, "cannot be changed"), self.env.cr.savepoint():
            receipt.sudo().write({"state": "issued"})

    def test_reception_on_one_valid_receipt_only(self):
        picking = self._simple_donation(self.donor)
        receipt = self._receipt_for(picking)
        with self.assertRaisesRegex(ValidationError, "already on the receipt"), self.env.cr.savepoint():
            self.Receipt.create(
                {"partner_id": self.donor.id, "picking_ids": [fields.Command.set(picking.ids)]}
            )
        receipt.action_issue()
        with self.assertRaisesRegex(ValidationError, "already on the receipt"), self.env.cr.savepoint():
            self.Receipt.create(
                {"partner_id": self.donor.id, "picking_ids": [fields.Command.set(picking.ids)]}
            )
        other = self._simple_donation(self.donor2)
        with self.assertRaisesRegex(ValidationError, "another donor"), self.env.cr.savepoint():
            self.Receipt.create({"partner_id": self.donor.id, "picking_ids": [fields.Command.set(other.ids)]})
        purchase = self._reception(
            self.donor, [(self.apples, 2, 0.0, [(False, 2, False, self.dry)])], "purchase"
        )
        with self.assertRaisesRegex(ValidationError, "not a validated donation"), self.env.cr.savepoint():
            self.Receipt.create(
                {"partner_id": self.donor.id, "picking_ids": [fields.Command.set(purchase.ids)]}
            )
        receipt.action_cancel()
        again = self.Receipt.create(
            {"partner_id": self.donor.id, "picking_ids": [fields.Command.set(picking.ids)]}
        )
        self.assertEqual(picking.alim_donation_receipt_id, again)

    def test_pdf_renders_donor_association_goods(self):
        picking = self._reception(
            self.donor, [(self.yogurt, 10, 8.0, [("YO-1", 10, self.in_date, self.chilled)])]
        )
        receipt = self._receipt_for(picking)
        receipt.action_issue()
        Report = self.env["ir.actions.report"].with_user(self.user)
        html = Report._render_qweb_html("alim_donation.alim_donation_receipt_report", receipt.ids)[0].decode()
        for text in ("16216*02", receipt.name, "Hyper Sud", self.env.company.name, "Yogurt", "5.000"):
            self.assertIn(text, html)
        pdf, kind = Report.with_context(force_report_rendering=True)._render_qweb_pdf(
            "alim_donation.alim_donation_receipt_report", receipt.ids
        )
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
        individual = self.env["res.partner"].create({"name": "Jeanne Martin", "donor_kind": "individual"})
        gift = self._receipt_for(self._simple_donation(individual))
        self.assertEqual(gift.donor_form, "cerfa_11580")
        html = Report._render_qweb_html("alim_donation.alim_donation_receipt_report", gift.ids)[0].decode()
        self.assertIn("11580*05", html)
        self.assertIn("Jeanne Martin", html)

    def test_send_by_email_from_chatter(self):
        receipt = self._receipt_for(self._simple_donation(self.donor))
        receipt.action_issue()
        action = receipt.action_send_email()
        composer = (
            self.env[action["res_model"]]
            .with_user(self.user)
            .with_context(action["context"], tracking_disable=False, mail_notrack=False)
            .create({})
        )
        self.assertIn(receipt.name, composer.subject)
        composer._action_send_mail()
        message = receipt.message_ids[0]
        self.assertIn(self.donor, message.partner_ids)
        self.assertEqual(len(message.attachment_ids), 1)
        self.assertIn(receipt.name.replace("/", "_"), message.attachment_ids.name.replace("/", "_"))

    def test_portal_donor_sees_only_own_issued(self):
        portal = new_test_user(self.env, login="test_donor_portal", groups="base.group_portal")
        portal.partner_id.parent_id = self.donor
        mine = self._receipt_for(self._simple_donation(self.donor))
        mine.action_issue()
        draft = self._receipt_for(self._simple_donation(self.donor))
        theirs = self._receipt_for(self._simple_donation(self.donor2))
        theirs.action_issue()
        Receipt = self.env["alim.donation.receipt"].with_user(portal)
        self.assertEqual(Receipt.search([]), mine)
        with self.assertRaises(AccessError):
            theirs.with_user(portal).check_access("read")
        with self.assertRaises(AccessError):
            draft.with_user(portal).check_access("read")
        with self.assertRaises(AccessError):
            mine.with_user(portal).write({"year": 2000})
        self.assertEqual(mine.with_user(portal).line_ids.product_id, self.apples)
