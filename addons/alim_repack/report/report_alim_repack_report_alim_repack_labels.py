from odoo import api, models

from ..lib.label_sheet import DEFAULT_SHEET, SHEETS, sheet_pages


class ReportAlimRepackLabels(models.AbstractModel):
    """The pack labels of repack orders, laid out on the company's label sheet at true size:
    every label on its place of the sheet in millimetres, the whole sheet zoomed by what the
    PDF renderer needs to print a millimetre as a millimetre."""

    _name = "report.alim_repack.report_alim_repack_labels"
    _description = "Pack Labels"

    @api.model
    def _get_report_values(self, docids, data=None):
        data = data or {}
        orders = self.env["alim.repack.order"].browse(docids or data.get("alim_order_ids") or [])
        orders._check_labels_printable()
        report = self.env.ref("alim_repack.alim_repack_order_report_labels")
        zoom = 1.0
        if data.get("report_type") == "pdf":
            zoom = self.env["ir.actions.report"]._alim_true_size_zoom(report.get_paperformat())
        count, first_slot = data.get("alim_label_count"), int(data.get("alim_first_slot") or 0)
        sheets = []
        for order in orders:
            sheet = SHEETS.get(order.company_id.alim_label_sheet) or SHEETS[DEFAULT_SHEET]
            label = order._alim_label_values()
            labels = order.packs_made if count is None else int(count)
            for page in sheet_pages(labels, sheet, first_slot if count is not None else 0):
                sheets.append({"order": order, "sheet": sheet, "label": label, "positions": page})
        return {
            "doc_ids": orders.ids,
            "doc_model": "alim.repack.order",
            "docs": orders,
            "sheets": sheets,
            "zoom": zoom,
        }
