from odoo import api, fields, models

from .stock_move import DONATION_SOURCES, SOURCE_TYPES


class StockPicking(models.Model):
    _inherit = "stock.picking"

    alim_source_type = fields.Selection(
        SOURCE_TYPES, string="Source Type", tracking=True, help="Where the goods of this reception come from."
    )
    alim_is_donation = fields.Boolean(
        string="Is a Donation",
        compute="_compute_alim_is_donation",
        store=True,
        help="Goes on donation receipts.",
    )
    alim_declared_value = fields.Monetary(
        string="Declared Value", currency_field="alim_currency_id", compute="_compute_alim_totals"
    )
    alim_currency_id = fields.Many2one(related="company_id.currency_id", string="Currency")
    alim_donation_receipt_ids = fields.Many2many(
        "alim.donation.receipt",
        "alim_donation_receipt_picking_rel",
        "picking_id",
        "receipt_id",
        string="Donation Receipts",
        readonly=True,
        copy=False,
    )
    alim_donation_receipt_id = fields.Many2one(
        "alim.donation.receipt",
        string="Donation Receipt",
        compute="_compute_alim_donation_receipt_id",
        help="The valid (draft or issued) receipt this reception is on.",
    )

    @api.depends("alim_source_type", "picking_type_code")
    def _compute_alim_is_donation(self):
        for picking in self:
            picking.alim_is_donation = (
                picking.picking_type_code == "incoming" and picking.alim_source_type in DONATION_SOURCES
            )

    @api.depends("move_ids.alim_declared_value", "move_ids.state")
    def _compute_alim_totals(self):
        for picking in self:
            moves = picking.move_ids.filtered(lambda m: m.state != "cancel")
            picking.alim_declared_value = sum(moves.mapped("alim_declared_value"))

    @api.depends("alim_donation_receipt_ids.state")
    def _compute_alim_donation_receipt_id(self):
        for picking in self:
            picking.alim_donation_receipt_id = picking.alim_donation_receipt_ids.filtered(
                lambda r: r.state != "cancelled"
            )[:1]

    def _action_done(self):
        res = super()._action_done()
        self._alim_mark_public_programme_lots()
        return res

    def _alim_mark_public_programme_lots(self):
        """The lots received keep their source; those of a public programme are marked as such
        from the reception on."""
        for picking in self.filtered(
            lambda p: p.state == "done" and p.picking_type_code == "incoming" and p.alim_source_type
        ):
            lots = picking.move_line_ids.lot_id
            lots.filtered(lambda lot: not lot.alim_source_type).write(
                {"alim_source_type": picking.alim_source_type}
            )
            if picking.alim_source_type == "public_programme":
                lots.write(
                    {
                        "alim_public_programme": True,
                        "alim_programme_partner_id": picking.partner_id.commercial_partner_id.id,
                    }
                )

    # ------------------------------------------------------------------ receipts
    def action_alim_create_donation_receipt(self):
        """One draft receipt per donation, opened for review."""
        receipts = self.env["alim.donation.receipt"]
        for picking in self:
            receipts |= receipts._create_for_pickings(picking.partner_id.commercial_partner_id, picking)
        action = self.env["ir.actions.act_window"]._for_xml_id("alim_donation.alim_donation_receipt_action")
        if len(receipts) == 1:
            action.update(res_id=receipts.id, view_mode="form", views=[(False, "form")])
        else:
            action["domain"] = [("id", "in", receipts.ids)]
        return action
