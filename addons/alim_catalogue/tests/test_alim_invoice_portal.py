"""Invoices a grocery can pay (issue 31 point 6), as the grocery's portal user over HTTP: a
posted invoice is downloaded and printed as the invoice (never "PROFORMA"), kept once; its
page gives the platform's bank details and the reference to quote, and no "Pay now" that
leads nowhere; /my shows the grocery's balance, and none of another grocery's invoices."""

import io
import re
from datetime import timedelta

from odoo import Command, fields
from odoo.tests import new_test_user, tagged
from odoo.tools.pdf import PdfReader

from .common import AlimCatalogueHttpCommon

IBAN = "FR76 4255 9100 0008 0012 3456 771"


def pdf_text(content):
    """The words of a PDF, one space between them."""
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    return re.sub(r"\s+", " ", text)


@tagged("post_install", "-at_install")
class TestInvoicePortal(AlimCatalogueHttpCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        company = env.company
        bank = env["res.bank"].create({"name": "Crédit Coopératif", "bic": "CCOPFRPPXXX"})
        env["res.partner.bank"].create(
            {
                "acc_number": IBAN.replace(" ", ""),
                "acc_holder_name": "Plateforme Alternative",
                "bank_id": bank.id,
                "partner_id": company.partner_id.id,
                "company_id": company.id,
            }
        )
        cls.grocery, cls.other = cls._create_groceries(
            [
                {"name": "Pay grocery", "households_count": 10},
                {"name": "Other grocery", "households_count": 10},
            ]
        )
        cls.user = cls._create_grocery_user(cls.grocery, "test_pay")
        cls.other_user = cls._create_grocery_user(cls.other, "test_pay_other")
        cls.today = fields.Date.context_today(env.user)
        cls.paid = cls._invoice(cls.grocery, 100.0, cls.today, cls.today + timedelta(days=30))
        env["account.payment.register"].with_context(
            active_model="account.move", active_ids=cls.paid.ids
        ).create({"payment_date": cls.today})._create_payments()
        cls.due = cls._invoice(cls.grocery, 40.5, cls.today, cls.today + timedelta(days=30))
        cls.overdue = cls._invoice(
            cls.grocery, 25.25, cls.today - timedelta(days=45), cls.today - timedelta(days=15)
        )
        cls.others = cls._invoice(
            cls.other, 999.0, cls.today - timedelta(days=45), cls.today - timedelta(days=15)
        )

    @classmethod
    def _invoice(cls, grocery, amount, invoice_date, due_date):
        invoice = cls.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": grocery.id,
                "invoice_date": invoice_date,
                "invoice_date_due": due_date,
                "invoice_line_ids": [
                    Command.create(
                        {"name": "Logistics fee", "quantity": 1, "price_unit": amount, "tax_ids": []}
                    )
                ],
            }
        )
        invoice.action_post()
        return invoice

    def _force_pdf(self):
        """Render real PDFs in this test (Odoo renders HTML instead while testing). The
        stylesheets are not fetched: wkhtmltopdf would ask them of this very server, which
        serves one request at a time while testing (and is busy with the download)."""
        self.env["ir.config_parameter"].set_param("report.url", "http://127.0.0.1:9")
        Report = type(self.env["ir.actions.report"])
        pre_render = Report._pre_render_qweb_pdf

        def forced(report, report_ref, res_ids=None, data=None):
            return pre_render(
                report.with_context(force_report_rendering=True), report_ref, res_ids=res_ids, data=data
            )

        self.patch(Report, "_pre_render_qweb_pdf", forced)

    # -- the PDF ------------------------------------------------------------------------

    def test_downloaded_pdf_is_the_invoice_kept_once(self):
        self._force_pdf()
        self.authenticate(self.user.login, self.user.login)
        self.assertFalse(self.due.invoice_pdf_report_id)
        response = self.url_open(f"/my/invoices/{self.due.id}?report_type=pdf&download=true")
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.content.startswith(b"%PDF"))
        text = pdf_text(response.content)
        self.assertNotRegex(text, r"(?i)pro\s*-?\s*forma")
        self.assertIn(self.due.name, text)
        self.assertIn(IBAN, text)
        self.assertIn("CCOPFRPPXXX", text)
        self.assertIn(self.due.payment_reference, text)
        # kept: printed or downloaded again, the same document
        self.due.invalidate_recordset()
        self.assertTrue(self.due.invoice_pdf_report_id)
        printed = self.url_open(f"/my/invoices/{self.due.id}?report_type=pdf")
        self.assertEqual(printed.content, response.content)
        again = self.url_open(f"/my/invoices/{self.due.id}?report_type=pdf&download=true")
        self.assertEqual(again.content, response.content)

    def test_printed_pdf_first_is_kept_and_page_is_no_proforma(self):
        self._force_pdf()
        self.authenticate(self.user.login, self.user.login)
        html = self.url_open(f"/my/invoices/{self.overdue.id}?report_type=html").text
        self.assertNotIn("PROFORMA", html)
        self.assertIn(self.overdue.name, html)
        printed = self.url_open(f"/my/invoices/{self.overdue.id}?report_type=pdf")
        self.assertEqual(printed.headers["Content-Type"], "application/pdf")
        self.assertNotRegex(pdf_text(printed.content), r"(?i)pro\s*-?\s*forma")
        self.overdue.invalidate_recordset()
        self.assertEqual(self.overdue.invoice_pdf_report_id.raw, printed.content)

    def test_back_office_download_keeps_the_invoice(self):
        """The accountant's "Download" of a posted invoice never sent: the invoice, kept."""
        self._force_pdf()
        accountant = self._new_accountant()
        document = self.due.with_user(accountant)._get_invoice_legal_documents("pdf", allow_fallback=True)
        self.assertNotIn("proforma", document["filename"])
        self.assertNotRegex(pdf_text(document["content"]), r"(?i)pro\s*-?\s*forma")
        self.assertEqual(self.due.invoice_pdf_report_id.name, document["filename"])

    def _new_accountant(self):
        return new_test_user(self.env, login="test_pay_accountant", groups="account.group_account_invoice")

    # -- the invoice page ---------------------------------------------------------------

    def test_invoice_page_gives_bank_details_and_no_dead_pay_now(self):
        self.authenticate(self.user.login, self.user.login)
        page = self.url_open(f"/my/invoices/{self.overdue.id}").text
        block = re.search(r'<section class="o_alim_bank_transfer.*?</section>', page, re.S).group(0)
        self.assertIn(IBAN, block)
        self.assertIn("CCOPFRPPXXX", block)
        self.assertIn(self.overdue.payment_reference, block)
        self.assertIn("o_alim_transfer_overdue", block)
        # no payment provider: no "Pay now" to a form without any payment method
        self.assertNotIn('data-bs-target="#pay_with"', page)
        self.assertNotIn("Pay Now", page)
        self.assertFalse(self.overdue._has_to_be_paid())
        # the overdue payment page offers nothing either: back to the overdue invoices
        response = self.url_open("/my/invoices/overdue", allow_redirects=False)
        self.assertEqual(response.status_code, 303)
        self.assertIn("/my/invoices?filterby=overdue_invoices", response.headers["Location"])
        # a paid invoice: no transfer to make
        paid_page = self.url_open(f"/my/invoices/{self.paid.id}").text
        self.assertNotIn("o_alim_bank_transfer", paid_page)

    def test_list_of_overdue_invoices_is_the_groceries(self):
        self.authenticate(self.user.login, self.user.login)
        page = self.url_open("/my/invoices?filterby=overdue_invoices").text
        self.assertIn(f"/my/invoices/{self.overdue.id}", page)
        self.assertNotIn(f"/my/invoices/{self.due.id}?", page)
        self.assertNotIn("/my/invoices/overdue", page)  # no "Pay overdue" button

    # -- the balance --------------------------------------------------------------------

    def test_balance_on_my_home(self):
        self.authenticate(self.user.login, self.user.login)
        page = self.url_open("/my").text
        card = re.search(r'<section class="o_alim_invoice_balance.*?</section>', page, re.S).group(0)
        figures = {
            kind: re.sub(
                r"\s+",
                " ",
                re.search(rf"o_alim_balance_{kind}.*?<strong[^>]*>(.*?)</strong>", card, re.S).group(1),
            )
            for kind in ("due", "overdue", "paid")
        }
        self.assertIn("65.75", figures["due"])
        self.assertIn("25.25", figures["overdue"])
        self.assertIn("100.00", figures["paid"])
        self.assertIn("(1 invoice)", card)
        self.assertNotIn("999", card)
        # the other grocery sees its own
        self.authenticate(self.other_user.login, self.other_user.login)
        card = re.search(
            r'<section class="o_alim_invoice_balance.*?</section>', self.url_open("/my").text, re.S
        )
        self.assertIn("999.00", card.group(0))

    def test_balance_and_pages_never_show_another_groceries_invoice(self):
        # even when the grocery's user follows the other grocery's invoice
        self.others.message_subscribe(self.user.partner_id.ids)
        Move = self.env["account.move"].with_user(self.user)
        self.assertFalse(Move.search([("id", "=", self.others.id)]))
        balance = self.grocery.with_user(self.user)._alim_invoice_balance()
        self.assertEqual(
            (balance.due, balance.overdue, balance.overdue_count, balance.paid_this_year),
            (65.75, 25.25, 1, 100.0),
        )
        self.authenticate(self.user.login, self.user.login)
        response = self.url_open(f"/my/invoices/{self.others.id}", allow_redirects=False)
        self.assertEqual(response.status_code, 303)
        self.assertNotIn(self.others.name, self.url_open("/my/invoices").text)
        response = self.url_open(
            f"/my/invoices/{self.others.id}?report_type=pdf&download=true", allow_redirects=False
        )
        self.assertEqual(response.status_code, 303)

    def test_no_balance_for_a_user_of_no_grocery(self):
        customer = self.env["res.partner"].create({"name": "Not a grocery", "is_company": True})
        self._invoice(customer, 10.0, self.today, self.today)
        user = new_test_user(self.env, login="test_pay_customer", groups="base.group_portal")
        user.partner_id.parent_id = customer
        self.authenticate(user.login, user.login)
        self.assertNotIn("o_alim_invoice_balance", self.url_open("/my").text)

    # -- the tour -----------------------------------------------------------------------

    def _tour(self, size):
        self.env["res.lang"]._activate_lang("fr_FR")
        self.env["ir.module.module"].search(
            [("name", "in", ("alim_catalogue", "account", "portal"))]
        )._update_translations("fr_FR")
        self.user.write({"lang": "fr_FR", "tz": "Europe/Paris"})
        self.browser_size = size
        self.start_tour("/my", "alim_catalogue_portal_invoice_pay", login=self.user.login)

    def test_tour_balance_to_transfer_on_a_phone(self):
        self.touch_enabled = True
        self._tour("390x844")

    def test_tour_balance_to_transfer_on_a_desktop(self):
        self._tour("1366x900")
