from odoo import models


class StockPicking(models.Model):
    _inherit = "stock.picking"

    def _action_done(self):
        result = super()._action_done()
        # goods of a group purchase are split among the groceries once nothing more is awaited
        for group_purchase in self.purchase_id.alim_group_purchase_id:
            receipts = group_purchase.purchase_order_id.picking_ids
            if all(picking.state in ("done", "cancel") for picking in receipts):
                group_purchase._split_receipt()
        return result
