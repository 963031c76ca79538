from odoo import api, fields, models
from odoo.exceptions import ValidationError


class AlimOrderCycleLine(models.Model):
    """One product offered in an order cycle's catalogue."""

    _name = "alim.order.cycle.line"
    _description = "Order Cycle Catalogue Line"
    _order = "cycle_id, sequence, id"

    cycle_id = fields.Many2one("alim.order.cycle", required=True, ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    product_id = fields.Many2one(
        "product.product", required=True, domain="[('sale_ok', '=', True)]", ondelete="restrict"
    )
    product_name = fields.Char(related="product_id.display_name", string="Product Name")
    uom_name = fields.Char(related="product_id.uom_id.name", string="Unit")
    food_category_id = fields.Many2one(related="product_id.food_category_id")
    storage_class = fields.Selection(related="product_id.storage_class")
    food_date_type = fields.Selection(related="product_id.food_date_type")
    is_local = fields.Boolean(related="product_id.is_local")
    list_price = fields.Float(related="product_id.lst_price", string="Base Price")
    available_qty = fields.Float(
        string="Available",
        digits="Product Unit of Measure",
        readonly=True,
        help="Quantity on hand at the cycle's location when the catalogue was last refreshed.",
    )
    earliest_lot_date = fields.Datetime(
        string="Earliest Date",
        readonly=True,
        help="Earliest expiration or best-before date of the lots in stock, picked first (FEFO).",
    )
    max_per_grocery = fields.Float(
        string="Max per Grocery",
        digits="Product Unit of Measure",
        help="Most a grocery may order of this line; 0 means no limit.",
    )
    is_to_order = fields.Boolean(
        string="Bought to Order",
        help="Purchasable goods bought for the groceries' orders rather than drawn from stock: "
        "they are not shared out at closing, the platform buys what is ordered.",
    )
    quota_per_household = fields.Float(
        string="Quota per Household",
        digits="Product Unit of Measure",
        help="Most a grocery may order per household it serves (rounded down to whole units); "
        "0 means no quota. With a maximum per grocery too, the smaller limit applies.",
    )
    pack_size = fields.Integer(default=1, help="Allocation is made in whole packs of this many units.")
    ordered_qty = fields.Float(
        string="Ordered", compute="_compute_ordered_qty", digits="Product Unit of Measure"
    )
    is_scarce = fields.Boolean(compute="_compute_ordered_qty", string="Scarce")

    _sql_constraints = [
        ("product_uniq", "unique(cycle_id, product_id)", "A product appears only once in a cycle."),
    ]

    @api.constrains("max_per_grocery", "quota_per_household", "pack_size")
    def _check_quantities(self):
        for line in self:
            if line.max_per_grocery < 0 or line.quota_per_household < 0 or line.pack_size < 1:
                raise ValidationError(
                    self.env._(
                        "The maximum per grocery and the quota per household cannot be negative, "
                        "and packs hold at least one unit."
                    )
                )

    def _grocery_limit(self, grocery):
        """Most ``grocery`` may order of this line (0: no limit): the smaller of the maximum per
        grocery and the quota per household times the households it serves."""
        self.ensure_one()
        limits = []
        if self.max_per_grocery:
            limits.append(self.max_per_grocery)
        if self.quota_per_household:
            limits.append(float(int(self.quota_per_household * max(grocery.households_count, 0))))
        return min(limits) if limits else 0.0

    @api.depends("cycle_id.order_ids.order_line.product_uom_qty", "available_qty")
    def _compute_ordered_qty(self):
        groups = self.env["sale.order.line"]._read_group(
            [("order_id.cycle_id", "in", self.cycle_id.ids), ("order_id.state", "!=", "cancel")],
            ["order_id", "product_id"],
            ["product_uom_qty:sum"],
        )
        totals = {}
        for order, product, qty in groups:
            key = (order.cycle_id.id, product.id)
            totals[key] = totals.get(key, 0.0) + qty
        for line in self:
            line.ordered_qty = totals.get((line.cycle_id.id, line.product_id.id), 0.0)
            line.is_scarce = line.ordered_qty > line.available_qty

    def _compute_stock(self):
        """Refresh available quantities and earliest lot dates from the quants (batched)."""
        for cycle in self.cycle_id:
            lines = self.filtered(lambda line, c=cycle: line.cycle_id == c)
            quants = self.env["stock.quant"].search(lines._available_quants_domain(cycle))
            qty, first_date = {}, {}
            for quant in quants:
                available = quant.quantity - quant.reserved_quantity
                qty[quant.product_id.id] = qty.get(quant.product_id.id, 0.0) + available
                date = quant.lot_id.expiration_date
                if date and available > 0:
                    current = first_date.get(quant.product_id.id)
                    first_date[quant.product_id.id] = min(current, date) if current else date
            for line in lines:
                available = max(qty.get(line.product_id.id, 0.0), 0.0)
                first = first_date.get(line.product_id.id, False)
                if line.available_qty != available or line.earliest_lot_date != first:
                    line.write({"available_qty": available, "earliest_lot_date": first})

    def _available_quants_domain(self, cycle):
        """The quants that may be offered: not of a blocked lot (held, recalled, out of date)."""
        return [
            ("location_id", "child_of", cycle.location_id.id),
            ("product_id", "in", self.product_id.ids),
            "|",
            ("lot_id", "=", False),
            ("lot_id", "not any", self.env["stock.lot"]._alim_blocked_domain()),
        ]

    def action_refresh_stock(self):
        self._compute_stock()
        return True
