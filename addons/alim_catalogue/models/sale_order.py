from odoo import fields, models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    alim_group_purchase_id = fields.Many2one(
        "alim.group.purchase", string="Group Purchase", index="btree_not_null", readonly=True, copy=False
    )
    cycle_id = fields.Many2one(
        "alim.order.cycle", string="Order Cycle", index="btree_not_null", readonly=True, copy=False
    )

    def init(self):
        # One live order per grocery and cycle, even when two requests of the same grocery
        # create it at the same moment (two browser tabs): the database decides.
        self.env.cr.execute(
            """
            CREATE UNIQUE INDEX IF NOT EXISTS sale_order_cycle_grocery_uniq
                ON sale_order (cycle_id, partner_id)
             WHERE cycle_id IS NOT NULL AND state != 'cancel'
            """
        )
