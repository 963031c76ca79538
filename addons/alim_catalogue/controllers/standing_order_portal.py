from werkzeug.exceptions import NotFound

from odoo import http
from odoo.exceptions import AccessError, UserError
from odoo.http import request

from odoo.addons.gesmip_base.controllers.door import flash, pop_flash

from .portal import AlimCyclePortal


class AlimStandingOrderPortal(AlimCyclePortal):
    """A grocery keeps its regular order: from an order it placed, then quantities it edits."""

    def _standing_order(self):
        """The grocery's standing order, read as the portal user (record rules decide)."""
        partner = request.env.user.commercial_partner_id
        return request.env["alim.standing.order"].search([("partner_id", "=", partner.id)], limit=1)

    @http.route(["/my/standing-order"], type="http", auth="user", website=True, readonly=True)
    def portal_my_standing_order(self, **kw):
        self._alim_grocery_or_404()
        values = self._prepare_portal_layout_values()
        values.update(self._prepare_standing_order_values())
        flashed = pop_flash()
        values.update(message=flashed.get("success"), error=flashed.get("error"))
        return request.render("alim_catalogue.portal_my_standing_order", values)

    def _prepare_standing_order_values(self):
        return {"standing": self._standing_order(), "page_name": "alim_standing_order"}

    @http.route(["/my/standing-order/save"], type="http", auth="user", methods=["POST"], website=True)
    def portal_my_standing_order_save(self, **post):
        self._alim_grocery_or_404()
        standing = self._standing_order()
        try:
            if not standing:
                raise UserError(request.env._("Your grocery has no standing order yet."))
            # a refusal leaves nothing written, even half-way through
            with request.env.cr.savepoint():
                standing._alim_portal_save(self._alim_form_quantities(post), post.get("active"))
        except AccessError:
            raise NotFound() from None
        except UserError as error:
            flash("error", error.args[0])
        else:
            flash("success", request.env._("Your standing order is saved."))
        return request.redirect("/my/standing-order")

    @http.route(["/my/cycles/<int:cycle_id>/keep"], type="http", auth="user", methods=["POST"], website=True)
    def portal_my_cycle_keep(self, cycle_id, **post):
        """Keep the grocery's order of this cycle as its standing order."""
        cycle = self._cycle_get(cycle_id)
        try:
            # a refusal leaves nothing written, even half-way through
            with request.env.cr.savepoint():
                cycle._alim_portal_keep_as_standing()
        except AccessError:
            raise NotFound() from None
        except UserError as error:
            flash("error", error.args[0])
            return request.redirect(f"/my/cycles/{cycle.id}")
        flash("success", request.env._("Your standing order is saved."))
        return request.redirect("/my/standing-order")
