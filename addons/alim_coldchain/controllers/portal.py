from werkzeug.exceptions import NotFound

from odoo import http
from odoo.http import request

from odoo.addons.gesmip_network.controllers.door import record_or_404
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

    @http.route(["/my/recalls", "/my/recalls/page/<int:page>"], type="http", auth="user", website=True)
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
        values.update(
            {"recalls": recalls, "pager": pager, "page_name": "recall", "default_url": "/my/recalls"}
        )
        return request.render("alim_coldchain.portal_my_recalls", values)

    @http.route(["/my/recalls/<int:recall_id>"], type="http", auth="user", website=True)
    def portal_my_recall(self, recall_id, **_kwargs):
        if not request.env.user._gesmip_member_grocery():
            raise NotFound()
        recall = record_or_404("alim.recall", recall_id)
        values = self._prepare_portal_layout_values()
        values.update({"recall": recall, "page_name": "recall"})
        return request.render("alim_coldchain.portal_my_recall", values)
