from odoo import fields, models


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
