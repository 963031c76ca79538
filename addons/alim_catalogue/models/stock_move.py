from odoo import models


class StockMove(models.Model):
    _inherit = "stock.move"

    def _action_assign(self, force_qty=False):
        """Within a cycle's confirmation, leave each move's state to the end of the reservation.

        Odoo reserves a move at a time, and each move line it creates writes its move's state
        at once, which makes Odoo recompute the state of the whole delivery (stock_picking_batch
        reads it after every move that becomes reserved): on a delivery of 200 lines, 200 times
        200 moves. ``_action_assign`` writes every move's final state itself when it is done, so
        with ``preserve_state`` the result is the same and the delivery's state is computed once.
        Only the cycle's confirmation asks for it (context key ``alim_cycle_confirm``)."""
        if self.env.context.get("alim_cycle_confirm"):
            self = self.with_context(preserve_state=True)  # pylint: disable=self-cls-assignment
        return super()._action_assign(force_qty=force_qty)
