import base64
import html
import re
from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .common_donation import DonationCommon

AGREEMENT_REPORT = "alim_donation.alim_donation_agreement_report"
VOUCHER_REPORT = "alim_donation.stock_picking_pickup_voucher_report"
SCAN = base64.b64encode(b"%PDF-1.4\n% signed agreement\n")


def text_of(page):
    """The text a reader sees on a rendered page: no tags, entities decoded, spaces collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


@tagged("post_install", "-at_install")
class TestAlimDonationAgreement(DonationCommon):
    """The donation agreement as the treasurer keeps it, its pickup vouchers as the warehouse
    prints them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("fr_FR")
        cls.env["ir.module.module"]._load_module_terms(["base", "web", "uom", "alim_donation"], ["fr_FR"])
        cls.treasurer = new_test_user(
            cls.env,
            login="test_agreement_treasurer",
            groups="alim_food.alim_food_group_warehouse,account.group_account_manager",
            lang="fr_FR",
        )
        cls.manager = new_test_user(
            cls.env, login="test_agreement_manager", groups="alim_food.alim_food_group_manager"
        )
        cls.Agreement = cls.env["alim.donation.agreement"].with_user(cls.treasurer).with_context(lang="fr_FR")
        cls.today = fields.Date.context_today(cls.env["alim.donation.agreement"].with_user(cls.user))

    def _agreement(self, donor=None, start=None, end=None, **vals):
        return self.Agreement.create(
            {
                "partner_id": (donor or self.donor).id,
                "date_start": start or self.today - timedelta(days=10),
                "date_end": end or self.today + timedelta(days=10),
                "donor_signatory_name": "Julien Moreau",
                "donor_signatory_role": "Directeur du magasin",
                **vals,
            }
        )

    def _signed(self, **kwargs):
        agreement = self._agreement(**kwargs)
        agreement.write({"signed_document": SCAN, "signed_document_name": "convention.pdf"})
        agreement.action_sign()
        return agreement

    def test_cannot_sign_without_the_signed_document(self):
        agreement = self._agreement()
        self.assertTrue(agreement.name.startswith(f"CD/{agreement.date_start.year}/"))
        older = self._agreement(start="2021-03-01", end="2022-02-28")
        self.assertTrue(older.name.startswith("CD/2021/"))
        self.assertIn("48 heures", agreement.clause_sorting)
        self.assertFalse(agreement.is_action_sign_allowed)
        with self.assertRaisesRegex(UserError, "Joignez la copie numérisée de la convention signée"):
            agreement.action_sign()
        self.assertEqual(agreement.state, "draft")
        self.assertFalse(agreement.date_signature)

        agreement.write({"signed_document": SCAN, "signed_document_name": "convention.pdf"})
        self.assertTrue(agreement.is_action_sign_allowed)
        agreement.action_sign()
        self.assertEqual((agreement.state, agreement.date_signature), ("signed", self.today))

    def test_signed_agreement_cannot_change_but_can_end(self):
        agreement = self._signed()
        clause = agreement.clause_refusal
        for vals in (
            {"clause_refusal": "Aucun refus possible."},
            {"partner_id": self.donor2.id},
            {"date_end": self.today + timedelta(days=400)},
            {"signed_document": False},
        ):
            with self.assertRaisesRegex(UserError, "ne peuvent plus être modifiées"):
                agreement.write(vals)
        agreement.invalidate_recordset()
        self.assertEqual(agreement.clause_refusal, clause)
        self.assertEqual(agreement.partner_id, self.donor)
        self.assertEqual(agreement.date_end, self.today + timedelta(days=10))
        self.assertTrue(agreement.signed_document)
        with self.assertRaises(UserError):
            agreement.unlink()
        # new terms are a new agreement: a copy starts as a draft, with its own number
        new = agreement.copy()
        self.assertEqual((new.state, new.clause_refusal, new.signed_document), ("draft", clause, False))
        self.assertNotEqual(new.name, agreement.name)
        new.clause_refusal = "Refus possible sans motif."
        # not yet at its end date: "end" is refused, terminating it today is allowed
        with self.assertRaises(UserError):
            agreement.action_end()
        agreement.write({"termination_reason": "Fermeture du magasin"})
        agreement.action_terminate()
        self.assertEqual((agreement.state, agreement.date_terminated), ("terminated", self.today))
        self.assertEqual(agreement.date_stop, self.today)

    def test_past_agreements_end_each_night(self):
        past = self._signed(start=self.today - timedelta(days=60), end=self.today - timedelta(days=1))
        current = self._signed()
        self.assertTrue(past.is_action_end_allowed)
        self.assertFalse(current.is_action_end_allowed)
        self.env["alim.donation.agreement"]._cron_end_expired()
        self.assertEqual((past.state, current.state), ("ended", "signed"))
        self.assertTrue(current.is_expiring)
        self.assertEqual(self.Agreement.search([("is_expiring", "=", True)]), current)

    def test_warehouse_user_cannot_create_or_modify(self):
        agreement = self._signed()
        as_dock = agreement.with_user(self.user)
        self.assertEqual(as_dock.clause_pickup, agreement.clause_pickup)
        with self.assertRaises(AccessError):
            self.env["alim.donation.agreement"].with_user(self.user).create(
                {"partner_id": self.donor.id, "date_start": self.today}
            )
        with self.assertRaises(AccessError):
            self._agreement().with_user(self.user).write({"clause_pickup": "Le lundi."})
        with self.assertRaises(AccessError):
            as_dock.write({"termination_reason": "Le lundi."})
        with self.assertRaises(AccessError):
            as_dock.action_terminate()
        agreement.invalidate_recordset()
        self.assertEqual((agreement.state, agreement.termination_reason), ("signed", False))
        # an invoicing user (e.g. GE AMES's manager) may not either; the platform's manager may
        biller = new_test_user(
            self.env, login="test_agreement_biller", groups="account.group_account_invoice"
        )
        with self.assertRaises(AccessError):
            self.env["alim.donation.agreement"].with_user(biller).create(
                {"partner_id": self.donor2.id, "date_start": self.today}
            )
        self.env["alim.donation.agreement"].with_user(self.manager).create(
            {"partner_id": self.donor2.id, "date_start": self.today}
        )

    def test_reception_shows_agreement_in_force_on_its_date(self):
        agreement = self._signed()
        # a draft around it does not count
        self._agreement(start=self.today - timedelta(days=100), end=self.today + timedelta(days=100))
        done = self._simple_donation(self.donor)
        self.assertEqual(done.state, "done")
        self.assertEqual(done.alim_donation_agreement_id, agreement)
        picking = self._draft_reception(self.donor, [(self.apples, 2, 5.0, [(False, 2, False, self.dry)])])
        Picking = self.env["stock.picking"].with_user(self.user)
        for days, expected in ((9, agreement), (-9, agreement), (30, False), (-30, False)):
            picking.scheduled_date = fields.Datetime.now() + timedelta(days=days)
            shown = Picking.browse(picking.id).alim_donation_agreement_id
            self.assertEqual(shown.id, expected and expected.id)
        # a donor without agreement still delivers: the reception is validated, with none shown
        other = self._simple_donation(self.donor2)
        self.assertEqual(other.state, "done")
        self.assertFalse(other.alim_donation_agreement_id)
        # once terminated, the agreement still covers the receptions before its end
        agreement.action_terminate()
        done.invalidate_recordset()
        self.assertEqual(done.alim_donation_agreement_id, agreement)
        picking.scheduled_date = fields.Datetime.now() + timedelta(days=5)
        self.assertFalse(Picking.browse(picking.id).alim_donation_agreement_id)

    def test_agreement_pdf_in_french(self):
        self.donor.donation_pickup_schedule = "Lundi et jeudi, 8 h (quai 2)"
        agreement = self._signed()
        self.assertIn("Jours et heures convenus : Lundi et jeudi, 8 h (quai 2).", agreement.clause_pickup)
        self.assertEqual(self.donor.with_user(self.user).donation_agreement_count, 1)
        action = self.donor.with_user(self.user).action_view_donation_agreements()
        self.assertEqual(self.env[action["res_model"]].search(action["domain"]), agreement)
        report = self.env["ir.actions.report"].with_user(self.treasurer)
        page = text_of(report._render_qweb_html(AGREEMENT_REPORT, agreement.ids)[0].decode())
        for mention in (
            "Convention de don de denrées alimentaires",
            f"Référence : {agreement.name}",
            "décret n° 2016-1962 du 28 décembre 2016",
            "Hyper Sud",
            "SAS",
            "552100554",
            "RNA W313000000",
            "Représenté(e) par Julien Moreau, Directeur du magasin",
            "Représenté(e) par Claire Fabre, Trésorière",
            "La présente convention s'applique du",
            "Article 2",
            "Tri des denrées par le donateur",
            "Droit de refus de l'association",
            "au moins 48 heures",
            "La responsabilité des denrées est transférée à l'association au moment de l'enlèvement",
            "Article 9",
            "Reçu fiscal",
            "Fait en deux exemplaires, à Toulouse",
            "Jours et heures convenus : Lundi et jeudi, 8 h (quai 2).",
            "Pour le donateur",
            "Pour l'association",
        ):
            self.assertIn(mention, page)
        for english in ("Donation agreement", "Between the undersigned", "For the donor", "Sorting of"):
            self.assertNotIn(english, page)

    def test_pickup_voucher_pdf_in_french(self):
        agreement = self._signed()
        picking = self._reception(
            self.donor,
            [
                (self.yogurt, 40, 16.0, [("YO-7", 40, self.in_date, self.chilled)]),
                (self.apples, 3, 9.0, [(False, 3, False, self.dry)]),
            ],
        )
        picking.with_user(self.user).alim_refused_goods = "2 cagettes de fraises : moisissures."
        action = picking.with_user(self.user).action_alim_print_pickup_voucher()
        self.assertEqual(action["report_name"], "alim_donation.stock_picking_pickup_voucher")
        report = self.env["ir.actions.report"].with_user(self.user)
        page = text_of(report._render_qweb_html(VOUCHER_REPORT, picking.ids)[0].decode())
        for mention in (
            "Bon d'enlèvement",
            f"N° {picking.name}",
            "Enlèvement le",
            "Hyper Sud",
            "552100554",
            "RNA W313000000",
            f"Convention de don {agreement.name}",
            "Yogurt",
            "YO-7",
            "DLC",
            "40,00 Unité(s)",
            "20,0 kg",
            "30,0 kg",
            "Poids total 50,0 kg",
            "2 cagettes de fraises : moisissures.",
            "La responsabilité des denrées listées ci-dessus est transférée du donateur à l'association "
            "au moment de leur enlèvement",
            "Pour le donateur",
            "Pour l'association : le chauffeur",
        ):
            self.assertIn(mention, page)
        for english in ("Pickup voucher", "Goods taken", "For the donor", "Total weight"):
            self.assertNotIn(english, page)

        # a donor without agreement: said plainly on the voucher
        other = self._simple_donation(self.donor2)
        page = text_of(report._render_qweb_html(VOUCHER_REPORT, other.ids)[0].decode())
        self.assertIn("Aucune convention de don en vigueur à cette date.", page)
        self.assertIn("Denrées refusées Aucune.", page)
