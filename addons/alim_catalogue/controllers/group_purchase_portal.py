from odoo import http
from odoo.http import request

from odoo.addons.gesmip_base.controllers.door import submit
from odoo.addons.gesmip_network.controllers.grocery_door import member_grocery_or_404, member_record_or_404
from odoo.addons.portal.controllers.portal import CustomerPortal

from .portal import flash_values, form_quantities, keep_typed_on_refusal


class AlimGroupPurchasePortal(CustomerPortal):
    """Groceries give their quantities for the group purchases being collected. The rules and
    the writes are the group purchase's (``_alim_portal_set_demands``)."""

    def _prepare_group_purchases_domain(self):
        return [("state", "in", ("collecting", "ordered", "received"))]

    @http.route(["/my/group-purchases"], type="http", auth="user", website=True, readonly=True)
    def portal_my_group_purchases(self, **kw):
        grocery = member_grocery_or_404()
        values = self._prepare_portal_layout_values()
        values.update(self._prepare_group_purchases_values(grocery))
        values.update(flash_values())
        return request.render("alim_catalogue.portal_my_group_purchases", values)

    def _prepare_group_purchases_values(self, grocery):
        purchases = request.env["alim.group.purchase"].search(self._prepare_group_purchases_domain())
        demands = request.env["alim.group.purchase.demand"].search(
            [("group_purchase_id", "in", purchases.ids), ("partner_id", "=", grocery.id)]
        )
        mine = {(d.group_purchase_id.id, d.product_id.id): d for d in demands}
        # portal users cannot read products: the prices and weights shown are computed here
        products_sudo = purchases.sudo().line_ids.product_id
        prices = grocery._alim_unit_prices(products_sudo)
        weights = {product.id: product.weight for product in products_sudo}
        totals = {}
        for (purchase_id, product_id), demand in mine.items():
            # once split, what the grocery gets; before, what it asks
            qty = demand.allocated_qty if demand.group_purchase_id.state == "received" else demand.quantity
            amount, kg = totals.get(purchase_id, (0.0, 0.0))
            totals[purchase_id] = (
                amount + qty * prices.get(product_id, 0.0),
                kg + qty * weights.get(product_id, 0.0),
            )
        Line = request.env["alim.order.cycle.line"]
        return {
            "purchases": purchases,
            "mine": mine,
            "prices": prices,
            "weights": weights,
            "totals": totals,
            "suppliers": {purchase.id: purchase.sudo().partner_id.name for purchase in purchases},
            "fmt": Line._alim_qty_formatter(),
            "money": Line._alim_money_formatter(request.env.company.currency_id),
            "unit_money": Line._alim_money_formatter(request.env.company.currency_id, unit_price=True),
            "page_name": "alim_group_purchases",
        }

    @http.route(
        ["/my/group-purchases/<int:purchase_id>"], type="http", auth="user", methods=["POST"], website=True
    )
    def portal_my_group_purchase_save(self, purchase_id, **post):
        purchase = member_record_or_404("alim.group.purchase", purchase_id)
        return submit(
            lambda: purchase._alim_portal_set_demands(form_quantities(post)),
            request.env._("Your quantities are saved."),
            "/my/group-purchases",
            refused=keep_typed_on_refusal(post, "/my/group-purchases"),
        )
