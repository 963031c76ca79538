from odoo import fields, models


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    asked_qty = fields.Float(
        string="Asked",
        digits="Product Unit of Measure",
        copy=False,
        help="What the grocery ordered, before the fair allocation of scarce goods.",
    )
    allocation_note = fields.Selection(
        [
            ("full", "Served in full"),
            ("shared", "Shared: demand exceeded stock"),
            ("gone", "Cut: not enough stock at the close"),
        ],
        string="Allocation",
        copy=False,
        readonly=True,
    )
    allocation_sharers = fields.Integer(
        string="Groceries Sharing",
        copy=False,
        readonly=True,
        help="How many groceries asked this product in the cycle when its stock was shared.",
    )
    allocation_reason = fields.Char(
        string="Reason of the Cut",
        compute="_compute_allocation_reason",
        help="Why the grocery gets less than it asked, in its words.",
    )
    cycle_id = fields.Many2one(related="order_id.cycle_id", store=True, index="btree_not_null")
    cut_qty = fields.Float(string="Cut", compute="_compute_cut_qty", digits="Product Unit of Measure")

    def _compute_cut_qty(self):
        for line in self:
            line.cut_qty = max(line.asked_qty - line.product_uom_qty, 0.0) if line.allocation_note else 0.0

    def _compute_allocation_reason(self):
        for line in self:
            reason = False
            if line.allocation_note and line.asked_qty > line.product_uom_qty:
                if line.allocation_note == "shared":
                    reason = self.env._(
                        "shared among %s groceries by households served", line.allocation_sharers
                    )
                elif line.product_uom_qty:
                    # true whether the stock was short when the grocery ordered or went after
                    reason = self.env._("only the stock left at the close of the cycle")
                else:
                    reason = self.env._("no stock left at the close of the cycle")
            line.allocation_reason = reason

    def _alim_cut_text(self):
        """``Rice 1 kg: asked 12, given 2 (shared among 3 groceries by households served)``, in
        the environment's language and number format."""
        self.ensure_one()
        fmt = self.env["alim.number.format.mixin"]._alim_format_qty
        return self.env._(
            "%(product)s: asked %(asked)s, given %(given)s (%(reason)s)",
            product=self.product_id.display_name,
            asked=fmt(self.asked_qty),
            given=fmt(self.product_uom_qty),
            reason=self.allocation_reason,
        )

    def _compute_price_unit(self):
        # Goods a cycle offers only from public programme lots are free on the order, as on
        # the invoice (which decides by the lots delivered): the cycle lines' stock is read
        # once for every line priced here.
        cycle_lines = (
            self.env["alim.order.cycle.line"]
            .sudo()
            .search(
                [("cycle_id", "in", self.order_id.cycle_id.ids), ("product_id", "in", self.product_id.ids)]
            )
            if self.order_id.cycle_id
            else self.env["alim.order.cycle.line"]
        )
        free = {(line.cycle_id.id, line.product_id.id) for line in cycle_lines if line._wholly_free()}
        if not free:
            return super()._compute_price_unit()
        return super(SaleOrderLine, self.with_context(alim_free_products=free))._compute_price_unit()

    def _get_display_price(self):
        if (self.order_id.cycle_id.id, self.product_id.id) in self.env.context.get("alim_free_products", ()):
            return 0.0
        return super()._get_display_price()

    def _compute_tax_id(self):
        """A grocery's order carries the association's VAT: none if it is not subject to VAT,
        else the food rate on bought goods and the fee rate on donated goods (mapped by the
        order's fiscal position)."""
        result = super()._compute_tax_id()
        for line in self:
            if line.display_type or not line.product_id:
                continue
            if not line.order_id.partner_id.commercial_partner_id.is_grocery:
                continue
            company = line.company_id
            if not company.alim_vat_subject:
                line.tax_id = False
                continue
            donated = line.product_id.alim_supply_mode == "donated"
            tax = company.alim_fee_tax_id if donated else company.alim_food_tax_id
            line.tax_id = line.order_id.fiscal_position_id.map_tax(tax)
        return result

    def _alim_delivered_lots(self):
        """The lots of these lines' done move lines."""
        return self.move_ids.move_line_ids.filtered(lambda ml: ml.state == "done").lot_id

    def _alim_free_qty_to_invoice(self, free_lots):
        """The quantity delivered from ``free_lots`` (lots given free of charge, see
        ``stock.lot._alim_given_free``) not yet invoiced as such, in the line's unit: returns
        of those lots come off it."""
        self.ensure_one()
        delivered = 0.0
        for move_line in self.move_ids.move_line_ids.filtered(
            lambda ml: ml.state == "done" and ml.lot_id in free_lots
        ):
            qty = move_line.product_uom_id._compute_quantity(move_line.quantity, self.product_uom)
            if move_line.location_dest_id.usage == "customer":
                delivered += qty
            elif move_line.location_id.usage == "customer":
                delivered -= qty
        invoiced = 0.0
        for invoice_line in self.invoice_lines.filtered(
            lambda aml: aml.alim_given_free and aml.move_id.state != "cancel"
        ):
            sign = 1 if invoice_line.move_id.move_type == "out_invoice" else -1
            invoiced += sign * invoice_line.product_uom_id._compute_quantity(
                invoice_line.quantity, self.product_uom
            )
        return max(delivered - invoiced, 0.0)

    def _get_pricelist_price(self):
        """The tier's pricelist price, less the starter discount of a newly opened grocery (the
        portal shows the same computation, so the grocery sees the price it is invoiced)."""
        price = super()._get_pricelist_price()
        partner = self.order_id.partner_id
        if partner:
            price *= 1 - partner._alim_starter_discount(self._get_order_date()) / 100
        return price
