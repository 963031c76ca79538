from odoo import fields, models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    cycle_id = fields.Many2one(
        "alim.order.cycle", string="Order Cycle", index="btree_not_null", readonly=True, copy=False
    )
