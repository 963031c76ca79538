from odoo import http
from odoo.exceptions import AccessError, MissingError
from odoo.http import request

from odoo.addons.account_payment.controllers.portal import PortalAccount


class AlimInvoicePortal(PortalAccount):
    """A grocery's invoices in the portal: its balance at the top of /my, a posted invoice
    shown and downloaded as the invoice it is (never "PROFORMA"), paid by bank transfer with
    the platform's bank details, and no "Pay now" where no payment method could take it.
    The rules are the models' (``account.move._alim_*``, ``res.partner._alim_invoice_balance``);
    the invoices are read with the portal user's own rights."""

    @http.route()
    def home(self, **kw):
        response = super().home(**kw)
        response.qcontext.update(self._prepare_alim_home_values())
        return response

    def _prepare_alim_home_values(self):
        grocery = request.env.user._gesmip_member_grocery()
        Move = request.env["account.move"]
        can_read = Move.has_access("read")
        return {
            # the grocery's balance card; nothing for anyone else
            "alim_balance": grocery._alim_invoice_balance() if grocery and can_read else None,
            "alim_pay_online": can_read and self._alim_overdue_can_pay_online(),
        }

    def _alim_overdue_can_pay_online(self):
        overdue = request.env["account.move"].search(self._get_overdue_invoices_domain())
        return bool(overdue) and overdue._alim_can_pay_online()

    def _get_overdue_invoices_domain(self, partner_id=None):
        # Odoo counts the invoices addressed to the user's own contact; a grocery's invoices
        # are addressed to the grocery: its user's "overdue invoices" are the grocery's.
        domain = super()._get_overdue_invoices_domain(partner_id=partner_id)
        grocery = not partner_id and request.env.user._gesmip_member_grocery()
        if not grocery:
            return domain
        return [
            ("commercial_partner_id", "=", grocery.id) if leaf[:1] == ("partner_id",) else leaf
            for leaf in map(tuple, domain)
        ]

    def _prepare_my_invoices_values(self, *args, **kwargs):
        values = super()._prepare_my_invoices_values(*args, **kwargs)
        values["alim_pay_online"] = self._alim_overdue_can_pay_online()
        return values

    @http.route()
    def portal_my_overdue_invoices(self, access_token=None, **kw):
        # the page of account_payment is an online payment form: without a payment method
        # it has nothing to offer, the overdue invoices (and their bank details) do
        if request.env["account.move"].has_access("read") and not self._alim_overdue_can_pay_online():
            return request.redirect("/my/invoices?filterby=overdue_invoices")
        return super().portal_my_overdue_invoices(access_token=access_token, **kw)

    @http.route()
    def portal_my_invoice_detail(self, invoice_id, access_token=None, report_type=None, download=False, **kw):
        # the download of a posted invoice is Odoo's: its legal documents, the PDF made and
        # kept the first time (account.move._get_invoice_legal_documents_all)
        if report_type in ("html", "pdf", "text") and not download:
            try:
                invoice_sudo = self._document_check_access("account.move", invoice_id, access_token)
            except (AccessError, MissingError):
                return request.redirect("/my")
            if invoice_sudo.state == "posted":
                return self._alim_show_posted_invoice(invoice_sudo, report_type)
        return super().portal_my_invoice_detail(
            invoice_id, access_token=access_token, report_type=report_type, download=download, **kw
        )

    def _alim_show_posted_invoice(self, invoice_sudo, report_type):
        """A posted invoice is the invoice: printed, its PDF is the legal PDF kept the first
        time it is asked for (``account.move._get_invoice_legal_documents``); shown in its
        page, it says "Invoice", not "PROFORMA"."""
        if report_type == "pdf":
            content = invoice_sudo._get_invoice_legal_documents("pdf", allow_fallback=True)["content"]
            headers = self._get_http_headers(invoice_sudo, report_type, content, False)
            return request.make_response(content, list(headers.items()))
        request.update_context(proforma_invoice=False)
        report = (
            invoice_sudo.partner_id.invoice_template_pdf_report_id.report_name or "account.account_invoices"
        )
        return self._show_report(model=invoice_sudo, report_type=report_type, report_ref=report)
