from odoo import fields, models


class AccountMove(models.Model):
    _inherit = "account.move"

    ge_billing_month = fields.Date(string="GE AMES Month", copy=False, readonly=True)
    # Copied on purpose: the credit note reversing a regularisation counts against it.
    ge_regularisation_year = fields.Integer(string="GE AMES Regularisation Year", readonly=True, index=True)

    def _reverse_moves(self, default_values_list=None, cancel=False):
        reverses = super()._reverse_moves(default_values_list=default_values_list, cancel=cancel)
        lines = self.env["account.analytic.line"].search([("ge_invoice_line_id", "in", self.line_ids.ids)])
        if lines:
            lines.with_context(ge_ames_unbill=True).write({"ge_invoice_line_id": False})
            for move, reverse in zip(self, reverses, strict=False):
                move.message_post(
                    body=self.env._(
                        "Hours released by credit note %(credit)s: they can be billed again.",
                        credit=reverse.name,
                    )
                )
        return reverses

    def unlink(self):
        # A deleted draft invoice releases its hours (a posted one cannot be deleted anyway).
        lines = self.env["account.analytic.line"].search([("ge_invoice_line_id", "in", self.line_ids.ids)])
        lines.with_context(ge_ames_unbill=True).write({"ge_invoice_line_id": False})
        return super().unlink()
