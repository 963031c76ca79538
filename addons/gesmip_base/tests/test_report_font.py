from pathlib import Path

from odoo.tests import TransactionCase, tagged

RULE = 'body div.article[class*="o_company_"]'


@tagged("post_install", "-at_install")
class TestReportFont(TransactionCase):
    def test_printed_documents_keep_their_text(self):
        """wkhtmltopdf draws text set in a web font (the company layout's Lato) as shapes: a
        PDF with no text to copy, search or read aloud (seen on the served demo: no font in
        `pdffonts`, 525 KB for a round sheet). The documents of the company layouts are set in
        a system font, which it embeds as text (24 KB, DejaVu Sans)."""
        assets = self.env["ir.asset"]._get_asset_paths("web.report_assets_common", {})
        ours = [
            asset
            for asset in assets
            if any(str(part).endswith("gesmip_base/static/src/scss/report_font.scss") for part in asset)
        ]
        self.assertTrue(ours, "the report font rule is not in the report assets")
        source = (Path(__file__).parents[1] / "static/src/scss/report_font.scss").read_text()
        self.assertIn(RULE, source)
        self.assertIn('"DejaVu Sans"', source)
