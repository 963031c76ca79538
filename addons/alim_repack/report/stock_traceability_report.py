from odoo import api, models


class StockTraceabilityReport(models.TransientModel):
    """Odoo's lot traceability report, unfolded through repack orders like through
    manufacturing orders (the move lines are linked the same way)."""

    _inherit = "stock.traceability.report"

    @api.model
    def _get_reference(self, move_line):
        res_model, res_id, ref = super()._get_reference(move_line)
        order = move_line.move_id.alim_repack_order_id
        if order:
            return "alim.repack.order", order.id, order.name
        return res_model, res_id, ref

    @api.model
    def _get_linked_move_lines(self, move_line):
        move_lines, is_used = super()._get_linked_move_lines(move_line)
        if move_line.move_id.alim_repack_order_id:
            move_lines = move_lines or move_line.consume_line_ids
            is_used = is_used or move_line.produce_line_ids
        return move_lines, is_used
