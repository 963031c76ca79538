from odoo import Command, api, fields, models
from odoo.exceptions import UserError

from ..lib.allocation import Request, allocate

GROUP_PURCHASE_STATES = [
    ("draft", "Draft"),
    ("collecting", "Collecting Demand"),
    ("ordered", "Ordered"),
    ("received", "Received and Split"),
    ("cancel", "Cancelled"),
]


class AlimGroupPurchase(models.Model):
    """Joint buying of bulk dry goods: the groceries' demand becomes one purchase order, and
    what is received is split among them as sale orders."""

    _name = "alim.group.purchase"
    _description = "Group Purchase"
    _inherit = [
        "alim.grocery.portal.form.mixin",
        "gesmip.state.machine.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _order = "deadline desc, id desc"
    _state_transitions = {
        "collect": (("draft",), "collecting"),
        "order": (("collecting",), "ordered"),
        "split": (("ordered",), "received"),
        "cancel": (("draft", "collecting"), "cancel"),
    }

    name = fields.Char(required=True, default=lambda self: self.env._("New"), copy=False, tracking=True)
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company)
    partner_id = fields.Many2one("res.partner", string="Supplier", required=True, tracking=True)
    deadline = fields.Date(
        required=True, tracking=True, help="Last day for the groceries to give their quantities."
    )
    state = fields.Selection(GROUP_PURCHASE_STATES, default="draft", required=True, tracking=True, copy=False)
    line_ids = fields.One2many("alim.group.purchase.line", "group_purchase_id", string="Products", copy=True)
    demand_ids = fields.One2many("alim.group.purchase.demand", "group_purchase_id", copy=False)
    purchase_order_id = fields.Many2one("purchase.order", readonly=True, copy=False)
    sale_order_ids = fields.One2many("sale.order", "alim_group_purchase_id", string="Grocery Orders")
    is_action_collect_allowed = fields.Boolean(compute="_compute_is_action_allowed")
    is_action_order_allowed = fields.Boolean(compute="_compute_is_action_allowed")
    is_action_split_allowed = fields.Boolean(compute="_compute_is_action_allowed")
    is_action_cancel_allowed = fields.Boolean(compute="_compute_is_action_allowed")

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", self.env._("New")) == self.env._("New"):
                vals["name"] = self.env["ir.sequence"].next_by_code("alim.group.purchase") or "/"
        return super().create(vals_list)

    def _is_open_for_demand(self):
        self.ensure_one()
        return self.state == "collecting" and fields.Date.context_today(self) <= self.deadline

    def _alim_portal_set_demands(self, raw_quantities):
        """Save the quantities the current (portal) user asks for its member grocery,
        ``{group purchase line id: text}``, read by the one quantity reader. Any
        refused value refuses the whole form and nothing is written."""
        grocery = self._alim_portal_grocery()
        purchase = self.sudo()
        if not purchase._is_open_for_demand():
            raise UserError(self.env._("The group purchase %s no longer takes quantities.", purchase.name))
        quantities = self._alim_portal_read_quantities(raw_quantities, grocery)
        # Portal users may not write demands: the checks above stand for it, own grocery only.
        Demand = self.env["alim.group.purchase.demand"].sudo()
        existing = {
            d.product_id: d
            for d in Demand.search([("group_purchase_id", "=", purchase.id), ("partner_id", "=", grocery.id)])
        }
        to_create = []
        for line, qty in quantities.items():
            demand = existing.get(line.product_id)
            if demand:
                demand.quantity = qty
            elif qty:
                to_create.append(
                    {
                        "group_purchase_id": purchase.id,
                        "partner_id": grocery.id,
                        "product_id": line.product_id.id,
                        "quantity": qty,
                    }
                )
        Demand.create(to_create)
        return True

    def _alim_portal_refusal(self):
        return self.env._("Only a member grocery can ask for a group purchase.")

    def action_collect(self):
        self._check_is_action_allowed("collect")
        for purchase in self:
            if not purchase.line_ids:
                raise UserError(self.env._("Add the products of the group purchase %s.", purchase.name))
        return self._transition("collect")

    def action_cancel(self):
        return self._transition("cancel")

    def action_order(self):
        """One purchase order to the supplier for the summed demand of every grocery."""
        self._check_is_action_allowed("order")
        for purchase in self:
            totals = {}
            for demand in purchase.demand_ids.filtered(lambda d: d.quantity > 0):
                totals[demand.product_id] = totals.get(demand.product_id, 0.0) + demand.quantity
            if not totals:
                raise UserError(self.env._("No grocery asked for anything in %s.", purchase.name))
            order = self.env["purchase.order"].create(
                {
                    "partner_id": purchase.partner_id.id,
                    "company_id": purchase.company_id.id,
                    "origin": purchase.name,
                    "alim_group_purchase_id": purchase.id,
                    "order_line": [
                        Command.create({"product_id": product.id, "product_qty": qty})
                        for product, qty in totals.items()
                    ],
                }
            )
            order.button_confirm()
            purchase._transition("order", purchase_order_id=order.id)

    def _split_receipt(self):
        """Share what was received among the groceries (all of it when it covers the demand,
        else in proportion to households served, lib.allocation) as one sale order each."""
        for purchase in self.filtered(lambda p: p.state == "ordered"):
            moves = purchase.purchase_order_id.picking_ids.move_ids.filtered(lambda m: m.state == "done")
            received = {}
            for move in moves:
                received[move.product_id] = received.get(move.product_id, 0.0) + move.quantity
            lines_by_grocery = {}
            for product, demands in purchase._demands_by_product().items():
                available = int(received.get(product, 0.0))
                asked = sum(int(d.quantity) for d in demands)
                if asked <= available:
                    shares = {d.id: int(d.quantity) for d in demands}
                else:
                    requests = [
                        Request(d.id, int(d.quantity), d.partner_id.grocery_households_used) for d in demands
                    ]
                    shares = allocate(available, requests)
                for demand in demands:
                    demand.allocated_qty = shares[demand.id]
                    if shares[demand.id]:
                        lines_by_grocery.setdefault(demand.partner_id, []).append(
                            Command.create({"product_id": product.id, "product_uom_qty": shares[demand.id]})
                        )
            for grocery, lines in lines_by_grocery.items():
                order = self.env["sale.order"].create(
                    {
                        "partner_id": grocery.id,
                        "company_id": purchase.company_id.id,
                        "origin": purchase.name,
                        "alim_group_purchase_id": purchase.id,
                        "order_line": lines,
                    }
                )
                order.action_confirm()
            purchase._transition("split")
            purchase.message_post(
                body=self.env._("Received goods split among %s groceries.", len(lines_by_grocery))
            )

    def action_split(self):
        """Split what was received now (e.g. once a backorder the supplier will not deliver is
        cancelled)."""
        self._check_is_action_allowed("split")
        for purchase in self:
            if not purchase.purchase_order_id.picking_ids.move_ids.filtered(lambda m: m.state == "done"):
                raise UserError(self.env._("Nothing has been received yet for %s.", purchase.name))
        self._split_receipt()

    def _demands_by_product(self):
        self.ensure_one()
        result = {}
        for demand in self.demand_ids.filtered(lambda d: d.quantity > 0):
            result.setdefault(demand.product_id, []).append(demand)
        return result

    def action_view_purchase(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "purchase.order",
            "res_id": self.purchase_order_id.id,
            "view_mode": "form",
        }
