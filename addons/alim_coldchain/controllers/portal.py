from werkzeug.exceptions import NotFound

from odoo import http
from odoo.exceptions import AccessError, UserError
from odoo.http import request

from odoo.addons.gesmip_base.controllers.door import flash, pop_flash, record_or_404
from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager


class AlimRecallPortal(CustomerPortal):
    """The recalls notified to the user's grocery, under /my/recalls. Read with the portal
    user's own rights: the record rule shows a grocery only the recalls sent to it."""

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "recall_count" in counters:
            Recall = request.env["alim.recall"]
            values["recall_count"] = (
                Recall.search_count([])
                if request.env.user._gesmip_member_grocery() and Recall.has_access("read")
                else 0
            )
        return values

    @http.route(
        ["/my/recalls", "/my/recalls/page/<int:page>"], type="http", auth="user", website=True, readonly=True
    )
    def portal_my_recalls(self, page=1, **_kwargs):
        Recall = request.env["alim.recall"]
        if not request.env.user._gesmip_member_grocery() or not Recall.has_access("read"):
            raise NotFound()
        count = Recall.search_count([])
        pager = portal_pager(url="/my/recalls", total=count, page=page, step=self._items_per_page)
        recalls = Recall.search(
            [], order="notified_date desc, id desc", limit=self._items_per_page, offset=pager["offset"]
        )
        values = self._prepare_portal_layout_values()
        # the grocery's own answers only (their record rule)
        answered = request.env["alim.recall.answer"].search([("recall_id", "in", recalls.ids)]).recall_id
        values.update(
            {
                "recalls": recalls,
                "answered_ids": set(answered.ids),
                "pager": pager,
                "page_name": "recall",
                "default_url": "/my/recalls",
            }
        )
        return request.render("alim_coldchain.portal_my_recalls", values)

    def _recall_or_404(self, recall_id):
        if not request.env.user._gesmip_member_grocery():
            raise NotFound()
        return record_or_404("alim.recall", recall_id)

    def _prepare_recall_values(self, recall, post=None):
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "recall": recall,
                # read with the user's rights: the record rule gives its own grocery's only
                "answers": request.env["alim.recall.answer"].search([("recall_id", "=", recall.id)]),
                "post": post or {},
                "page_name": "recall",
            }
        )
        return values

    @http.route(["/my/recalls/<int:recall_id>"], type="http", auth="user", website=True, readonly=True)
    def portal_my_recall(self, recall_id, **_kwargs):
        recall = self._recall_or_404(recall_id)
        values = self._prepare_recall_values(recall)
        values.update(pop_flash())
        return request.render("alim_coldchain.portal_my_recall", values)

    @http.route(
        ["/my/recalls/<int:recall_id>/answer"], type="http", auth="user", website=True, methods=["POST"]
    )
    def portal_my_recall_answer(self, recall_id, **post):
        """The grocery's answer: written whole, or refused with a 400 and the message on the
        page it came from (nothing written)."""
        recall = self._recall_or_404(recall_id)
        try:
            with request.env.cr.savepoint():
                recall._alim_portal_answer(post)
        except AccessError:
            raise NotFound() from None
        except UserError as error:
            values = self._prepare_recall_values(recall, post)
            values["error"] = error.args[0]
            return request.render("alim_coldchain.portal_my_recall", values, status=400)
        flash("success", request.env._("Your answer is sent to the platform. Thank you."))
        return request.redirect(f"/my/recalls/{recall.id}")
