from odoo import fields, models


class AccountMoveLine(models.Model):
    _inherit = "account.move.line"

    alim_given_free = fields.Boolean(
        string="Given Free of Charge",
        readonly=True,
        copy=False,
        help="Delivered from lots that reach groceries free of charge (public programme goods): "
        "invoiced at 0, without logistics fee.",
    )
