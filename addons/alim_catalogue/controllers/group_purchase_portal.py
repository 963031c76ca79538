from werkzeug.exceptions import NotFound

from odoo import http
from odoo.exceptions import AccessError, UserError
from odoo.http import request

from odoo.addons.gesmip_base.controllers.door import flash, pop_flash, record_or_404

from .standing_order_portal import AlimStandingOrderPortal


class AlimGroupPurchasePortal(AlimStandingOrderPortal):
    """Groceries give their quantities for the group purchases being collected."""

    def _group_purchase_domain(self):
        return [("state", "in", ("collecting", "ordered", "received"))]

    @http.route(["/my/group-purchases"], type="http", auth="user", website=True, readonly=True)
    def portal_my_group_purchases(self, **kw):
        grocery = self._alim_grocery_or_404()
        values = self._prepare_portal_layout_values()
        values.update(self._prepare_group_purchases_values(grocery))
        flashed = pop_flash()
        values.update(message=flashed.get("success"), error=flashed.get("error"))
        return request.render("alim_catalogue.portal_my_group_purchases", values)

    def _prepare_group_purchases_values(self, grocery):
        purchases = request.env["alim.group.purchase"].search(self._group_purchase_domain())
        demands = request.env["alim.group.purchase.demand"].search(
            [("group_purchase_id", "in", purchases.ids), ("partner_id", "=", grocery.id)]
        )
        return {
            "purchases": purchases,
            "mine": {(d.group_purchase_id.id, d.product_id.id): d for d in demands},
            "page_name": "alim_group_purchases",
        }

    @http.route(
        ["/my/group-purchases/<int:purchase_id>"], type="http", auth="user", methods=["POST"], website=True
    )
    def portal_my_group_purchase_save(self, purchase_id, **post):
        self._alim_grocery_or_404()
        purchase = record_or_404("alim.group.purchase", purchase_id)
        try:
            # a refusal leaves nothing written, even half-way through
            with request.env.cr.savepoint():
                purchase._alim_portal_set_demands(self._alim_form_quantities(post))
        except AccessError:
            raise NotFound() from None
        except UserError as error:
            flash("error", error.args[0])
        else:
            flash("success", request.env._("Your quantities are saved."))
        return request.redirect("/my/group-purchases")
