from odoo import api, fields, models
from odoo.tools.misc import format_datetime


class SaleOrder(models.Model):
    _inherit = "sale.order"

    alim_group_purchase_id = fields.Many2one(
        "alim.group.purchase", string="Group Purchase", index="btree_not_null", readonly=True, copy=False
    )
    cycle_id = fields.Many2one(
        "alim.order.cycle", string="Order Cycle", index="btree_not_null", readonly=True, copy=False
    )
    alim_portal_state = fields.Char(
        string="Order Status",
        compute="_compute_alim_portal_state",
        help="Where the grocery's order of a cycle stands, in its words.",
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

    @api.depends("cycle_id")
    def _compute_type_name(self):
        result = super()._compute_type_name()
        for order in self.filtered("cycle_id"):
            order.type_name = self.env._("Cycle Order")
        return result

    @api.depends("state", "cycle_id.state", "cycle_id.date_close")
    @api.depends_context("tz", "lang")
    def _compute_alim_portal_state(self):
        for order in self:
            cycle = order.cycle_id.sudo()
            if not cycle:
                order.alim_portal_state = False
            elif order.state in ("draft", "sent") and cycle._is_open_for_orders():
                order.alim_portal_state = self.env._(
                    "in progress, can be changed until %s",
                    format_datetime(self.env, cycle.date_close, tz=self._alim_tz(), dt_format="short"),
                )
            elif order.state in ("draft", "sent"):
                order.alim_portal_state = self.env._("cycle closed, being shared out")
            elif order.state == "sale":
                order.alim_portal_state = self.env._("confirmed, to be delivered")
            else:
                order.alim_portal_state = self.env._("cancelled")

    def _alim_tz(self):
        return self.env.context.get("tz") or self.env.user.tz or "Europe/Paris"

    def _has_to_be_signed(self):
        """A grocery's order of a cycle is no quote: nothing to sign, accept or reject."""
        return not self.cycle_id and super()._has_to_be_signed()

    def _has_to_be_paid(self):
        """Paid on the invoice after delivery, not online before."""
        return not self.cycle_id and super()._has_to_be_paid()
