"""Every PDF report of the suite, rendered by the PDF engine on a fresh database: a PDF
document (never an empty file) whose text holds the issuer's letterhead (name, SIREN, RNA)
and "Page 1 / N" on its first page; Odoo's own invoice too. The reports are read from
ir.actions.report by the module of their external id, so that a new report cannot skip this
test: it fails until a record to print it on is made below."""

import io
import re
from unittest.mock import patch

from odoo import Command, fields
from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tools import mute_logger
from odoo.tools.pdf import PdfFileReader

from odoo.addons.alim_donation.tests.common_donation import DonationCommon
from odoo.addons.base.models.ir_actions_report import IrActionsReport

from .suite_addons import SUITE

# Labels stuck on boxes and packs: no letterhead.
LABELS = {"alim_repack.alim_repack_order_report_labels", "alim_coldchain.alim_frozen_lot_label_report"}
# Printed only from a finished repack (its pack lots) with its products' ingredient lists: the
# lab's own test renders and measures it (alim_repack TestRepackLabelPdf).
RENDERED_ELSEWHERE = {"alim_repack.alim_repack_order_report_labels"}
ISSUER = {
    "name": "Épicerie Centrale d'Occitanie",
    "company_registry": "775 671 372",
    "gesmip_rna": "W313000000",
}


def _texts(pdf):
    return [page.extract_text() for page in PdfFileReader(io.BytesIO(pdf)).pages]


@tagged("post_install", "-at_install")
class TestPdfReports(DonationCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.write(ISSUER)
        cls.admin = cls.env.ref("base.user_admin")
        cls.picking = cls._simple_donation(cls.donor)
        cls.picking2 = cls._simple_donation(cls.donor2)
        grocery = cls.env["res.partner"].create(
            {"name": "Épicerie A", "is_company": True, "is_grocery": True, "grocery_status": "active"}
        )
        cls.makers = {
            "account.move": cls._invoice,
            "alim.donation.agreement": lambda: cls.env["alim.donation.agreement"].create(
                {"partner_id": cls.donor.id}
            ),
            "alim.donation.receipt": lambda: cls.env["alim.donation.receipt"].create(
                {"partner_id": cls.donor.id, "picking_ids": [Command.set(cls.picking.ids)]}
            ),
            "alim.donation.year.statement": lambda: cls.env["alim.donation.year.statement"].create(
                {"year": fields.Date.context_today(cls.picking).year}
            ),
            "alim.haccp.report.wizard": lambda: cls.env["alim.haccp.report.wizard"].create(
                {"location_id": cls.chilled.id}
            ),
            "alim.recall": lambda: cls.env["alim.recall"].create(
                {"name": "Rappel test", "product_id": cls.apples.id}
            ),
            "alim.repack.order": lambda: cls.env["alim.repack.order"].create({"product_id": cls.pasta.id}),
            "gesmip.needs.study": lambda: cls.env["gesmip.needs.study"].create(
                {
                    "name": "Étude test",
                    "survey_id": cls.env["survey.survey"].create({"title": "Besoins"}).id,
                    "grocery_ids": [Command.set(grocery.ids)],
                }
            ),
            "stock.lot": lambda: cls.env["stock.lot"].create({"name": "LOT-PDF", "product_id": cls.peas.id}),
            "stock.picking": lambda: cls.picking,
            "stock.picking.batch": lambda: cls.env["stock.picking.batch"].create({}),
        }

    @classmethod
    def _invoice(cls):
        invoice = cls.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": cls.donor.id,
                "invoice_line_ids": [Command.create({"name": "Adhésion", "quantity": 1, "price_unit": 80.0})],
            }
        )
        invoice.action_post()
        return invoice

    def _render(self, report, records):
        Report = self.env["ir.actions.report"].with_user(self.admin).with_context(force_report_rendering=True)
        pdf, kind = Report._render_qweb_pdf(report.report_name, records.ids)
        self.assertEqual(kind, "pdf", report.report_name)
        return pdf

    def _suite_reports(self):
        data = self.env["ir.model.data"].search(
            [("model", "=", "ir.actions.report"), ("module", "in", SUITE)]
        )
        reports = {d.complete_name: self.env["ir.actions.report"].browse(d.res_id) for d in data}
        return {xmlid: report for xmlid, report in reports.items() if report.report_type == "qweb-pdf"}

    def test_every_pdf_of_the_suite_and_the_invoice_has_the_letterhead(self):
        reports = self._suite_reports()
        self.assertGreaterEqual(len(reports), 11)
        reports["account.account_invoices"] = self.env.ref("account.account_invoices")
        for xmlid, report in sorted(reports.items()):
            if xmlid in RENDERED_ELSEWHERE:
                continue
            with self.subTest(report=xmlid):
                maker = self.makers.get(report.model)
                self.assertTrue(maker, f"{xmlid}: no record made to print it on ({report.model})")
                pdf = self._render(report, maker())
                self.assertTrue(pdf.startswith(b"%PDF"), xmlid)
                texts = _texts(pdf)
                if xmlid in LABELS:
                    self.assertNotIn(ISSUER["name"], texts[0])
                    continue
                for text in (ISSUER["name"], "SIREN 775 671 372", "RNA W313000000"):
                    self.assertIn(text, texts[0], xmlid)
                # numbered per document: the first page is 1 / N, the last N / N
                first = re.search(r"Page 1 / (\d+)", texts[0])
                self.assertTrue(first, xmlid)
                self.assertLessEqual(int(first.group(1)), len(texts), xmlid)
                self.assertRegex(texts[-1], r"Page (\d+) / \1", xmlid)

    def test_statement_of_several_donors_numbers_each_donor_s_pages(self):
        """The goods statement is one document per donor: Debian's wkhtmltopdf made an empty
        file of it; each is now rendered on its own and numbered from 1."""
        statement = self.makers["alim.donation.year.statement"]()
        report = self.env.ref("alim_donation.alim_donation_year_statement_goods_report")
        texts = _texts(self._render(report, statement))
        self.assertEqual(len(texts), 2)
        self.assertTrue(all("Page 1 / 1" in text for text in texts))

    def test_an_empty_pdf_is_an_error_the_user_reads(self):
        receipt = self.makers["alim.donation.receipt"]()
        report = self.env.ref("alim_donation.alim_donation_receipt_report")
        for made in (b"", b"<html>not a pdf</html>"):
            with (
                patch.object(IrActionsReport, "_run_wkhtmltopdf", return_value=made),
                self.assertRaisesRegex(UserError, "could not be made"),
                mute_logger("odoo.addons.gesmip_base.models.ir_actions_report"),
            ):
                self._render(report, receipt)
