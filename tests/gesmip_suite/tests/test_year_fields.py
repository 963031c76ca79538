"""A year is written without a thousands separator ("2026", not "2 026") wherever a form or
a list of the suite shows an integer field named after a year."""

from lxml import etree

from odoo.tests import TransactionCase, tagged
from odoo.tools.safe_eval import safe_eval

from .suite_addons import SUITE


@tagged("post_install", "-at_install")
class TestYearFields(TransactionCase):
    def test_every_year_field_is_shown_without_separator(self):
        data = self.env["ir.model.data"].search([("model", "=", "ir.ui.view"), ("module", "in", SUITE)])
        views = (
            self.env["ir.ui.view"]
            .browse(data.mapped("res_id"))
            .filtered(lambda v: v.type in ("form", "list"))
        )
        seen = []
        for view in views:
            arch = etree.fromstring(view.with_context(lang="en_US").get_combined_arch())
            model = self.env[view.model]
            for node in arch.iter("field"):
                field = model._fields.get(node.get("name"))
                # fields of a sub-view (one2many list) belong to another model: skip them
                if node.getparent() is not None and node.xpath("ancestor::field"):
                    continue
                if field is None or field.type != "integer" or "year" not in field.name:
                    continue
                seen.append(f"{view.xml_id}:{field.name}")
                options = safe_eval(node.get("options") or "{}", {"false": False, "true": True})
                self.assertIs(
                    options.get("format"), False, f"{view.xml_id} shows {field.name} with a separator"
                )
        self.assertGreaterEqual(len(seen), 3, seen)
