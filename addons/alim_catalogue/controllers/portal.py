import math
from urllib.parse import urlencode

from odoo import fields, http
from odoo.exceptions import AccessError, MissingError, UserError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal


class AlimCyclePortal(CustomerPortal):
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "cycle_count" in counters:
            Cycle = request.env["alim.order.cycle"]
            values["cycle_count"] = (
                Cycle.search_count(self._cycle_domain()) if Cycle.has_access("read") else 0
            )
        return values

    def _cycle_domain(self):
        partner = request.env.user.commercial_partner_id
        return [("state", "=", "open"), ("grocery_ids", "in", partner.ids)]

    def _cycle_get(self, cycle_id):
        """The cycle, read as the portal user (record rules decide)."""
        cycle = request.env["alim.order.cycle"].browse(cycle_id).exists()
        if not cycle:
            raise MissingError(request.env._("This order cycle does not exist."))
        cycle.check_access("read")
        return cycle

    def _cycle_order(self, cycle):
        """The grocery's order in the cycle, as the portal user (empty if none yet)."""
        partner = request.env.user.commercial_partner_id
        return request.env["sale.order"].search(
            [("cycle_id", "=", cycle.id), ("partner_id", "=", partner.id), ("state", "!=", "cancel")], limit=1
        )

    @http.route(["/my/cycles"], type="http", auth="user", website=True)
    def portal_my_cycles(self, **kw):
        values = self._prepare_portal_layout_values()
        cycles = request.env["alim.order.cycle"].search(self._cycle_domain(), order="date_close")
        values.update(cycles=cycles, page_name="alim_cycles")
        return request.render("alim_catalogue.portal_my_cycles", values)

    @http.route(["/my/cycles/<int:cycle_id>"], type="http", auth="user", website=True)
    def portal_my_cycle(
        self, cycle_id, message=None, error=None, search=None, storage=None, category=None, badge=None, **kw
    ):
        try:
            cycle = self._cycle_get(cycle_id)
        except (AccessError, MissingError):
            return request.redirect("/my")
        grocery = request.env.user.commercial_partner_id
        all_lines = cycle.line_ids
        # Category names are not secret but portal users cannot read the model itself
        categories = all_lines.sudo().food_category_id.sorted("name")
        lines = self._cycle_filter_lines(all_lines, search, storage, category, badge)
        order = self._cycle_order(cycle)
        ordered = {line.product_id.id: line for line in order.order_line}
        # Indicative unit price of lines not ordered yet (portal users cannot read products
        # nor pricelists): only the computed numbers are shown; ordered lines show the
        # order line's own price, read as the portal user.
        pricelist = grocery.sudo().property_product_pricelist
        prices = {}
        if pricelist and lines:
            prices = pricelist._compute_price_rule(lines.sudo().product_id, 1.0)
        weights = {product.id: product.weight for product in all_lines.sudo().product_id}
        # a newly opened grocery's starter discount, applied the same way on its order lines
        starter = grocery._alim_starter_discount(fields.Date.context_today(grocery))
        values = self._prepare_portal_layout_values()
        values.update(
            cycle=cycle,
            lines=lines,
            order=order,
            ordered=ordered,
            prices={pid: price * (1 - starter / 100) for pid, (price, _rule) in prices.items()},
            starter=starter,
            starter_until=grocery.sudo().alim_starter_until,
            limits={line.id: line._grocery_limit(grocery) for line in lines},
            weights=weights,
            total_kg=sum(
                line.product_uom_qty * weights.get(line.product_id.id, 0.0) for line in order.order_line
            ),
            categories=categories,
            message=message,
            error=error,
            search=search or "",
            storage=storage or "",
            category=category or "",
            badge=badge or "",
            can_order=cycle._is_open_for_orders(),
            page_name="alim_cycle",
        )
        return request.render("alim_catalogue.portal_my_cycle", values)

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
        try:
            cycle = self._cycle_get(cycle_id)
            order = self._cycle_set_quantities(cycle, post)
        except (AccessError, MissingError):
            return request.redirect("/my")
        except UserError as error:
            return request.redirect(f"/my/cycles/{cycle_id}?{urlencode({'error': error.args[0]})}")
        return request.redirect(
            f"/my/cycles/{cycle_id}?{urlencode({'message': 'saved', 'order_id': order.id})}"
        )

    def _cycle_parse_quantities(self, cycle, post):
        """{cycle line: quantity} from the form; anything not a finite, allowed quantity is refused."""
        env = request.env
        quantities = {}
        for line in cycle.line_ids:
            raw = post.get(f"qty_{line.id}")
            if raw in (None, ""):
                continue
            try:
                qty = float(raw)
                if not math.isfinite(qty):  # "nan", "inf", "1e309" parse as floats
                    raise ValueError(raw)
            except ValueError:
                raise UserError(
                    env._(
                        "'%(qty)s' is not a quantity (%(product)s).", qty=raw[:30], product=line.product_name
                    )
                ) from None
            if qty < 0:
                raise UserError(env._("A quantity cannot be negative (%s).", line.product_name))
            limit = line._grocery_limit(env.user.commercial_partner_id)
            if limit and qty > limit:
                raise UserError(
                    env._(
                        "You can order at most %(max)s of %(product)s in this cycle.",
                        max=limit,
                        product=line.product_name,
                    )
                )
            quantities[line] = qty
        return quantities

    def _cycle_set_quantities(self, cycle, post):
        """Write the quantities of the form into the grocery's draft order of the cycle."""
        env = request.env
        grocery = env.user.commercial_partner_id
        if grocery not in cycle.grocery_ids:
            raise AccessError(env._("Your grocery is not invited to this order cycle."))
        if not cycle._is_open_for_orders():
            raise UserError(
                env._("The order cycle %s is closed: orders can no longer be changed.", cycle.name)
            )
        quantities = self._cycle_parse_quantities(cycle, post)
        order = self._cycle_order(cycle)
        if order and order.partner_id != grocery:
            raise UserError(env._("This order can no longer be changed."))
        # The portal user may not write sale orders itself: the cycle writes them as superuser,
        # for the user's own grocery only, after checking the cycle's rules again under a lock.
        quantities = {line.sudo(): qty for line, qty in quantities.items()}
        return cycle.sudo()._set_grocery_quantities(grocery.sudo(), quantities)
