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

    def _alim_given_free(self):
        """Public programme goods reach groceries free of charge (no logistics fee): their own
        lots, and packs repacked only from such lots, whatever the depth."""
        free = super()._alim_given_free() | self.filtered("alim_public_programme")
        made = self - free
        sources = made._alim_source_lots() if made else {}
        for lot in made:
            inputs = sources.get(lot.id)
            if inputs and inputs == inputs._alim_given_free():
                free |= lot
        return free
