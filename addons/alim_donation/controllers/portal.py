from werkzeug.exceptions import NotFound

from odoo import http
from odoo.exceptions import AccessError, MissingError
from odoo.http import request

from odoo.addons.gesmip_base.controllers.door import MAX_ID
from odoo.addons.portal.controllers.portal import CustomerPortal


class AlimDonationPortal(CustomerPortal):
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "donation_receipt_count" in counters:
            Receipt = request.env["alim.donation.receipt"]
            values["donation_receipt_count"] = (
                Receipt.search_count(self._prepare_donation_receipts_domain())
                if Receipt.has_access("read")
                else 0
            )
        return values

    def _prepare_donation_receipts_domain(self):
        partner = request.env.user.commercial_partner_id
        return [("partner_id", "child_of", partner.id), ("state", "=", "issued")]

    # read-only (a replica where there is one): receipts get their access token when issued
    @http.route(["/my/donation-receipts"], type="http", auth="user", website=True, readonly=True)
    def portal_my_donation_receipts(self, **kw):
        values = self._prepare_portal_layout_values()
        receipts = request.env["alim.donation.receipt"].search(self._prepare_donation_receipts_domain())
        values.update(receipts=receipts, page_name="alim_donation_receipts")
        return request.render("alim_donation.portal_my_donation_receipts", values)

    # read-only (a replica where there is one)
    @http.route(
        ["/my/donation-receipts/<int:receipt_id>"], type="http", auth="public", website=True, readonly=True
    )
    def portal_my_donation_receipt(
        self, receipt_id, access_token=None, report_type=None, download=False, **kw
    ):
        if not 0 < receipt_id <= MAX_ID or report_type not in (None, "pdf", "html"):
            raise NotFound()
        try:
            receipt = self._document_check_access(
                "alim.donation.receipt", receipt_id, access_token=access_token
            )
        except (AccessError, MissingError):
            raise NotFound() from None
        return self._show_report(
            model=receipt,
            report_type=report_type or "pdf",
            report_ref="alim_donation.alim_donation_receipt_report",
            download=download,
        )
