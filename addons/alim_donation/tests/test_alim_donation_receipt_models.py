from odoo.exceptions import UserError
from odoo.tests import new_test_user, tagged

from .common_donation import DONOR_COMPANY, DonationCommon

REPORT = "alim_donation.alim_donation_receipt_report"


@tagged("post_install", "-at_install")
class TestAlimDonationReceiptModels(DonationCommon):
    """The two official models, what each needs before it is issued, as the treasurer does it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("fr_FR")
        cls.env["ir.module.module"]._load_module_terms(["base", "alim_donation"], ["fr_FR"])
        cls.treasurer = new_test_user(
            cls.env,
            login="test_treasurer",
            groups="alim_food.alim_food_group_warehouse,account.group_account_invoice",
        )
        cls.Receipt = cls.env["alim.donation.receipt"].with_user(cls.treasurer)
        cls.person = cls.env["res.partner"].create(
            {
                "name": "Jeanne Martin",
                "donor_kind": "individual",
                "street": "3 rue des Lilas",
                "zip": "81000",
                "city": "Albi",
            }
        )

    def _draft(self, donor, value=35.5):
        picking = self._reception(donor, [(self.apples, 3, value, [(False, 3, False, self.dry)])])
        action = picking.with_user(self.treasurer).action_alim_create_donation_receipt()
        return self.Receipt.browse(action["res_id"])

    def _html(self, receipt):
        report = self.env["ir.actions.report"].with_user(self.treasurer)
        return report._render_qweb_html(REPORT, receipt.ids)[0].decode()

    def _assert_refused(self, receipt, pattern):
        with self.assertRaisesRegex(UserError, pattern):
            receipt.action_issue()
        self.assertEqual(receipt.state, "draft")
        self.assertFalse(receipt.name)

    def test_refused_without_beneficiary_siren_or_rna(self):
        receipt = self._draft(self.donor)
        self.env.company.alim_beneficiary_rna = False
        self._assert_refused(receipt, r"Missing: the beneficiary's SIREN or RNA number")
        self.env.company.alim_beneficiary_siren = "775 671 372"
        receipt.action_issue()
        self.assertEqual(receipt.state, "issued")

    def test_refused_for_company_donor_without_siren(self):
        receipt = self._draft(self.donor)
        self.donor.company_registry = False
        self._assert_refused(receipt, r"Hyper Sud cannot be issued yet\. Missing: the donor company's SIREN")
        self.donor.company_registry = "1234"
        self._assert_refused(receipt, r"the donor company's SIREN")
        self.donor.company_registry = DONOR_COMPANY["company_registry"]
        self.donor.donor_legal_form = False
        self._assert_refused(receipt, r"the donor company's legal form")

    def test_refused_with_a_line_valued_at_zero(self):
        picking = self._reception(
            self.donor,
            [
                (self.apples, 3, 12.0, [(False, 3, False, self.dry)]),
                (self.pasta, 4, 0.0, [("PA-1", 4, self.in_date, self.dry)]),
            ],
        )
        action = picking.with_user(self.treasurer).action_alim_create_donation_receipt()
        receipt = self.Receipt.browse(action["res_id"])
        self._assert_refused(receipt, r"a valuation above 0 for Pasta")

    def test_individual_gets_11580_with_articles_200_and_978_only(self):
        receipt = self._draft(self.person)
        self.assertEqual((receipt.donor_form, receipt.valuation_basis), ("cerfa_11580", "market_value"))
        receipt.action_issue()
        self.assertEqual(receipt.cerfa_version, "11580*05")
        self.assertEqual((receipt.signatory_name, receipt.signatory_role), ("Claire Fabre", "Trésorière"))
        html = self._html(receipt)
        for text in (
            "Cerfa n° <span>11580*05</span>",
            "Reçu des dons et versements effectués par les particuliers au titre des articles 200 et 978",
            "article 200 du code général des impôts",
            "Jeanne Martin",
            "Claire Fabre",
            "Trésorière",
            "W313000000",
            "Don en nature",
        ):
            self.assertIn(text, html)
        for text in ("238 bis", "16216", "entreprises", "Forme juridique"):
            self.assertNotIn(text, html)

    def test_company_gets_16216_with_article_238_bis_only(self):
        receipt = self._draft(self.donor)
        self.assertEqual((receipt.donor_form, receipt.valuation_basis), ("cerfa_16216", "cost_price"))
        receipt.action_issue()
        self.assertEqual(receipt.cerfa_version, "16216*02")
        html = self._html(receipt)
        for text in (
            "Cerfa n° <span>16216*02</span>",
            "Reçu des dons et versements effectués par les entreprises au titre de l'article 238 bis",
            "SAS",
            "552100554",
            "Coût de revient",
        ):
            self.assertIn(text, html)
        for text in ("article 200", "978", "11580", "particuliers"):
            self.assertNotIn(text, html)
        # Issued, it keeps its model whatever the donor becomes.
        self.donor.donor_tax_status = "individual"
        self.assertEqual((receipt.donor_form, receipt.valuation_basis), ("cerfa_16216", "cost_price"))
        self.assertIn("16216*02", self._html(receipt))

    def test_amount_in_french_words_and_figures(self):
        # receipts are in euros (the test database's company counts in dollars)
        euro = self.env.ref("base.EUR")
        euro.active = True
        self.env.company.currency_id = euro
        receipt = self._draft(self.donor, value=35.5)
        receipt.action_issue()
        self.assertEqual(receipt.amount_total_words, "trente-cinq euros et cinquante centimes")
        # Odoo's words said "zéro euros", "quatre-vingt euros" and "cents"
        for value, words in ((0.0, "zéro euro"), (1.0, "un euro"), (80.0, "quatre-vingts euros")):
            self.assertEqual(self._draft(self.donor, value=value).amount_total_words, words)
        html = self._html(receipt)
        self.assertIn(receipt.amount_total_words, html)
        self.assertIn("trente-cinq", html)
        self.assertIn("cinquante", html)
        self.assertIn("35,50", html)

    def test_public_programme_gets_no_receipt(self):
        programme = self.env["res.partner"].create(
            {"name": "FranceAgriMer FSE+", "is_company": True, "donor_kind": "public_programme"}
        )
        self.assertEqual(programme.donor_tax_status, "no_receipt")
        picking = self._reception(programme, [(self.apples, 3, 10.0, [(False, 3, False, self.dry)])])
        with self.assertRaisesRegex(UserError, "public programme or a partner platform"):
            picking.with_user(self.treasurer).action_alim_create_donation_receipt()
        draft = self.Receipt.create({"partner_id": programme.id})
        draft.line_ids = [(0, 0, {"product_id": self.apples.id, "name": "Apples", "value": 10.0})]
        with self.assertRaisesRegex(UserError, "public programme or a partner platform"):
            draft.action_issue()
        self.assertFalse(self.Receipt.search([("partner_id", "=", programme.id), ("state", "=", "issued")]))
