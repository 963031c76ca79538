from odoo import fields, models


class AlimOrderCycle(models.Model):
    _inherit = "alim.order.cycle"

    delivery_round_id = fields.Many2one(
        "stock.picking.batch",
        tracking=True,
        domain="[('alim_round_kind', '=', 'delivery'), ('state', 'in', ('draft', 'in_progress'))]",
        help="When the cycle is confirmed, the groceries' deliveries are put on this round, one "
        "stop per grocery.",
    )

    def _on_orders_confirmed(self):
        """The confirmed groceries' deliveries go on the cycle's round, one stop per grocery."""
        result = super()._on_orders_confirmed()
        if self.delivery_round_id:
            orders = self.order_ids.filtered(lambda o: o.state == "sale")
            self.delivery_round_id._alim_add_pickings(orders.picking_ids)
        return result
