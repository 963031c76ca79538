from odoo import http
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal


class GeAmesPortal(CustomerPortal):
    def _prepare_ge_hours_domain(self):
        partner = request.env.user.partner_id.commercial_partner_id
        return [("ge_member_id", "=", partner.id), ("ge_billed", "=", True)]

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "ge_hours_count" in counters:
            # sudo: portal users have no access to analytic lines; the domain keeps their own
            values["ge_hours_count"] = (
                request.env["account.analytic.line"].sudo().search_count(self._prepare_ge_hours_domain())
            )
        return values

    @http.route("/my/ge-hours", type="http", auth="user", website=True, readonly=True)
    def portal_my_ge_hours(self, **kw):
        values = self._prepare_portal_layout_values()
        values.update(self._prepare_ge_hours_values())
        return request.render("ge_ames.portal_my_ge_hours", values)

    def _prepare_ge_hours_values(self):
        # sudo: portal users have no access to analytic lines; the domain keeps their own
        lines_sudo = (
            request.env["account.analytic.line"]
            .sudo()
            .search(self._prepare_ge_hours_domain(), order="date desc", limit=1000)
        )
        return {"lines": lines_sudo, "page_name": "ge_hours", "total": sum(lines_sudo.mapped("unit_amount"))}
