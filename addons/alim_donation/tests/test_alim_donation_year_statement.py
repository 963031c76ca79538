from odoo import fields
from odoo.tests import new_test_user, tagged

from .common_donation import DonationCommon


@tagged("post_install", "-at_install")
class TestAlimDonationYearStatement(DonationCommon):
    """The yearly figures the treasurer sends: receipts issued (art. 222 bis CGI) and the goods
    of each donor company."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.treasurer = new_test_user(
            cls.env,
            login="test_treasurer_year",
            groups="alim_food.alim_food_group_warehouse,account.group_account_invoice",
        )
        cls.year = fields.Date.context_today(cls.env["res.users"]).year
        cls.person = cls.env["res.partner"].create(
            {
                "name": "Jeanne Martin",
                "donor_kind": "individual",
                "street": "3 rue",
                "zip": "81000",
                "city": "Albi",
            }
        )
        Receipt = cls.env["alim.donation.receipt"].with_user(cls.treasurer)
        cls.company_gift = cls._simple_donation(cls.donor, 10, 120.0)
        cls.person_gift = cls._simple_donation(cls.person, 2, 30.0)
        cls.other_gift = cls._simple_donation(cls.donor2, 5, 55.0)
        cls.receipts = Receipt
        for picking in (cls.company_gift, cls.person_gift, cls.other_gift):
            cls.receipts |= Receipt._create_for_pickings(picking.partner_id, picking)
        cls.receipts.action_issue()
        # Cancelled and replaced: counted once.
        cls.receipts[2].action_cancel()
        replacement = Receipt.browse(cls.receipts[2].action_replace()["res_id"])
        replacement.action_issue()
        cls.Statement = cls.env["alim.donation.year.statement"].with_user(cls.treasurer)

    def test_receipts_issued_in_the_year(self):
        statement = self.Statement.create({"kind": "receipts", "year": self.year})
        rows, total = statement._receipt_figures()
        self.assertEqual((total["count"], total["amount"]), (3, 205.0))
        self.assertEqual(sorted((row["count"], row["amount"]) for row in rows), [(1, 30.0), (2, 175.0)])
        self.assertEqual(self.Statement.create({"year": self.year - 1})._receipt_figures()[1]["count"], 0)
        html = (
            self.env["ir.actions.report"]
            .with_user(self.treasurer)
            ._render_qweb_html("alim_donation.alim_donation_year_statement_receipts_report", statement.ids)[0]
            .decode()
        )
        self.assertIn("222 bis", html)
        self.assertIn("205.00", html)
        action = statement.action_open_lines()
        listed = self.env[action["res_model"]].with_user(self.treasurer).search(action["domain"])
        self.assertEqual(len(listed), 3)
        self.assertEqual(sum(listed.mapped("amount_total")), 205.0)

    def test_goods_per_donor_company(self):
        statement = self.Statement.create({"kind": "donor_goods", "year": self.year})
        by_donor = dict(statement._goods_by_donor())
        self.assertEqual(set(by_donor), {self.donor, self.donor2})  # the private person is not a company
        self.assertEqual(by_donor[self.donor].picking_id, self.company_gift)
        statement.partner_ids = self.donor
        self.assertEqual([d for d, _m in statement._goods_by_donor()], [self.donor])
        html = (
            self.env["ir.actions.report"]
            .with_user(self.treasurer)
            ._render_qweb_html("alim_donation.alim_donation_year_statement_goods_report", statement.ids)[0]
            .decode()
        )
        for text in ("Hyper Sud", "Apples (crate)", "552100554", "SAS", "120.00", self.receipts[0].name):
            self.assertIn(text, html)
        self.assertNotIn("Ferme Tarn", html)
        action = statement.action_open_lines()
        moves = self.env[action["res_model"]].with_user(self.treasurer).search(action["domain"])
        self.assertEqual(moves.picking_id, self.company_gift)
