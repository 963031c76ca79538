from odoo import fields, models
from odoo.exceptions import UserError


class AlimOrderCycle(models.Model):
    _inherit = "alim.order.cycle"

    delivery_round_id = fields.Many2one(
        "stock.picking.batch",
        tracking=True,
        domain="[('alim_round_kind', '=', 'delivery'), ('state', 'in', ('draft', 'in_progress'))]",
        help="The groceries' deliveries go on this round, one stop per grocery: when the cycle "
        "is confirmed, or at once when a confirmed cycle is put on it.",
    )

    def _on_orders_confirmed(self):
        """The confirmed groceries' deliveries go on the cycle's round, one stop per grocery."""
        result = super()._on_orders_confirmed()
        if self.delivery_round_id:
            self._alim_put_on_round()
        return result

    def write(self, vals):
        """A confirmed cycle put on a round (or on another one), by the form or by RPC: its
        deliveries become the round's stops at once."""
        result = super().write(vals)
        if vals.get("delivery_round_id"):
            for cycle in self.filtered(lambda c: c.state == "confirmed"):
                cycle._alim_put_on_round()
        return result

    def _alim_deliveries(self):
        """The deliveries still to do of the cycle's confirmed orders."""
        orders = self.order_ids.filtered(lambda o: o.state == "sale")
        return orders.picking_ids.filtered(
            lambda p: p.picking_type_code == "outgoing" and p.state not in ("done", "cancel")
        )

    def _alim_put_on_round(self):
        self.ensure_one()
        self.delivery_round_id._alim_add_pickings(self._alim_deliveries())

    def _alim_new_round_vals(self):
        """A new round for the cycle: on its delivery date."""
        self.ensure_one()
        date = (
            fields.Datetime.to_datetime(self.delivery_date) if self.delivery_date else fields.Datetime.now()
        )
        return {"alim_round_kind": "delivery", "company_id": self.company_id.id, "scheduled_date": date}

    def action_alim_put_on_round(self):
        """A confirmed cycle on a round: its round (a new one on its delivery date if it has
        none) gets its deliveries, one stop per grocery. Opens the round."""
        self.ensure_one()
        if self.state != "confirmed":
            raise UserError(
                self.env._("The deliveries of %s are put on its round when it is confirmed.", self.name)
            )
        if self.delivery_round_id:
            self._alim_put_on_round()
        else:
            self.delivery_round_id = self.env["stock.picking.batch"].create(self._alim_new_round_vals())
        return {
            "type": "ir.actions.act_window",
            "res_model": "stock.picking.batch",
            "res_id": self.delivery_round_id.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }
