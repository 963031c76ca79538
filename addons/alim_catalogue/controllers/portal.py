from urllib.parse import urlencode

from odoo import fields, http
from odoo.http import request
from odoo.osv.expression import FALSE_LEAF

from odoo.addons.gesmip_base.controllers.door import MAX_ID, flash, pop_flash, submit
from odoo.addons.gesmip_network.controllers.grocery_door import (
    member_count,
    member_grocery_or_404,
    member_record_or_404,
)
from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager
from odoo.addons.sale.controllers.portal import CustomerPortal as SaleCustomerPortal

PAGE_SIZE = 80
PAGE_SIZE_PARAM = "alim_catalogue.portal_lines_per_page"
LINE_ORDER = "food_category_id, sequence, product_base_name, id"


def form_quantities(post):
    """``{line id: text}`` of a grocery's portal form: its ``qty_<id>`` fields (other fields
    are ignored). The grocery portal form of the models (``alim.grocery.portal.form.mixin``)
    reads the texts."""
    quantities = {}
    for key, value in post.items():
        if key.startswith("qty_") and key[4:].isdigit() and len(key) < 16:
            quantities[int(key[4:])] = value
    return quantities


# what a refused form keeps in the session for the page to show again: a page of lines
KEPT_LINES = 500


def keep_typed_on_refusal(post, redirect):
    """The ``refused`` answer of a quantity form (:func:`submit`): the refusal is said, and
    every value typed is kept (the session, once) for the page to put back in its field,
    with each refused line's reason, so that one wrong value loses nothing typed."""
    typed = {str(key): str(text)[:30] for key, text in list(form_quantities(post).items())[:KEPT_LINES]}

    def refused(error):
        reasons = getattr(error, "refused", {})
        kept = {"typed": typed, "refused": {str(key): str(text)[:300] for key, text in reasons.items()}}
        flash("error", error.args[0], form=kept)
        return request.redirect(redirect)

    return refused


def flash_values():
    """The page's ``message`` and ``error`` kept by the last form's redirect, once; after a
    refusal, ``typed`` (``{line id: text}``, what was typed) and ``refused`` (``{line id:
    reason}``)."""
    flashed = pop_flash()
    kept = flashed.get("flashed_form") or {}

    def by_id(values):
        values = values if isinstance(values, dict) else {}
        return {int(key): str(text) for key, text in values.items() if str(key).isdigit()}

    return {
        "message": flashed.get("success"),
        "error": flashed.get("error"),
        "typed": by_id(kept.get("typed")),
        "refused": by_id(kept.get("refused")),
    }


