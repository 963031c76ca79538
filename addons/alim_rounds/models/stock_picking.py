from odoo import api, fields, models


class StockPicking(models.Model):
    _inherit = "stock.picking"

    alim_delivery_stop_id = fields.Many2one(
        "alim.delivery.round.stop",
        string="Round Stop",
        index="btree_not_null",
        ondelete="set null",
        copy=False,
    )
    alim_collection_stop_id = fields.Many2one(
        "alim.collection.round.stop",
        string="Collection Stop",
        index="btree_not_null",
        ondelete="set null",
        copy=False,
    )

    @api.model_create_multi
    def create(self, vals_list):
        pickings = super().create(vals_list)
        pickings.filtered("batch_id")._alim_follow_round()
        return pickings

    def write(self, vals):
        result = super().write(vals)
        if "batch_id" in vals:
            self._alim_follow_round()
        return result

    def _alim_follow_round(self):
        """A delivery put on a delivery round, whatever the way (a cycle's confirmation or
        round, the round form's transfers, the "Add to batch" wizard, RPC), is on its
        grocery's stop and counts in its load; a delivery taken off the round leaves its
        stop, and a stop left without deliveries goes."""
        left = self.filtered(
            lambda p: p.alim_delivery_stop_id and p.alim_delivery_stop_id.round_id != p.batch_id
        )
        if left:
            stops = left.alim_delivery_stop_id
            left.alim_delivery_stop_id = False
            stops.filtered(lambda s: not s.picking_ids).unlink()
        for batch in self.batch_id.filtered(lambda b: b.alim_round_kind == "delivery"):
            batch._alim_make_stops(
                self.filtered(lambda p, b=batch: p.batch_id == b and not p.alim_delivery_stop_id)
            )
            if batch.state == "in_progress":
                batch._alim_check_capacity()
