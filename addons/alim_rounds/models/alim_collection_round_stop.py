from odoo import fields, models

from odoo.addons.alim_donation.models.stock_move import SOURCE_TYPES


class AlimCollectionRoundStop(models.Model):
    """A donor visited on a collection round (a batch transfer of receptions)."""

    _name = "alim.collection.round.stop"
    _description = "Collection Round Stop"
    _order = "round_id, sequence, id"

    round_id = fields.Many2one(
        "stock.picking.batch",
        string="Collection Round",
        required=True,
        ondelete="cascade",
        index=True,
        domain="[('alim_round_kind', '=', 'collection')]",
    )
    sequence = fields.Integer(default=10)
    partner_id = fields.Many2one(
        "res.partner", string="Donor", required=True, domain="[('donor_kind', '!=', False)]"
    )
    source_type = fields.Selection(SOURCE_TYPES, required=True, default="donation")
    expected = fields.Char(
        string="Expected Goods", help="What the donor announced, e.g. '3 crates of yoghurts'."
    )
    picking_id = fields.Many2one("stock.picking", string="Reception", readonly=True, copy=False)
    picking_state = fields.Selection(
        related="picking_id.state", string="Reception Status", help="Where the reception of this stop stands."
    )