class AlimCyclePortal(CustomerPortal):
    """The catalogue and the ordering of a member grocery. The controller reads the request
    and shows pages; the rules and the writes are the cycle's (``_alim_portal_*``)."""

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "cycle_count" in counters:
            values["cycle_count"] = member_count("alim.order.cycle", self._prepare_cycles_domain())
        return values

    def _prepare_cycles_domain(self):
        partner = request.env.user.commercial_partner_id
        return [("state", "=", "open"), ("grocery_ids", "in", partner.ids)]

    def _cycle_order(self, cycle):
        """The grocery's order in the cycle, as the portal user (empty if none yet)."""
        partner = request.env.user.commercial_partner_id
        return request.env["sale.order"].search(
            [("cycle_id", "=", cycle.id), ("partner_id", "=", partner.id), ("state", "!=", "cancel")], limit=1
        )

    # read-only pages: Odoo serves them from a database replica where one is configured
    # (db_replica_host), and retries on the primary if one ever writes
    @http.route(["/my/cycles"], type="http", auth="user", website=True, readonly=True)
    def portal_my_cycles(self, **kw):
        member_grocery_or_404()
        values = self._prepare_portal_layout_values()
        values.update(self._prepare_cycles_values())
        return request.render("alim_catalogue.portal_my_cycles", values)

    def _prepare_cycles_values(self):
        cycles = request.env["alim.order.cycle"].search(self._prepare_cycles_domain(), order="date_close")
        return {"cycles": cycles, "page_name": "alim_cycles"}

    @http.route(
        ["/my/cycles/<int:cycle_id>", "/my/cycles/<int:cycle_id>/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def portal_my_cycle(self, cycle_id, page=1, search=None, storage=None, category=None, badge=None, **kw):
        cycle = member_record_or_404("alim.order.cycle", cycle_id)
        values = self._prepare_portal_layout_values()
        values.update(self._prepare_cycle_values(cycle, search, storage, category, badge, page=page))
        values.update(flash_values())
        return request.render("alim_catalogue.portal_my_cycle", values)

    def _cycle_page_size(self):
        """Catalogue lines per page (system parameter ``alim_catalogue.portal_lines_per_page``,
        80 by default)."""
        value = request.env["ir.config_parameter"].sudo().get_param(PAGE_SIZE_PARAM, "")
        return int(value) if value.isascii() and value.isdigit() and 0 < int(value) <= 100_000 else PAGE_SIZE

    def _cycle_filters(self, search, storage, category, badge):
        """The filters as the page keeps them: text of at most 100 characters, else empty."""
        return {
            key: value if isinstance(value, str) and len(value) <= 100 else ""
            for key, value in (
                ("search", search),
                ("storage", storage),
                ("category", category),
                ("badge", badge),
            )
        }

    def _prepare_cycle_lines_domain(self, cycle, search, storage, category, badge):
        """The catalogue lines matching the portal filters (unknown values match nothing, an
        unknown badge filters nothing)."""
        Line = request.env["alim.order.cycle.line"]
        domain = [("cycle_id", "=", cycle.id)]
        if search:
            domain.append(("product_name", "ilike", search))
        if storage:
            storages = Line._fields["storage_class"].get_values(request.env)
            domain.append(("storage_class", "=", storage) if storage in storages else FALSE_LEAF)
        if category:
            is_id = category.isascii() and category.isdigit() and 0 < int(category) <= MAX_ID
            domain.append(("food_category_id", "=", int(category)) if is_id else FALSE_LEAF)
        if badge == "local":
            domain.append(("is_local", "=", True))
        elif badge in ("dlc", "ddm"):
            domain.append(("food_date_type", "=", badge))
        return domain

    def _prepare_cycle_values(self, cycle, search, storage, category, badge, page=1):
        """The page's values. Its work follows the lines shown (one page), not the catalogue:
        the lines, their prices, limits and availability are read for the page only; the
        order's totals come from the order (its amount, its lines' weights)."""
        grocery = request.env.user.commercial_partner_id
        Line = request.env["alim.order.cycle.line"]
        filters = self._cycle_filters(search, storage, category, badge)
        domain = self._prepare_cycle_lines_domain(cycle, **filters)
        step = self._cycle_page_size()
        if not isinstance(page, int):  # from the query string: plain digits, else the first page
            digits = isinstance(page, str) and page.isascii() and page.isdigit()
            page = (int(page) if len(page) <= 18 else 10**18) if digits else 1
        total = Line.search_count(domain)
        url = f"/my/cycles/{cycle.id}"
        pager = portal_pager(
            url=url, total=total, page=page, step=step, url_args={k: v for k, v in filters.items() if v}
        )
        # category (its sequence, then name), the staff's order, then the product's name
        lines = Line.search(domain, order=LINE_ORDER, limit=step, offset=pager["offset"])
        # the categories of the whole catalogue, for the filter (names are not secret)
        groups = Line._read_group(
            [("cycle_id", "=", cycle.id)], ["food_category_id"], order="food_category_id"
        )
        categories_sudo = (
            request.env["alim.food.category"].sudo().browse([categ.id for (categ,) in groups if categ])
        )
        # The order is found as the portal user (record rules decide), then read with sudo as
        # Odoo's own order page does: its rules would otherwise be checked again (their
        # child_of queries) on every read of the order and its lines.
        order_sudo = self._cycle_order(cycle).sudo()
        # Portal users cannot read products: only the computed numbers are shown; ordered
        # lines show the order line's own price.
        page_products = lines.product_id
        ordered = {}
        if order_sudo:
            page_order_lines_sudo = (
                request.env["sale.order.line"]
                .sudo()
                .search([("order_id", "=", order_sudo.id), ("product_id", "in", page_products.ids)])
            )
            ordered = {line.product_id.id: line for line in page_order_lines_sudo}
        quantities = self._cycle_order_quantities(order_sudo)
        starter = grocery._alim_starter_discount(fields.Date.context_today(grocery))
        return {
            "cycle": cycle,
            "lines": lines,
            "pager": pager,
            "total_lines": total,
            "count_text": self._cycle_count_text(pager, len(lines), total),
            "page_url": pager["page"]["url"],
            # not "order": Odoo's purchase breadcrumb would read it as a purchase order
            "cycle_order": order_sudo,
            "ordered": ordered,
            # ordered beyond what is available now, on every page: said at once, shared
            # fairly at the close
            "over_available": self._cycle_over_available(cycle, quantities),
            # numbers, prices, dates and labels written with the language read once
            "fmt": Line._alim_qty_formatter(),
            "money": Line._alim_money_formatter(cycle.company_id.currency_id),
            "order_money": Line._alim_money_formatter(order_sudo.currency_id) if order_sudo else None,
            # unit prices as the order line keeps them (up to 4 decimals)
            "unit_money": Line._alim_money_formatter(cycle.company_id.currency_id, unit_price=True),
            "fmt_date": Line._alim_date_formatter(),
            "storage_labels": dict(Line._fields["storage_class"]._description_selection(request.env)),
            "prices": {
                **lines._alim_grocery_unit_prices(grocery),
                # offered only from public programme lots: free, as on the invoice
                **{line.product_id.id: 0.0 for line in lines if line._wholly_free()},
            },
            "starter": starter,
            "starter_until": grocery.sudo().alim_starter_until,
            "limits": {line.id: line._grocery_limit(grocery) for line in lines},
            "weights": self._product_weights(page_products),
            "total_kg": self._cycle_order_kg(quantities),
            "categories": categories_sudo,
            "category_names": {categ.id: categ.name for categ in categories_sudo},
            **filters,
            "can_order": cycle._is_open_for_orders(),
            "vat_note": cycle._alim_vat_note(),
            "page_name": "alim_cycle",
        }

    def _cycle_count_text(self, pager, shown, total):
        """Where the page stands in the catalogue, in one sentence."""
        if pager["page_count"] <= 1:
            return request.env._("%(total)s products.", total=total)
        return request.env._(
            "Products %(first)s to %(last)s of %(total)s, page %(page)s of %(pages)s.",
            first=pager["offset"] + 1,
            last=pager["offset"] + shown,
            total=total,
            page=pager["page"]["num"],
            pages=pager["page_count"],
        )

    def _cycle_order_quantities(self, order_sudo):
        """``{product: quantity}`` of the order (found as the portal user), all pages: one
        grouped read of its lines."""
        if not order_sudo:
            return {}
        groups = (
            request.env["sale.order.line"]
            .sudo()
            ._read_group([("order_id", "=", order_sudo.id)], ["product_id"], ["product_uom_qty:sum"])
        )
        return dict(groups)

    def _cycle_order_kg(self, quantities):
        """Kilograms of the order, from its lines and their products' weights."""
        weights = self._product_weights(request.env["product.product"].union(*quantities))
        return sum(qty * weights.get(product.id, 0.0) for product, qty in quantities.items())

    def _product_weights(self, products):
        """``{product id: weight}``: portal users cannot read products, weights are not secret;
        the weight column only."""
        products_sudo = products.sudo()
        products_sudo.fetch(["weight"])
        return {product.id: product.weight for product in products_sudo}

    def _cycle_over_available(self, cycle, quantities):
        """The order's lines beyond what is available now, whatever the page shown: the
        availability of the ordered lines only."""
        if not quantities or not cycle._is_open_for_orders():
            return []
        lines = request.env["alim.order.cycle.line"].search(
            [
                ("cycle_id", "=", cycle.id),
                ("product_id", "in", [product.id for product in quantities]),
                ("is_to_order", "=", False),
            ]
        )
        return lines._alim_over_available({product.id: qty for product, qty in quantities.items()})

    @http.route(["/my/cycles/<int:cycle_id>/order"], type="http", auth="user", methods=["POST"], website=True)
    def portal_my_cycle_order(self, cycle_id, **post):
        cycle = member_record_or_404("alim.order.cycle", cycle_id)
        back = self._cycle_return_url(cycle, post)
        return submit(
            lambda: cycle._alim_portal_set_quantities(form_quantities(post)),
            request.env._("Your order is saved."),
            back,
            # refused: back to the page the form came from, whatever page was asked next
            refused=keep_typed_on_refusal(post, self._cycle_return_url(cycle, post, stay=True)),
        )

    def _cycle_return_url(self, cycle, post, stay=False):
        """Back to the page of the catalogue the form came from, with its filters (or, unless
        ``stay``, to the page its "save, then next page" button or a pager link asks)."""
        page = (None if stay else post.get("goto")) or post.get("page") or ""
        page = (
            int(page) if isinstance(page, str) and page.isascii() and page.isdigit() and len(page) < 7 else 1
        )
        filters = self._cycle_filters(*(post.get(key) for key in ("search", "storage", "category", "badge")))
        url = f"/my/cycles/{cycle.id}" + (f"/page/{page}" if page > 1 else "")
        query = urlencode({key: value for key, value in filters.items() if value})
        return f"{url}?{query}" if query else url


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
