import time
from collections import defaultdict

from markupsafe import Markup
from psycopg2.errors import UniqueViolation

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.osv import expression
from odoo.tools import format_datetime
from odoo.tools.safe_eval import safe_eval

from ..lib.allocation import Request, allocate

STATES = [
    ("draft", "Draft"),
    ("open", "Open"),
    ("closed", "Closed"),
    ("allocated", "Allocated"),
    ("confirmed", "Confirmed"),
]


class AlimOrderCycle(models.Model):
    """An ordering window: groceries order from its catalogue between opening and closing."""

    _name = "alim.order.cycle"
    _description = "Order Cycle"
    _inherit = [
        "alim.grocery.portal.form.mixin",
        "gesmip.state.machine.mixin",
        "gesmip.background.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _order = "date_open desc, id desc"
    _job_cron_xmlid = "alim_catalogue.alim_order_cycle_job_cron"
    # Allocating or confirming runs at once in the request up to this many order lines (a few
    # seconds), in the background beyond.
    _job_inline_lines = 500

    name = fields.Char(required=True, tracking=True)
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company)
    date_open = fields.Datetime(string="Opens On", required=True, tracking=True)
    date_close = fields.Datetime(
        string="Closes On",
        required=True,
        tracking=True,
        help="The close announced to the groceries: they may change their orders until then.",
    )
    date_closed = fields.Datetime(
        string="Actual Close",
        readonly=True,
        copy=False,
        tracking=True,
        help="When the cycle was actually closed for orders: before the announced close when it "
        "was closed early. The portal shows it instead of the announced close.",
    )
    is_close_early = fields.Boolean(
        string="Closing Early",
        compute="_compute_is_close_early",
        help="Closing now would close before the close announced to the groceries.",
    )
    delivery_date = fields.Date(tracking=True)
    user_id = fields.Many2one(
        "res.users",
        string="Contact at the Platform",
        default=lambda self: self.env.user if not self.env.user._is_superuser() else False,
        domain="[('share', '=', False)]",
        tracking=True,
        help="The person the groceries' orders of this cycle name as their contact.",
    )
    location_id = fields.Many2one(
        "stock.location",
        string="Stock Location",
        required=True,
        domain="[('usage', '=', 'internal')]",
        default=lambda self: self._default_location_id(),
        check_company=True,
        help="The catalogue's available quantities are those of this location and its sub-locations.",
    )
    # Staff only: a grocery is never told which other groceries are invited (portal users
    # read the cycle through its record rule, which finds their own grocery here).
    grocery_ids = fields.Many2many(
        "res.partner",
        string="Invited Groceries",
        # only groceries that take part in the network (res.partner._gesmip_taking_part_domain)
        domain="[('is_grocery', '=', True), ('grocery_status', 'in', ('new', 'active'))]",
        groups="base.group_user",
    )
    line_ids = fields.One2many("alim.order.cycle.line", "cycle_id", string="Catalogue", copy=True)
    order_ids = fields.One2many("sale.order", "cycle_id", string="Orders")
    order_count = fields.Integer(compute="_compute_order_count", groups="base.group_user")
    state = fields.Selection(STATES, default="draft", required=True, tracking=True, copy=False)
    _state_transitions = {
        "open": (("draft",), "open"),
        "draft": (("open",), "draft"),
        "close": (("open",), "closed"),
        "allocate": (("closed",), "allocated"),
        "confirm": (("allocated",), "confirmed"),
    }
    is_action_open_allowed = fields.Boolean(compute="_compute_is_action_allowed")
    is_action_close_allowed = fields.Boolean(compute="_compute_is_action_allowed")
    is_action_allocate_allowed = fields.Boolean(compute="_compute_is_action_allowed")
    is_action_confirm_allowed = fields.Boolean(compute="_compute_is_action_allowed")
    is_action_draft_allowed = fields.Boolean(compute="_compute_is_action_allowed")

    @api.model
    def _default_location_id(self):
        warehouse = self.env["stock.warehouse"].search([("company_id", "=", self.env.company.id)], limit=1)
        return warehouse.lot_stock_id

    @api.depends("order_ids")
    def _compute_order_count(self):
        for cycle in self:
            cycle.order_count = len(cycle.order_ids)

    @api.constrains("date_open", "date_close")
    def _check_dates(self):
        for cycle in self:
            if cycle.date_close <= cycle.date_open:
                raise ValidationError(
                    self.env._("The cycle %(name)s must close after it opens.", name=cycle.name)
                )

    @api.depends("state", "date_close")
    def _compute_is_close_early(self):
        now = fields.Datetime.now()
        for cycle in self:
            cycle.is_close_early = cycle.state == "open" and bool(cycle.date_close) and now < cycle.date_close

    def _is_open_for_orders(self):
        """True while groceries may still change their orders."""
        self.ensure_one()
        now = fields.Datetime.now()
        return self.state == "open" and self.date_open <= now < self.date_close

    @api.model_create_multi
    def create(self, vals_list):
        cycles = super().create(vals_list)
        for cycle in cycles:
            cycle._check_invited_take_part(cycle.sudo().grocery_ids)
        return cycles

    def write(self, vals):
        invited = {cycle: cycle.sudo().grocery_ids for cycle in self} if "grocery_ids" in vals else {}
        result = super().write(vals)
        for cycle, before in invited.items():
            cycle._check_invited_take_part(cycle.sudo().grocery_ids - before)
        return result

    def _check_invited_take_part(self, groceries):
        """Groceries invited now take part in the network; one suspended since it was invited
        stays on the list (its orders are cancelled at the allocation)."""
        refused = groceries._gesmip_not_taking_part()
        if refused:
            raise ValidationError(
                self.env._(
                    "Only groceries that take part in the network (new or active members) can be "
                    "invited: %(groceries)s.",
                    groceries=", ".join(refused.mapped("display_name")),
                )
            )

    def _cancel_orders_not_taking_part(self):
        """The orders of groceries that no longer take part (suspended, left, back to project
        since they ordered) are cancelled before the allocation shares the stock, and said on
        the cycle: they get nothing, no delivery."""
        for cycle in self:
            orders = cycle._orders_to_confirm()
            gone = orders.partner_id._gesmip_not_taking_part()
            cancelled = orders.filtered(
                lambda order, gone=gone: order.partner_id.commercial_partner_id in gone
            )
            if cancelled:
                cancelled._action_cancel()
                cycle.message_post(
                    body=self.env._(
                        "Orders cancelled: %(groceries)s no longer take part in the network "
                        "(suspended, left or back to project).",
                        groceries=", ".join(gone.mapped("display_name")),
                    )
                )

    # --- actions --------------------------------------------------------------------------
    def action_open(self):
        self._check_is_action_allowed("open")
        for cycle in self:
            if not cycle.line_ids:
                raise UserError(self.env._("Add catalogue lines before opening the cycle %s.", cycle.name))
            if not cycle.grocery_ids:
                raise UserError(self.env._("Invite at least one grocery to the cycle %s.", cycle.name))
        self._transition("open")
        for cycle in self:
            cycle._apply_standing_orders()

    def action_draft(self):
        return self._transition("draft")

    def action_close(self):
        """Close for orders, and record when. Before the announced close, the groceries were
        told they had until then: closing early is refused unless the caller says it means it
        (the form's "Close Early" button asks the user to confirm, then passes
        ``alim_close_early``)."""
        self._check_is_action_allowed("close")
        now = fields.Datetime.now()
        early = self.filtered(lambda cycle: now < cycle.date_close)
        if early and not self.env.context.get("alim_close_early"):
            cycle = early[0]
            raise UserError(
                self.env._(
                    "The groceries were told the cycle %(name)s closes on %(date)s: closing it now "
                    'closes it early and ends their orders. Use the button "Close Early" and '
                    "confirm.",
                    name=cycle.name,
                    date=format_datetime(self.env, cycle.date_close, dt_format="short"),
                )
            )
        return self._transition("close", date_closed=now)

    def action_allocate(self):
        self._check_is_action_allowed("allocate")
        return self._job_launch("allocate")

    def action_confirm(self):
        self._check_is_action_allowed("confirm")
        return self._job_launch("confirm")

    def action_load_stock(self):
        """Add a catalogue line for each saleable product in stock at the cycle's location."""
        self.ensure_one()
        if self.state != "draft":
            raise UserError(self.env._("The catalogue can only be loaded on a draft cycle."))
        groups = self.env["stock.quant"]._read_group(
            [
                ("location_id", "child_of", self.location_id.id),
                ("quantity", ">", 0),
                ("product_id.sale_ok", "=", True),
                # a many2one path does not leave archived products out by itself
                ("product_id.active", "=", True),
            ],
            ["product_id"],
        )
        present = self.line_ids.product_id
        new_products = [product for (product,) in groups if product not in present]
        self.env["alim.order.cycle.line"].create(
            [{"cycle_id": self.id, "product_id": product.id} for product in new_products]
        )
        return True

    def action_view_orders(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "alim_catalogue.alim_order_cycle_orders_action"
        )
        action["domain"] = [("cycle_id", "in", self.ids)]
        action["context"] = {"search_default_cycle_id": self.id}
        return action

    def action_view_allocation(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "alim_catalogue.alim_order_cycle_allocation_action"
        )
        # The action's own domain keeps to cycle lines; the cycle is a filter the user sees,
        # which a reload of the page keeps.
        action["context"] = {"search_default_group_product": 1, "search_default_cycle_id": self.id}
        action["domain"] = expression.AND([safe_eval(action["domain"]), [("cycle_id", "in", self.ids)]])
        return action

    # --- work -----------------------------------------------------------------------------
    def _get_grocery_order(self, grocery, create=False):
        """The grocery's order in this cycle (created as draft on demand)."""
        self.ensure_one()
        order = self.order_ids.filtered(lambda o: o.partner_id == grocery and o.state != "cancel")[:1]
        if not order and create:
            order = self.env["sale.order"].create(self._prepare_order_vals(grocery))
            order.message_subscribe(partner_ids=grocery.ids)
            # its portal link's token now, so that the catalogue page, served read-only (from
            # a replica where there is one), never has to write it
            order._portal_ensure_token()
        return order

    def _apply_standing_orders(self):
        """Pre-fill the orders of invited groceries that keep a standing order: the products
        that are in this cycle's catalogue, within each line's limit for the grocery; what is
        left out is said on the order."""
        self.ensure_one()
        taking_part = self.grocery_ids - self.grocery_ids._gesmip_not_taking_part()
        taking_part -= self._alim_skip_waiting_for_declaration(taking_part)
        standing_orders = self.env["alim.standing.order"].search(
            [("partner_id", "in", taking_part.ids), ("company_id", "=", self.company_id.id)]
        )
        catalogue = {line.product_id: line for line in self.line_ids}
        to_create = []
        for standing in standing_orders:
            grocery = standing.partner_id
            order = self._get_grocery_order(grocery, create=True)
            present = order.order_line.product_id
            skipped, capped = [], []
            for line in standing.line_ids:
                cycle_line = catalogue.get(line.product_id)
                if not cycle_line:
                    skipped.append(line.product_id.display_name)
                    continue
                if line.product_id in present:
                    continue
                qty = line.quantity
                limit = cycle_line._grocery_limit(grocery)
                if limit and qty > limit:
                    qty = limit
                    capped.append(line.product_id.display_name)
                to_create.append(
                    {"order_id": order.id, "product_id": line.product_id.id, "product_uom_qty": qty}
                )
            notes = [self.env._("Pre-filled from your standing order.")]
            if skipped:
                notes.append(self.env._("Not in this cycle: %s.", ", ".join(skipped)))
            if capped:
                notes.append(self.env._("Lowered to this cycle's limit: %s.", ", ".join(capped)))
            order.message_post(body=" ".join(notes))
        self.env["sale.order.line"].create(to_create)

    def _lock_for_orders(self):
        """Share-lock the cycle's row before an order is written.

        Orders of different groceries do not wait for each other, but closing the cycle (an
        UPDATE of this row) waits for the orders being saved, and an order saved while the
        cycle is being closed fails with a serialization error, which Odoo retries: the retry
        then sees the cycle closed and refuses clearly. No order slips in after the close."""
        # A serialization failure here is expected and retried by Odoo: not an error to log.
        self.env.cr.execute(
            "SELECT id FROM alim_order_cycle WHERE id IN %s FOR SHARE",
            [tuple(self.ids)],
            log_exceptions=False,
        )

    def _set_grocery_quantities(self, grocery, quantities):
        """Write ``{cycle line: quantity}`` into ``grocery``'s draft order of this cycle.

        Called as superuser by the portal once the user is known to belong to ``grocery``:
        every other rule (invited, open, limits) is checked here."""
        self.ensure_one()
        self._lock_for_orders()
        self.invalidate_recordset(["state", "date_open", "date_close"])
        if grocery not in self.grocery_ids:
            raise AccessError(self.env._("Your grocery is not invited to this order cycle."))
        if not self._is_open_for_orders():
            raise UserError(
                self.env._("The order cycle %s is closed: orders can no longer be changed.", self.name)
            )
        for line, qty in quantities.items():
            if line.cycle_id != self:
                raise AccessError(self.env._("This product is not in the cycle's catalogue."))
            limit = line._grocery_limit(grocery)
            if qty < 0 or (limit and qty > limit):
                raise UserError(
                    self.env._(
                        "You can order at most %(max)s of %(product)s in this cycle.",
                        max=line._alim_format_qty(limit),
                        product=line.product_name,
                    )
                )
        order = self._get_grocery_order(grocery)
        if order and order.state not in ("draft", "sent"):
            raise UserError(self.env._("This order can no longer be changed."))
        if not order:
            try:
                with self.env.cr.savepoint():
                    order = self._get_grocery_order(grocery, create=True)
            except UniqueViolation:
                raise UserError(
                    self.env._(
                        "Your order is being saved from another window: please check it and try again."
                    )
                ) from None
        order_lines = {line.product_id: line for line in order.order_line}
        SaleLine = self.env["sale.order.line"]
        # Written in batches (one write per new quantity, one unlink, one create), and only
        # what changed: the portal posts a whole page, and each write of a sale line's
        # quantity costs Odoo a dozen queries of recomputation.
        to_write, to_unlink, to_create = defaultdict(lambda: SaleLine), SaleLine, []
        for cycle_line, qty in quantities.items():
            existing = order_lines.get(cycle_line.product_id)
            if existing and qty:
                if existing.product_uom_qty != qty:
                    to_write[qty] |= existing
            elif existing:
                to_unlink |= existing
            elif qty:
                to_create.append(
                    {"order_id": order.id, "product_id": cycle_line.product_id.id, "product_uom_qty": qty}
                )
        for qty, lines in to_write.items():
            lines.write({"product_uom_qty": qty})
        to_unlink.unlink()
        if to_create:
            SaleLine.create(to_create)
        return order

    # --- the portal's doors: the current (portal) user writes for its own grocery -----------
    # (alim.grocery.portal.form.mixin: the grocery must be invited; only the posted lines are
    # read, with the line's limit for the grocery and its pack size)
    def _alim_portal_grocery_allowed(self, grocery):
        return grocery in self.grocery_ids

    def _alim_portal_refusal(self):
        return self.env._("Your grocery is not invited to this order cycle.")

    def _alim_portal_form_lines(self, raw_quantities):
        # Only the lines posted are read and written: the portal posts one page of the
        # catalogue, and the lines of the other pages keep their quantities.
        posted = [line_id for line_id in raw_quantities if isinstance(line_id, int) and 0 < line_id < 2**31]
        return (
            self.env["alim.order.cycle.line"]
            .sudo()
            .search([("cycle_id", "=", self.id), ("id", "in", posted)])
        )

    def _alim_portal_quantity_limits(self, line, grocery):
        return {"limit": line._grocery_limit(grocery), "pack": line.pack_size}

    def _alim_portal_set_quantities(self, raw_quantities):
        """Write what the current user typed, ``{cycle line id: text}``, into its grocery's
        draft order of this cycle. Every value goes through the one quantity reader (the
        line's limit for the grocery, its pack size, the product's unit); any refused
        value refuses the whole form and nothing is written."""
        grocery = self._alim_portal_grocery()
        cycle = self.sudo()
        if not cycle._is_open_for_orders():
            raise UserError(
                self.env._("The order cycle %s is closed: orders can no longer be changed.", cycle.name)
            )
        quantities = self._alim_portal_read_quantities(raw_quantities, grocery)
        # The portal user may not write sale orders itself: the cycle writes them as superuser,
        # for the user's own grocery only, checking the cycle's rules again under a lock.
        order = cycle._set_grocery_quantities(grocery.sudo(), quantities)
        return order.with_env(self.env)

    def _alim_portal_declaration_wait(self):
        """Why the current user's grocery cannot order in this cycle until it declares last
        month's figures, or an empty text (the company's setting decides)."""
        self.ensure_one()
        grocery = self.env.user._gesmip_member_grocery()
        return grocery._alim_declaration_refusal(self.sudo().company_id) if grocery else ""

    def _alim_skip_waiting_for_declaration(self, groceries):
        """Of ``groceries``, those whose standing order waits for last month's figures: said
        on the cycle, their orders not pre-filled."""
        self.ensure_one()
        waiting = groceries._alim_waiting_for_declaration(self.company_id)
        if waiting:
            self.message_post(
                body=self.env._(
                    "Standing orders not applied: %(groceries)s have not declared last month's figures.",
                    groceries=", ".join(waiting.mapped("display_name")),
                )
            )
        return waiting

    def _alim_vat_note(self):
        """Whether the prices a grocery reads include VAT, in its words."""
        self.ensure_one()
        company = self.sudo().company_id
        if not company.alim_vat_subject:
            return self.env._("The platform is not subject to VAT: the prices carry no VAT.")
        return self.env._(
            "Prices exclude VAT: %(food)s on food and %(fee)s on the logistics fee of donated goods "
            "are added to your order's total.",
            food=company.alim_food_tax_id.name,
            fee=company.alim_fee_tax_id.name,
        )

    def _alim_portal_keep_as_standing(self):
        """Keep the current user's order of this cycle as its grocery's standing order."""
        grocery = self._alim_portal_grocery()
        cycle = self.sudo()
        order = cycle._get_grocery_order(grocery.sudo())
        lines = [
            Command.create({"product_id": line.product_id.id, "quantity": line.product_uom_qty})
            for line in order.order_line
            if not line.display_type and line.product_uom_qty > 0
        ]
        if not lines:
            raise UserError(self.env._("Order something first."))
        Standing = self.env["alim.standing.order"].sudo().with_context(active_test=False)
        standing = Standing.search(
            [("partner_id", "=", grocery.id), ("company_id", "=", cycle.company_id.id)]
        )
        if standing:
            standing.write({"active": True, "line_ids": [Command.clear(), *lines]})
        else:
            standing = Standing.create(
                {"partner_id": grocery.id, "company_id": cycle.company_id.id, "line_ids": lines}
            )
        return standing.with_env(self.env)

    def _prepare_order_vals(self, grocery):
        return {
            "partner_id": grocery.id,
            "cycle_id": self.id,
            "company_id": self.company_id.id,
            "commitment_date": self.delivery_date or False,
            # the grocery's contact is a person of the platform, never the superuser (OdooBot)
            "user_id": self.user_id.id or False,
            # a cycle order does not expire like a quote: it closes with its cycle
            "validity_date": False,
            "warehouse_id": self.location_id.warehouse_id.id or False,
        }

    def _allocate(self):
        """Share scarce lines among the groceries' orders (thin wrapper of lib.allocation).

        Writes are grouped by value: closing 50 groceries x 200 lines makes a few dozen
        UPDATEs, not one per order line."""
        self.ensure_one()
        self.line_ids._compute_stock()
        SaleLine = self.env["sale.order.line"]
        order_lines = self.order_ids.filtered(lambda o: o.state in ("draft", "sent")).order_line
        by_product = {}
        for line in order_lines:
            if not line.display_type:
                by_product.setdefault(line.product_id.id, []).append(line)
        updates = {}  # (asked, allocated or None, note, sharers) -> order lines
        cut_lines = SaleLine
        for cycle_line in self.line_ids:
            lines = by_product.get(cycle_line.product_id.id, [])
            demand = sum(line.product_uom_qty for line in lines)
            available = int(cycle_line.available_qty)
            if cycle_line.is_to_order or demand <= available:
                for line in lines:
                    key = (line.product_uom_qty, None, "full", 0)
                    updates[key] = updates.get(key, SaleLine) | line
                continue
            requests = [
                Request(line.id, int(line.product_uom_qty), line.order_id.partner_id.grocery_households_used)
                for line in lines
            ]
            shares = allocate(available, requests, cycle_line.pack_size or 1)
            # Shared among several groceries, or simply gone: the stock that is left went
            # elsewhere (another order, a recall, a date) since the grocery ordered.
            note, sharers = ("shared", len(lines)) if len(lines) > 1 and available > 0 else ("gone", 0)
            for line in lines:
                allocated = shares[line.id]
                if allocated < line.product_uom_qty:
                    cut_lines |= line
                key = (line.product_uom_qty, allocated, note, sharers)
                updates[key] = updates.get(key, SaleLine) | line
        # A cut quantity keeps the unit price the grocery saw when ordering: protecting the
        # price fields also spares a pricelist lookup per cut line.
        price_fields = [
            SaleLine._fields[name]
            for name in ("price_unit", "technical_price_unit", "pricelist_item_id", "discount")
        ]
        for (asked, allocated, note, sharers), lines in updates.items():
            vals = {"asked_qty": asked, "allocation_note": note, "allocation_sharers": sharers}
            if allocated is not None and allocated != asked:
                vals["product_uom_qty"] = allocated
            with self.env.protecting(price_fields, lines):
                lines.write(vals)
        for order, lines in cut_lines.grouped("order_id").items():
            self._alim_tell_cuts(order, lines)

    def _alim_tell_cuts(self, order, cut_lines):
        """Tell the grocery, on its order and by mail, in its language, what it asked, what it
        gets and why, line by line."""
        self.ensure_one()
        lang = order.partner_id.lang or self.env.lang
        cut_lines = cut_lines.with_context(lang=lang)
        env = cut_lines.env
        intro = env._(
            "The order cycle %(cycle)s could not serve all of your order. What you asked, what "
            "you get and why:",
            cycle=self.name,
        )
        items = Markup().join(Markup("<li>%s</li>") % line._alim_cut_text() for line in cut_lines)
        body = Markup("<p>%s</p><ul>%s</ul>") % (intro, items)
        if "shared" in cut_lines.mapped("allocation_note"):
            body += Markup("<p>%s</p>") % env._(
                "A shared product goes to each grocery in proportion to the households it "
                "serves, in whole packs, never more than it asked."
            )
        order.message_post(
            body=body,
            partner_ids=order.partner_id.ids,
            subtype_xmlid="mail.mt_comment",
        )

    def _check_allocation_within_stock(self, orders):
        """Staff may adjust the allocation before confirming, but never beyond what is available."""
        self.line_ids._compute_stock()
        ordered = {}
        for line in orders.order_line:
            ordered[line.product_id.id] = ordered.get(line.product_id.id, 0.0) + line.product_uom_qty
        over = [
            self.env._(
                "%(product)s: %(ordered)s allocated, %(available)s available",
                product=line.product_name,
                ordered=line._alim_format_qty(ordered[line.product_id.id]),
                available=line._alim_format_qty(line.available_qty),
            )
            for line in self.line_ids
            if ordered.get(line.product_id.id, 0.0) > line.available_qty
            and line.product_id.is_storable
            and not line.is_to_order
        ]
        if over:
            raise UserError(
                self.env._(
                    "The cycle %(name)s allocates more than the stock holds; lower these quantities "
                    "before confirming:\n%(lines)s",
                    name=self.name,
                    lines="\n".join(over),
                )
            )

    # --- background work (gesmip.background.mixin) ----------------------------------------
    def _job_action_labels(self):
        return dict(
            super()._job_action_labels(),
            allocate=self.env._("Allocation"),
            confirm=self.env._("Confirmation of the orders"),
        )

    def _orders_to_confirm(self):
        return self.order_ids.filtered(lambda o: o.state in ("draft", "sent"))

    def _job_prepare_allocate(self):
        self._cancel_orders_not_taking_part()
        lines = self._orders_to_confirm().order_line
        return 1, len(lines) <= self._job_inline_lines

    def _job_step_allocate(self, deadline):
        self._allocate()
        self._transition("allocate")
        return 1

    def _job_prepare_confirm(self):
        """Checked and cleaned at once, in the request: the allocation within stock, the orders
        given nothing cancelled. The rest is confirming. A line cut to nothing stays on its
        order (nothing to deliver nor invoice) so the grocery still reads why."""
        self._cancel_orders_not_taking_part()
        orders = self._orders_to_confirm()
        self._check_allocation_within_stock(orders)
        orders.order_line.filtered(
            lambda line: not line.product_uom_qty and not line.display_type and not line.allocation_note
        ).unlink()
        empty = orders.filtered(
            lambda o: not any(line.product_uom_qty for line in o.order_line if not line.display_type)
        )
        empty._action_cancel()
        orders -= empty
        return len(orders), len(orders.order_line) <= self._job_inline_lines

    def _job_step_confirm(self, deadline):
        """Confirm the orders in chunks sized from the time the first ones took; when none is
        left, put the deliveries on the round and mark the cycle confirmed."""
        # each delivery's state computed once, not once per reserved line (see stock_move.py)
        orders = self._orders_to_confirm().with_context(alim_cycle_confirm=True)
        if deadline is None:
            orders.action_confirm()
        else:
            chunk = 1
            while orders:
                start = time.monotonic()
                # without the other orders in the prefetch: Odoo would read all their lines
                batch = orders[:chunk].with_prefetch()
                self._prefetch_quants(batch)
                batch.action_confirm()
                self.env.flush_all()
                per_order = (time.monotonic() - start) / len(batch)
                orders = orders[chunk:]
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                chunk = max(1, int(left / per_order)) if per_order else len(orders)
        remaining = len(self._orders_to_confirm())
        if not remaining:
            self._on_orders_confirmed()
            self._transition("confirm")
        return max(0, self.job_total - remaining)

    def _prefetch_quants(self, orders):
        """Read at once the quants the orders' reservation will take from. Odoo's reservation
        searches a product's quants and then reads them one record at a time (a query per order
        line), which a batch of a few orders, each cron call starting with an empty cache, pays
        in full where Odoo's batch confirmation of the whole cycle pays it once per product."""
        products = orders.order_line.product_id.filtered(lambda p: p.is_storable)
        if products:
            self.env["stock.quant"].sudo().search(
                [("product_id", "in", products.ids), ("location_id", "child_of", self.location_id.id)]
            ).mapped("lot_id")

    def _on_orders_confirmed(self):
        """Hook: every order of the cycle is confirmed (at once, or by the last batch in the
        background, in the same transaction as the cycle's new state)."""
        self.ensure_one()
