from odoo import fields, models
from odoo.tools import SQL

from ..lib.invoice_balance import format_iban, is_iban


class AccountMove(models.Model):
    _inherit = "account.move"

    # -- the invoice as a document: posted, it is the invoice, never a pro forma ------------

    def _get_invoice_legal_documents(self, filetype, allow_fallback=False):
        # Odoo falls back to a pro forma when a posted invoice was never sent: the legal PDF
        # is made and kept instead, once (portal and back-office "Download").
        if filetype == "pdf" and allow_fallback:
            self._alim_keep_legal_pdf()
        return super()._get_invoice_legal_documents(filetype, allow_fallback=allow_fallback)

    def _get_invoice_legal_documents_all(self, allow_fallback=False):
        if allow_fallback:
            self._alim_keep_legal_pdf()
        return super()._get_invoice_legal_documents_all(allow_fallback=allow_fallback)

    def _alim_keep_legal_pdf(self):
        """Make the legal PDF of the posted customer invoices and credit notes of ``self`` that
        have none yet and keep it (``invoice_pdf_report_file``), as Odoo's "Print & Send" does
        without sending anything: from then on the invoice is downloaded as it was first
        issued. Two requests at once: the second waits for the first and finds its PDF."""
        moves = self.filtered(lambda move: move._alim_needs_legal_pdf())
        if not moves:
            return
        self.env.cr.execute(SQL("SELECT id FROM account_move WHERE id IN %s FOR UPDATE", tuple(moves.ids)))
        moves.invalidate_recordset(["invoice_pdf_report_id", "invoice_pdf_report_file"])
        moves = moves.filtered(lambda move: move._alim_needs_legal_pdf())
        if moves:
            self.env["account.move.send"]._generate_and_send_invoices(
                moves, sending_methods=[], invoice_edi_format=None, extra_edis=[]
            )

    def _alim_needs_legal_pdf(self):
        self.ensure_one()
        return (
            self.state == "posted"
            and self.move_type in ("out_invoice", "out_refund")
            and not self.invoice_pdf_report_id
        )

    # -- paying: by bank transfer, a "Pay now" only where a payment method can take it ------

    def _has_to_be_paid(self):
        # account_payment's "Pay now" (invoice page, invoice list) opens the online payment
        # form: without any payment method there, it would end on "no payment method".
        return super()._has_to_be_paid() and self._alim_can_pay_online()

    def _alim_can_pay_online(self):
        """Whether a payment method of an enabled payment provider can take the payment of
        ``self`` (invoices of one customer, company and currency) in the portal."""
        if not self:
            return False
        move = self[0]
        providers = (
            self.env["payment.provider"]
            .sudo()
            ._get_compatible_providers(
                move.company_id.id,
                move.partner_id.id,
                sum(self.mapped("amount_residual")),
                currency_id=move.currency_id.id,
            )
        )
        if not providers:
            return False
        methods = (
            self.env["payment.method"]
            .sudo()
            ._get_compatible_payment_methods(
                providers.ids, move.partner_id.id, currency_id=move.currency_id.id
            )
        )
        return bool(methods)

    def _alim_bank_account(self):
        """The platform's bank account a customer pays ``self`` into: the invoice's own
        ("Recipient Bank"), else the company's first."""
        self.ensure_one()
        return (
            self.partner_bank_id
            or self.company_id.partner_id.bank_ids.filtered(
                lambda bank: not bank.company_id or bank.company_id == self.company_id
            )[:1]
        )

    def _alim_bank_transfer(self):
        """What a customer needs to pay this posted customer invoice by bank transfer: holder,
        account number (an IBAN in groups of four), BIC, bank, the reference to quote and
        whether its due date has passed; {} when it is no such invoice or the platform has
        no bank account."""
        self.ensure_one()
        bank = self._alim_bank_account()
        if self.move_type != "out_invoice" or self.state != "posted" or not bank:
            return {}
        iban = bank.acc_type == "iban" or is_iban(bank.acc_number)
        return {
            "holder": bank.acc_holder_name or bank.partner_id.name,
            "is_iban": iban,
            "account": format_iban(bank.acc_number) if iban else bank.acc_number,
            "bic": bank.bank_bic or "",
            "bank": bank.bank_name or "",
            "reference": self.payment_reference or self.name,
            "overdue": bool(self.invoice_date_due)
            and self.invoice_date_due < fields.Date.context_today(self),
        }
