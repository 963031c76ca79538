"""The pack labels as the lab operator prints them: the consumer's list of ingredients (never
the bulk's name), allergens in bold on every print and reprint, every label at its place of
the company's sheet, and, in the PDF itself, the sheet's true pitch and the legal x-height."""

import itertools
import re

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from ..lib.label_sheet import MIN_X_HEIGHT_MM, MM_PER_PT, SHEETS
from .common import RepackCommon
from .pdf_text import text_runs


class LabelCommon(RepackCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.partner_id.write(
            {"street": "12 rue des Entrepôts", "zip": "31200", "city": "Toulouse"}
        )
        cls.report = cls.env.ref("alim_repack.alim_repack_order_report_labels")

    def _html(self, order, data=None, user=None):
        html, _type = (
            self.env["ir.actions.report"]
            .with_user(user or self.lab)
            ._render_qweb_html(self.report.report_name, None if data else order.ids, data=data)
        )
        return html.decode()

    def _print_wizard(self, action, **values):
        self.assertEqual(action["res_model"], "alim.repack.label.print")
        with Form(
            self.env[action["res_model"]].with_user(self.lab).with_context(**action["context"])
        ) as form:
            for name, value in values.items():
                setattr(form, name, value)
        return form.record


@tagged("post_install", "-at_install")
class TestRepackLabel(LabelCommon):
    def test_no_ingredient_list_no_label_and_the_bulk_name_is_never_one(self):
        """The sack "Bulgur (sack 25 kg)" has no list of ingredients: printing is refused,
        saying which product lacks one; once the list is written the label gives it."""
        order = self._order(self.bulk_lot, packs_made=25)
        order.action_done()
        with self.assertRaisesRegex(
            UserError, r"No list of ingredients for Bulgur \(sack 25 kg\), Bulgur 1 kg"
        ):
            order.with_user(self.lab).action_print_labels()
        with self.assertRaisesRegex(UserError, "No list of ingredients"):
            self._html(order)
        self.bulk.alim_ingredients = "Boulgour de blé dur"
        html = self._html(order)
        self.assertIn("Ingrédients\xa0: <strong>Boulgour</strong> de <strong>blé</strong> dur<", html)
        self.assertNotIn("sack 25 kg", html)

    def test_the_pack_products_list_when_an_input_has_none(self):
        self.pack.alim_ingredients = "Boulgour (blé dur précuit)"
        order = self._order(self.bulk_lot, packs_made=25)
        order.action_done()
        parts = order.with_user(self.lab)._alim_label_values()["ingredients"]
        self.assertEqual("".join(text for text, _bold in parts), "Boulgour (blé dur précuit)")
        self.assertEqual([text for text, bold in parts if bold], ["Boulgour", "blé"])

    def test_an_allergen_the_list_does_not_name_is_added_in_bold(self):
        """A bulk of gluten and milk whose list names wheat only: milk follows the list, in
        bold ('Contient : Lait')."""
        self.bulk.write(
            {"alim_ingredients": "Farine de blé, sucre", "allergen_ids": [Command.link(self.milk.id)]}
        )
        self.env.ref("base.lang_fr").active = True
        order = self._order(self.bulk_lot, packs_made=25)
        order.action_done()
        values = order.with_user(self.lab)._alim_label_values()
        self.assertEqual([text for text, bold in values["ingredients"] if bold], ["blé"])
        self.assertEqual(values["contains"], [self.milk.with_context(lang="fr_FR").name])
        self.assertIn("Contient\xa0: <strong>", self._html(order))

    def test_reprint_from_the_lot_keeps_the_allergens_bold_and_its_place_on_the_sheet(self):
        """Two labels lost: the operator reprints 2 from the pack lot, on the last two places
        of a sheet already used; they say what the first print said, allergens in bold."""
        self.bulk.alim_ingredients = "Boulgour de blé dur"
        order = self._order(self.bulk_lot, packs_made=25)
        order.action_done()
        first = self._html(order)
        wizard = self._print_wizard(order.with_user(self.lab).action_print_labels())
        self.assertEqual((wizard.label_count, wizard.first_position, wizard.per_sheet), (25, 1, 24))
        lot = order.output_lot_id.with_user(self.lab)
        wizard = self._print_wizard(lot.action_alim_print_labels(), label_count=2, first_position=23)
        action = wizard.action_print()
        self.assertEqual(action["report_name"], self.report.report_name)
        reprint = self._html(order, data=action["data"])
        self.assertEqual(reprint.count('class="alim-label"'), 2)
        self.assertEqual(first.count('class="alim-label"'), 25)
        for html in (first, reprint):
            self.assertIn("Ingrédients\xa0: <strong>Boulgour</strong> de <strong>blé</strong> dur", html)
        # places 23 and 24 of an L7159 sheet: the last row, second and third columns
        self.assertIn("left: 73.2mm; top: 250.2mm;", reprint)
        self.assertIn("left: 139.2mm; top: 250.2mm;", reprint)
        # the first print: 24 labels on a sheet, the 25th on a second one
        self.assertEqual(first.count('class="alim-sheet"'), 2)

    def test_the_wizard_refuses_what_the_sheet_or_the_lot_cannot_take(self):
        self.bulk.alim_ingredients = "Boulgour de blé dur"
        order = self._order(self.bulk_lot, packs_made=25)
        with self.assertRaisesRegex(UserError, "is not done"):
            order.with_user(self.lab).action_print_labels()
        order.action_done()
        action = order.with_user(self.lab).action_print_labels()
        with self.assertRaisesRegex(UserError, "start at a label from 1 to 24"):
            self._print_wizard(action, first_position=25).action_print()
        with self.assertRaisesRegex(UserError, "between 1 and 25 labels"):
            self._print_wizard(action, label_count=26).action_print()
        with self.assertRaisesRegex(UserError, "was not made by the lab"):
            self.bulk_lot.with_user(self.lab).action_alim_print_labels()

    def test_the_company_sheet_places_the_labels(self):
        self.bulk.alim_ingredients = "Boulgour de blé dur"
        self.env.company.alim_label_sheet = "l7163"
        order = self._order(self.bulk_lot, packs_made=25)
        order.action_done()
        html = self._html(order)
        sheet = SHEETS["l7163"]
        self.assertEqual(html.count('class="alim-sheet"'), 2)  # 14 on a sheet, then 11
        self.assertIn(f"left: {sheet.left + sheet.column_pitch:g}mm; top: {sheet.top:g}mm;", html)
        self.assertIn(f"width: {sheet.width:g}mm; height: {sheet.height:g}mm;", html)


@tagged("post_install", "-at_install")
class TestRepackLabelPdf(LabelCommon):
    """Rendered by wkhtmltopdf and measured in the PDF (left out of the alim_repack-alone run
    of tools/test.sh: wkhtmltopdf waits for ever there)."""

    def test_label_pdf_true_pitch_and_legal_x_height(self):
        self.bulk.alim_ingredients = "Boulgour de blé dur"
        order = self._order(self.bulk_lot, packs_made=25)
        order.action_done()
        pdf, report_type = (
            self.env["ir.actions.report"]
            .with_user(self.lab)
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(self.report.report_name, order.ids)
        )
        self.assertEqual(report_type, "pdf")
        pages = text_runs(pdf)
        self.assertEqual(len(pages), 2)
        sheet = SHEETS["l7159"]
        # the first glyph of each label, the B of "Bulgur 1 kg" (the name, 9 pt bold)
        corners = [(run["x"], run["y"]) for run in pages[0] if run["text"] == "B" and run["size"] > 8]
        self.assertEqual(len(corners), 24)
        columns = sorted({round(x, 1) for x, _y in corners})
        rows = sorted({round(y, 1) for _x, y in corners})
        self.assertEqual((len(columns), len(rows)), (3, 8), corners)
        for left, right in itertools.pairwise(columns):
            self.assertAlmostEqual(right - left, sheet.column_pitch, delta=0.5)
        for top, bottom in itertools.pairwise(rows):
            self.assertAlmostEqual(bottom - top, sheet.row_pitch, delta=0.5)
        # the first label's text starts inside its label, 2.5 mm from its left edge
        self.assertAlmostEqual(columns[0], sheet.left + 2.5, delta=0.5)
        self.assertTrue(sheet.top < rows[0] < sheet.top + 6, rows[0])
        # the smallest type: its x-height, font size as printed x the font's own x-height
        # (a font that embeds none of x, z, v, w, y, such as the bold of dates and lot
        # numbers, counts with the smallest x-height measured in the PDF)
        runs = [run for page in pages for run in page]
        measured = [run["x_height_ratio"] for run in runs if run["x_height_ratio"]]
        self.assertTrue(measured)
        smallest = min(run["size"] * MM_PER_PT * (run["x_height_ratio"] or min(measured)) for run in runs)
        self.assertGreaterEqual(smallest, MIN_X_HEIGHT_MM)
        # every glyph lies inside a label: nothing overflows or is cut
        boxes = [sheet.position(slot) for slot in range(sheet.per_sheet)]
        for run in pages[0]:
            self.assertTrue(
                any(x <= run["x"] <= x + sheet.width and y <= run["y"] <= y + sheet.height for x, y in boxes),
                run,
            )
        # bold allergens on the printed label
        bold = "".join(run["text"] for run in pages[1] if "Bold" in run["font"])
        self.assertTrue(re.search("Boulgour.*blé", bold), bold)
