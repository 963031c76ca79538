from odoo import http
from odoo.exceptions import UserError
from odoo.http import request

from odoo.addons.gesmip_base.controllers.door import submit
from odoo.addons.gesmip_network.controllers.grocery_door import member_grocery_or_404, member_record_or_404
from odoo.addons.portal.controllers.portal import CustomerPortal

from .portal import flash_values, form_quantities, keep_typed_on_refusal


class AlimStandingOrderPortal(CustomerPortal):
    """A grocery keeps its regular order: from an order it placed, then quantities it edits.
    The rules and the writes are the standing order's and the cycle's (``_alim_portal_*``)."""

    def _prepare_standing_order_domain(self):
        partner = request.env.user.commercial_partner_id
        return [("partner_id", "=", partner.id)]

    def _standing_order(self):
        """The grocery's standing order, paused or not, read as the portal user (record rules
        decide): a paused one is shown paused, to be resumed."""
        StandingOrder = request.env["alim.standing.order"].with_context(active_test=False)
        return StandingOrder.search(self._prepare_standing_order_domain(), limit=1)

    @http.route(["/my/standing-order"], type="http", auth="user", website=True, readonly=True)
    def portal_my_standing_order(self, **kw):
        member_grocery_or_404()
        values = self._prepare_portal_layout_values()
        values.update(self._prepare_standing_order_values())
        values.update(flash_values())
        return request.render("alim_catalogue.portal_my_standing_order", values)

    def _prepare_standing_order_values(self):
        return {"standing": self._standing_order(), "page_name": "alim_standing_order"}

    @http.route(["/my/standing-order/save"], type="http", auth="user", methods=["POST"], website=True)
    def portal_my_standing_order_save(self, **post):
        member_grocery_or_404()
        standing = self._standing_order()

        def save():
            if not standing:
                raise UserError(request.env._("Your grocery has no standing order yet."))
            return standing._alim_portal_save(form_quantities(post), post.get("active"))

        return submit(
            save,
            request.env._("Your standing order is saved."),
            "/my/standing-order",
            refused=keep_typed_on_refusal(post, "/my/standing-order"),
        )

    @http.route(["/my/cycles/<int:cycle_id>/keep"], type="http", auth="user", methods=["POST"], website=True)
    def portal_my_cycle_keep(self, cycle_id, **post):
        """Keep the grocery's order of this cycle as its standing order."""
        cycle = member_record_or_404("alim.order.cycle", cycle_id)
        return submit(
            cycle._alim_portal_keep_as_standing,
            request.env._("Your standing order is saved."),
            "/my/standing-order",
            refused=f"/my/cycles/{cycle.id}",
        )
