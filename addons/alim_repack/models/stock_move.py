from odoo import fields, models


class StockMove(models.Model):
    _inherit = "stock.move"

    alim_repack_order_id = fields.Many2one(
        "alim.repack.order", string="Repack Order", index="btree_not_null", readonly=True, copy=False
    )
