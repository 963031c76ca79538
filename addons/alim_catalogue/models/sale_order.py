from odoo import Command, api, fields, models
from odoo.tools import float_compare, float_is_zero
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

    @api.model_create_multi
    def create(self, vals_list):
        partners = self.env["res.partner"].browse(
            [vals["partner_id"] for vals in vals_list if vals.get("cycle_id") and vals.get("partner_id")]
        )
        partners._gesmip_check_takes_part()
        for vals in vals_list:  # ordering waits for last month's figures, if the company says so
            if vals.get("cycle_id") and vals.get("partner_id"):
                cycle = self.env["alim.order.cycle"].sudo().browse(vals["cycle_id"])
                self.env["res.partner"].browse(vals["partner_id"])._alim_check_declared(cycle.company_id)
        return super().create(vals_list)

    def _create_invoices(self, grouped=False, final=False, date=None):
        """Goods delivered from public programme lots are invoiced at 0 on a line of their own,
        whatever the price the grocery ordered at: the lots delivered decide, not the product."""
        moves = super()._create_invoices(grouped=grouped, final=final, date=date)
        invoices = moves.filtered(lambda move: move.move_type == "out_invoice")
        # which lots are free, decided once for every line invoiced (usually none: nothing to do)
        free_lots = invoices.invoice_line_ids.sale_line_ids._alim_delivered_lots()._alim_given_free()
        if not free_lots:
            return moves
        for invoice in invoices:
            commands = []
            for aml in invoice.invoice_line_ids.filtered(
                lambda line: line.display_type == "product" and line.sale_line_ids
            ):
                sale_line = aml.sale_line_ids[:1]
                free = sale_line._alim_free_qty_to_invoice(free_lots)
                free = min(sale_line.product_uom._compute_quantity(free, aml.product_uom_id), aml.quantity)
                if float_is_zero(free, precision_rounding=aml.product_uom_id.rounding):
                    continue
                free_vals = {
                    "name": self.env._(
                        "%(name)s\nPublic programme goods: given free of charge", name=aml.name
                    ),
                    "price_unit": 0.0,
                    "alim_given_free": True,
                }
                if float_compare(free, aml.quantity, precision_rounding=aml.product_uom_id.rounding) >= 0:
                    commands.append(Command.update(aml.id, free_vals))
                    continue
                commands.append(Command.update(aml.id, {"quantity": aml.quantity - free}))
                commands.append(
                    Command.create(
                        {
                            **free_vals,
                            "sequence": aml.sequence,
                            "product_id": aml.product_id.id,
                            "product_uom_id": aml.product_uom_id.id,
                            "quantity": free,
                            "tax_ids": [Command.set(aml.tax_ids.ids)],
                            "account_id": aml.account_id.id,
                            "analytic_distribution": aml.analytic_distribution,
                            "sale_line_ids": [Command.link(sale_line.id)],
                        }
                    )
                )
            if commands:
                invoice.write({"invoice_line_ids": commands})
        return moves

    @api.depends("cycle_id")
    def _compute_type_name(self):
        result = super()._compute_type_name()
        for order in self.filtered("cycle_id"):
            order.type_name = self.env._("Cycle Order")
        return result

    @api.depends("state", "delivery_status", "cycle_id.state", "cycle_id.date_close")
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
            elif order.state in ("draft", "sent") and cycle.state in ("allocated", "confirmed"):
                order.alim_portal_state = self.env._("shared out: what you get is below, to be confirmed")
            elif order.state in ("draft", "sent"):
                order.alim_portal_state = self.env._("cycle closed, being shared out")
            elif order.state == "sale" and order.delivery_status == "full":
                order.alim_portal_state = self.env._("delivered")
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
