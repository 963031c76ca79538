import math
from urllib.parse import urlencode

from odoo import Command, http
from odoo.exceptions import AccessError, MissingError, UserError
from odoo.http import request

from .portal import AlimCyclePortal


class AlimStandingOrderPortal(AlimCyclePortal):
    """A grocery keeps its regular order: from an order it placed, then quantities it edits."""

    def _standing_order(self):
        """The grocery's standing order, read as the portal user (record rules decide)."""
        partner = request.env.user.commercial_partner_id
        return request.env["alim.standing.order"].search([("partner_id", "=", partner.id)], limit=1)

    @http.route(["/my/standing-order"], type="http", auth="user", website=True)
    def portal_my_standing_order(self, message=None, error=None, **kw):
        values = self._prepare_portal_layout_values()
        values.update(
            standing=self._standing_order(),
            message=message,
            error=error,
            page_name="alim_standing_order",
        )
        return request.render("alim_catalogue.portal_my_standing_order", values)

    @http.route(["/my/standing-order/save"], type="http", auth="user", methods=["POST"], website=True)
    def portal_my_standing_order_save(self, **post):
        standing = self._standing_order()
        try:
            if not standing:
                raise UserError(request.env._("Your grocery has no standing order yet."))
            quantities = {}
            for line in standing.line_ids:
                raw = post.get(f"qty_{line.id}")
                if raw in (None, ""):
                    continue
                quantities[line] = self._standing_parse_quantity(raw, line.product_id.sudo().display_name)
            # the user's own standing order (found through its record rule): written as superuser
            standing = standing.sudo()
            for line, qty in quantities.items():
                if qty:
                    line.sudo().quantity = qty
                else:
                    line.sudo().unlink()
            standing.active = bool(post.get("active"))
        except UserError as error:
            return request.redirect(f"/my/standing-order?{urlencode({'error': error.args[0]})}")
        return request.redirect("/my/standing-order?message=saved")

    @http.route(["/my/cycles/<int:cycle_id>/keep"], type="http", auth="user", methods=["POST"], website=True)
    def portal_my_cycle_keep(self, cycle_id, **post):
        """Keep the grocery's order of this cycle as its standing order."""
        try:
            cycle = self._cycle_get(cycle_id)
        except (AccessError, MissingError):
            return request.redirect("/my")
        order = self._cycle_order(cycle)
        if not order.order_line:
            return request.redirect(
                f"/my/cycles/{cycle_id}?{urlencode({'error': request.env._('Order something first.')})}"
            )
        grocery = request.env.user.commercial_partner_id
        Standing = request.env["alim.standing.order"].sudo().with_context(active_test=False)
        standing = Standing.search(
            [("partner_id", "=", grocery.id), ("company_id", "=", cycle.company_id.id)]
        )
        lines = [
            fields_command
            for line in order.order_line
            if not line.display_type and line.product_uom_qty > 0
            for fields_command in [
                (0, 0, {"product_id": line.product_id.id, "quantity": line.product_uom_qty})
            ]
        ]
        if standing:
            standing.write({"active": True, "line_ids": [Command.clear(), *lines]})
        else:
            Standing.create({"partner_id": grocery.id, "company_id": cycle.company_id.id, "line_ids": lines})
        return request.redirect("/my/standing-order?message=kept")

    def _standing_parse_quantity(self, raw, product):
        try:
            qty = float(raw)
            if not math.isfinite(qty):
                raise ValueError(raw)
        except ValueError:
            raise UserError(
                request.env._("'%(qty)s' is not a quantity (%(product)s).", qty=raw[:30], product=product)
            ) from None
        if qty < 0:
            raise UserError(request.env._("A quantity cannot be negative (%s).", product))
        return qty
