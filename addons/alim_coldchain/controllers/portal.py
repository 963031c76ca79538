from odoo import http
from odoo.http import request

from odoo.addons.gesmip_base.controllers.door import pop_flash, submit
from odoo.addons.gesmip_network.controllers.grocery_door import (
    member_count,
    member_model_or_404,
    member_record_or_404,
)
from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager


class AlimRecallPortal(CustomerPortal):
    """The recalls notified to the user's grocery, under /my/recalls. Read with the portal
    user's own rights: the record rule shows a grocery only the recalls sent to it."""

    def _prepare_portal_layout_values(self):
        values = super()._prepare_portal_layout_values()
        values["alim_recalls_to_answer"] = self._recalls_to_answer()
        return values

    def _recalls_to_answer(self):
        """The recalls notified to the user's grocery that it has not answered yet (none for
        a user of no member grocery): the /my banner."""
        if not request.env.user._gesmip_member_grocery():
            return request.env["alim.recall"]
        recalls = request.env["alim.recall"].search([("state", "=", "notified")])
        answered = request.env["alim.recall.answer"].search([("recall_id", "in", recalls.ids)]).recall_id
        return recalls - answered

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "recall_count" in counters:
            values["recall_count"] = member_count("alim.recall", self._prepare_recalls_domain())
        return values

    @http.route(
        ["/my/recalls", "/my/recalls/page/<int:page>"], type="http", auth="user", website=True, readonly=True
    )
    def portal_my_recalls(self, page=1, **_kwargs):
        member_model_or_404("alim.recall")
        values = self._prepare_portal_layout_values()
        values.update(self._prepare_recalls_values(page))
        return request.render("alim_coldchain.portal_my_recalls", values)

    def _prepare_recalls_domain(self):
        # the record rule gives the recalls notified to the user's grocery
        return []

    def _prepare_recalls_values(self, page):
        Recall = request.env["alim.recall"]
        domain = self._prepare_recalls_domain()
        count = Recall.search_count(domain)
        pager = portal_pager(url="/my/recalls", total=count, page=page, step=self._items_per_page)
        recalls = Recall.search(
            domain, order="notified_date desc, id desc", limit=self._items_per_page, offset=pager["offset"]
        )
        # the grocery's own answers only (their record rule)
        answered = request.env["alim.recall.answer"].search([("recall_id", "in", recalls.ids)]).recall_id
        return {
            "recalls": recalls,
            "answered_ids": set(answered.ids),
            "pager": pager,
            "page_name": "recall",
            "default_url": "/my/recalls",
        }

    def _prepare_recall_values(self, recall, post=None):
        values = self._prepare_portal_layout_values()
        # the quantities are counted in the unit of the recalled products when they share one
        units = recall.sudo().move_line_ids.product_id.uom_id | recall.sudo().product_id.uom_id
        values.update(
            {
                "recall": recall,
                "unit_name": units.name if len(units) == 1 else "",
                # read with the user's rights: the record rule gives its own grocery's only
                "answers": request.env["alim.recall.answer"].search([("recall_id", "=", recall.id)]),
                "post": post or {},
                "page_name": "recall",
            }
        )
        return values

    @http.route(["/my/recalls/<int:recall_id>"], type="http", auth="user", website=True, readonly=True)
    def portal_my_recall(self, recall_id, **_kwargs):
        recall = member_record_or_404("alim.recall", recall_id)
        values = self._prepare_recall_values(recall)
        values.update(pop_flash())
        return request.render("alim_coldchain.portal_my_recall", values)

    @http.route(
        ["/my/recalls/<int:recall_id>/answer"], type="http", auth="user", website=True, methods=["POST"]
    )
    def portal_my_recall_answer(self, recall_id, **post):
        """The grocery's answer: written whole, or refused with a 400 and the message on the
        page it came from (nothing written)."""
        recall = member_record_or_404("alim.recall", recall_id)

        def refused(error):
            values = self._prepare_recall_values(recall, post)
            values["error"] = error.args[0]
            return request.render("alim_coldchain.portal_my_recall", values, status=400)

        return submit(
            lambda: recall._alim_portal_answer(post),
            request.env._("Your answer is sent to the platform. Thank you."),
            f"/my/recalls/{recall.id}",
            refused=refused,
        )
