import math
from urllib.parse import urlencode

from odoo import http
from odoo.exceptions import AccessError, MissingError, UserError
from odoo.http import request

from .standing_order_portal import AlimStandingOrderPortal


class AlimGroupPurchasePortal(AlimStandingOrderPortal):
    """Groceries give their quantities for the group purchases being collected."""

    @http.route(["/my/group-purchases"], type="http", auth="user", website=True)
    def portal_my_group_purchases(self, message=None, error=None, **kw):
        grocery = request.env.user.commercial_partner_id
        purchases = request.env["alim.group.purchase"].search(
            [("state", "in", ("collecting", "ordered", "received"))]
        )
        demands = request.env["alim.group.purchase.demand"].search(
            [("group_purchase_id", "in", purchases.ids), ("partner_id", "=", grocery.id)]
        )
        values = self._prepare_portal_layout_values()
        values.update(
            purchases=purchases,
            mine={(d.group_purchase_id.id, d.product_id.id): d for d in demands},
            message=message,
            error=error,
            page_name="alim_group_purchases",
        )
        return request.render("alim_catalogue.portal_my_group_purchases", values)

    @http.route(
        ["/my/group-purchases/<int:purchase_id>"], type="http", auth="user", methods=["POST"], website=True
    )
    def portal_my_group_purchase_save(self, purchase_id, **post):
        env = request.env
        try:
            purchase = env["alim.group.purchase"].browse(purchase_id).exists()
            if not purchase:
                raise MissingError(env._("This group purchase does not exist."))
            purchase.check_access("read")
            if not purchase._is_open_for_demand():
                raise UserError(env._("The group purchase %s no longer takes quantities.", purchase.name))
            quantities = {}
            for line in purchase.line_ids:
                raw = post.get(f"qty_{line.id}")
                if raw in (None, ""):
                    continue
                quantities[line] = self._group_purchase_quantity(raw, line.product_name)
            self._group_purchase_write(purchase, quantities)
        except (AccessError, MissingError):
            return request.redirect("/my")
        except UserError as error:
            return request.redirect(f"/my/group-purchases?{urlencode({'error': error.args[0]})}")
        return request.redirect("/my/group-purchases?message=saved")

    def _group_purchase_quantity(self, raw, product):
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

    def _group_purchase_write(self, purchase, quantities):
        """The grocery's own demand rows, written as superuser once the checks above passed."""
        grocery = request.env.user.commercial_partner_id
        Demand = request.env["alim.group.purchase.demand"].sudo()
        existing = {
            d.product_id: d
            for d in Demand.search([("group_purchase_id", "=", purchase.id), ("partner_id", "=", grocery.id)])
        }
        for line, qty in quantities.items():
            demand = existing.get(line.product_id)
            if demand:
                demand.quantity = qty
            elif qty:
                Demand.create(
                    {
                        "group_purchase_id": purchase.id,
                        "partner_id": grocery.id,
                        "product_id": line.product_id.id,
                        "quantity": qty,
                    }
                )
