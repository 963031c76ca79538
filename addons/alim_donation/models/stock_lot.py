from odoo import fields, models

from .stock_move import SOURCE_TYPES


class StockLot(models.Model):
    _inherit = "stock.lot"

    alim_public_programme = fields.Boolean(
        string="Public Programme Goods",
        readonly=True,
        index=True,
        copy=False,
        help="Received from a public programme (FSE+, national programmes): given to groceries free "
        "of charge, never on a donation receipt, reported apart.",
    )
    alim_programme_partner_id = fields.Many2one(
        "res.partner",
        string="Public Programme",
        readonly=True,
        copy=False,
        help="The programme the lot was received from.",
    )
    alim_source_type = fields.Selection(
        SOURCE_TYPES,
        string="Source Type",
        readonly=True,
        copy=False,
        help="Where the lot came from, set at its reception: the habilitation report counts the "
        "goods distributed by source with it.",
    )
