from odoo import fields, models


class AlimRecallDecision(models.TransientModel):
    _name = "alim.recall.decision"
    _description = "Release or Destroy Recalled Lots"

    recall_id = fields.Many2one("alim.recall", required=True, ondelete="cascade")
    held_lot_ids = fields.Many2many(related="recall_id.held_lot_ids", string="Held lots")
    lot_ids = fields.Many2many(
        "stock.lot", string="Lots to decide on", required=True, domain="[('id', 'in', held_lot_ids)]"
    )
    decision = fields.Selection(
        [("release", "Release: the goods are safe"), ("destroy", "Destroy what is left in stock")],
        required=True,
        default="destroy",
    )
    reason = fields.Text(required=True)

    def action_apply(self):
        self.ensure_one()
        self.recall_id._alim_decide(self.lot_ids, self.decision, self.reason)
        return {"type": "ir.actions.act_window_close"}
