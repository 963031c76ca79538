from datetime import datetime, timedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class AlimOrderCycleLine(models.Model):
    """One product offered in an order cycle's catalogue."""

    _name = "alim.order.cycle.line"
    _inherit = ["alim.number.format.mixin"]
    _description = "Order Cycle Catalogue Line"
    _order = "cycle_id, sequence, id"

    cycle_id = fields.Many2one("alim.order.cycle", required=True, ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    product_id = fields.Many2one(
        "product.product", required=True, domain="[('sale_ok', '=', True)]", ondelete="restrict"
    )
    product_name = fields.Char(related="product_id.display_name", string="Product Name")
    # the portal sorts the catalogue by it (category, then name), in SQL, for one page
    product_base_name = fields.Char(related="product_id.name", string="Product Base Name")
    uom_name = fields.Char(related="product_id.uom_id.name", string="Unit")
    food_category_id = fields.Many2one(related="product_id.food_category_id")
    storage_class = fields.Selection(related="product_id.storage_class")
    food_date_type = fields.Selection(related="product_id.food_date_type")
    is_local = fields.Boolean(related="product_id.is_local")
    list_price = fields.Float(related="product_id.lst_price", string="Base Price")
    # Live: computed on every read from today's quants (no button, no stored copy to go stale).
    available_qty = fields.Float(
        string="Available",
        digits="Product Unit of Measure",
        compute="_compute_stock",
        compute_sudo=True,
        help="Stock at the cycle's location now, less lots held, recalled or out of date, less "
        "what confirmed orders already reserve. Orders of this cycle beyond it are shared fairly "
        "at the close.",
    )
    free_qty = fields.Float(
        string="Free (Public Programme)",
        digits="Product Unit of Measure",
        compute="_compute_stock",
        compute_sudo=True,
        help="Of the quantity available, what comes from public programme lots (or packs made "
        "only from them): given to groceries free of charge.",
    )
    earliest_lot_date = fields.Date(
        string="Earliest Date",
        compute="_compute_stock",
        compute_sudo=True,
        help="Earliest expiration or best-before date of the lots offered, picked first (FEFO).",
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
            limits.append(float(int(self.quota_per_household * max(grocery.grocery_households_used, 0))))
        return min(limits) if limits else 0.0

    def _alim_over_available(self, ordered):
        """What is ordered beyond what is available now, ``ordered`` being ``{product id:
        quantity}``, said line by line (stock lines only, not those bought to order)."""
        fmt = self._alim_format_qty
        return [
            self.env._(
                "%(product)s: %(asked)s asked, %(available)s available",
                product=line.product_name,
                asked=fmt(ordered[line.product_id.id]),
                available=fmt(line.available_qty),
            )
            for line in self
            if not line.is_to_order
            and line.product_id.id in ordered
            and ordered[line.product_id.id] > line.available_qty
        ]

    def _alim_grocery_unit_prices(self, grocery, date=None):
        """{product id: unit price} of these lines for ``grocery`` (``res.partner._alim_unit_prices``)."""
        return grocery._alim_unit_prices(self.sudo().product_id, date=date) if self else {}

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
        """Available quantities and earliest dates from the quants, read live: one grouped
        query for all the lines of one cycle (flat in the number of lines)."""
        today = fields.Date.context_today(self)
        for line in self:
            line.available_qty = 0.0
            line.free_qty = 0.0
            line.earliest_lot_date = False
        for cycle in self.cycle_id:
            lines = self.filtered(lambda line, c=cycle: line.cycle_id == c)
            groups = self.env["stock.quant"]._read_group(
                lines._available_quants_domain(cycle),
                ["product_id", "lot_id", "expiration_date:day"],
                ["quantity:sum", "reserved_quantity:sum"],
            )
            # the lots given free (public programmes), decided once for all the lots offered
            free_lots = (
                self.env["stock.lot"]
                .union(*(lot for _p, lot, _d, _q, _r in groups if lot))
                ._alim_given_free()
            )
            qty, free, first_date = {}, {}, {}
            for product, lot, day, quantity, reserved in groups:
                day = day.date() if isinstance(day, datetime) else day
                if day and self._out_of_date(product, day, today):
                    continue
                available = quantity - reserved
                qty[product.id] = qty.get(product.id, 0.0) + available
                if lot and lot in free_lots:
                    free[product.id] = free.get(product.id, 0.0) + available
                if day and available > 0:
                    current = first_date.get(product.id)
                    first_date[product.id] = min(current, day) if current else day
            for line in lines:
                line.available_qty = max(qty.get(line.product_id.id, 0.0), 0.0)
                line.free_qty = min(max(free.get(line.product_id.id, 0.0), 0.0), line.available_qty)
                line.earliest_lot_date = first_date.get(line.product_id.id, False)

    def _wholly_free(self):
        """Whether everything this line offers now is given free (public programme lots)."""
        self.ensure_one()
        return not self.is_to_order and self.available_qty > 0 and self.free_qty >= self.available_qty

    @api.model
    def _out_of_date(self, product, day, today):
        """A lot dated ``day`` may no longer be offered: its use-by date is passed, or its
        best-before date is passed by more than the category's tolerance (when the cold chain
        addon, which keeps that tolerance, is installed; a best-before date alone does not
        forbid giving the food)."""
        if product.food_date_type == "ddm":
            category = product.food_category_id
            if "ddm_tolerance_days" not in category._fields:
                return False
            return day + timedelta(days=category.ddm_tolerance_days or 0) < today
        return day < today

    def _available_quants_domain(self, cycle):
        """The quants that may be offered: not of a blocked lot (held, recalled); the lots out
        of date are left out by ``_out_of_date``."""
        return [
            ("location_id", "child_of", cycle.location_id.id),
            ("product_id", "in", self.product_id.ids),
            "|",
            ("lot_id", "=", False),
            ("lot_id", "not any", self.env["stock.lot"]._alim_blocked_domain()),
        ]
