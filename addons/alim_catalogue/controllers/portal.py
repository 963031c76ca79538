from werkzeug.exceptions import NotFound

from odoo import fields, http
from odoo.exceptions import AccessError, UserError
from odoo.http import request

from odoo.addons.gesmip_network.controllers.door import flash, pop_flash, record_or_404
from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.sale.controllers.portal import CustomerPortal as SaleCustomerPortal


class AlimCyclePortal(CustomerPortal):
    """The catalogue and the ordering of a member grocery. The controller reads the request
    and shows pages; the rules and the writes are the cycle's (``_alim_portal_*``)."""

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "cycle_count" in counters:
            Cycle = request.env["alim.order.cycle"]
            values["cycle_count"] = (
                Cycle.search_count(self._cycle_domain())
                if request.env.user._gesmip_member_grocery() and Cycle.has_access("read")
                else 0
            )
        return values

    def _alim_grocery_or_404(self):
        """The user's member grocery (the catalogue is for groceries only), else a 404."""
        grocery = request.env.user._gesmip_member_grocery()
        if not grocery:
            raise NotFound()
        return grocery

    def _cycle_domain(self):
        partner = request.env.user.commercial_partner_id
        return [("state", "=", "open"), ("grocery_ids", "in", partner.ids)]

    def _cycle_get(self, cycle_id):
        """The cycle, read as the portal user (record rules decide), or a 404."""
        self._alim_grocery_or_404()
        return record_or_404("alim.order.cycle", cycle_id)

    def _cycle_order(self, cycle):
        """The grocery's order in the cycle, as the portal user (empty if none yet)."""
        partner = request.env.user.commercial_partner_id
        return request.env["sale.order"].search(
            [("cycle_id", "=", cycle.id), ("partner_id", "=", partner.id), ("state", "!=", "cancel")], limit=1
        )

    def _alim_form_quantities(self, post):
        """``{line id: text}`` of the form's ``qty_<id>`` fields (other fields are ignored)."""
        quantities = {}
        for key, value in post.items():
            if key.startswith("qty_") and key[4:].isdigit() and len(key) < 16:
                quantities[int(key[4:])] = value
        return quantities

    # read-only pages: Odoo serves them from a database replica where one is configured
    # (db_replica_host), and retries on the primary if one ever writes
    @http.route(["/my/cycles"], type="http", auth="user", website=True, readonly=True)
    def portal_my_cycles(self, **kw):
        self._alim_grocery_or_404()
        values = self._prepare_portal_layout_values()
        cycles = request.env["alim.order.cycle"].search(self._cycle_domain(), order="date_close")
        values.update(cycles=cycles, page_name="alim_cycles")
        return request.render("alim_catalogue.portal_my_cycles", values)

    @http.route(["/my/cycles/<int:cycle_id>"], type="http", auth="user", website=True, readonly=True)
    def portal_my_cycle(self, cycle_id, search=None, storage=None, category=None, badge=None, **kw):
        cycle = self._cycle_get(cycle_id)
        values = self._prepare_portal_layout_values()
        values.update(self._prepare_cycle_values(cycle, search, storage, category, badge))
        flashed = pop_flash()
        values.update(message=flashed.get("success"), error=flashed.get("error"))
        return request.render("alim_catalogue.portal_my_cycle", values)

    def _prepare_cycle_values(self, cycle, search, storage, category, badge):
        grocery = request.env.user.commercial_partner_id
        all_lines = cycle.line_ids
        # Category names are not secret but portal users cannot read the model itself
        categories = all_lines.sudo().food_category_id.sorted("name")
        search, storage, category, badge = (
            value if isinstance(value, str) and len(value) <= 100 else ""
            for value in (search, storage, category, badge)
        )
        lines = self._cycle_filter_lines(all_lines, search, storage, category, badge)
        order = self._cycle_order(cycle)
        # Portal users cannot read products: only the computed numbers are shown; ordered
        # lines show the order line's own price, read as the portal user.
        weights = {product.id: product.weight for product in all_lines.sudo().product_id}
        starter = grocery._alim_starter_discount(fields.Date.context_today(grocery))
        ordered = {line.product_id.id: line for line in order.order_line}
        return {
            "cycle": cycle,
            "lines": lines,
            # not "order": Odoo's purchase breadcrumb would read it as a purchase order
            "cycle_order": order,
            "ordered": ordered,
            # ordered beyond what is available now: said at once, shared fairly at the close
            "over_available": cycle.line_ids._alim_over_available(ordered),
            "fmt": request.env["alim.order.cycle.line"]._alim_format_qty,
            "prices": lines._alim_grocery_unit_prices(grocery),
            "starter": starter,
            "starter_until": grocery.sudo().alim_starter_until,
            "limits": {line.id: line._grocery_limit(grocery) for line in lines},
            "weights": weights,
            "total_kg": sum(
                line.product_uom_qty * weights.get(line.product_id.id, 0.0) for line in order.order_line
            ),
            "categories": categories,
            "search": search,
            "storage": storage,
            "category": category,
            "badge": badge,
            "can_order": cycle._is_open_for_orders(),
            "vat_note": cycle._alim_vat_note(),
            "page_name": "alim_cycle",
        }

    def _cycle_filter_lines(self, lines, search, storage, category, badge):
        """The catalogue lines matching the portal filters (unknown values match nothing)."""
        if search:
            lines = lines.filtered(lambda line: search.lower() in (line.product_name or "").lower())
        if storage:
            lines = lines.filtered(lambda line: line.storage_class == storage)
        if category:
            lines = lines.filtered(lambda line: str(line.food_category_id.id) == category)
        if badge == "local":
            lines = lines.filtered("is_local")
        elif badge in ("dlc", "ddm"):
            lines = lines.filtered(lambda line: line.food_date_type == badge)
        return lines

    @http.route(["/my/cycles/<int:cycle_id>/order"], type="http", auth="user", methods=["POST"], website=True)
    def portal_my_cycle_order(self, cycle_id, **post):
        cycle = self._cycle_get(cycle_id)
        try:
            # a refusal leaves nothing written, even half-way through
            with request.env.cr.savepoint():
                cycle._alim_portal_set_quantities(self._alim_form_quantities(post))
        except AccessError:
            raise NotFound() from None
        except UserError as error:
            flash("error", error.args[0])
        else:
            flash("success", request.env._("Your order is saved."))
        return request.redirect(f"/my/cycles/{cycle.id}")


class AlimSalePortal(SaleCustomerPortal):
    """A grocery's order of a cycle is listed among its orders from its first save (not among
    quotations, which it is not)."""

    def _prepare_orders_domain(self, partner):
        domain = [leaf for leaf in super()._prepare_orders_domain(partner) if leaf != ("state", "=", "sale")]
        return [
            *domain,
            "|",
            ("state", "=", "sale"),
            "&",
            ("cycle_id", "!=", False),
            ("state", "in", ("draft", "sent")),
        ]

    def _prepare_quotations_domain(self, partner):
        return [*super()._prepare_quotations_domain(partner), ("cycle_id", "=", False)]
