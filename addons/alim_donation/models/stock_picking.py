import pytz

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

    alim_donation_agreement_id = fields.Many2one(
        "alim.donation.agreement",
        string="Donation Agreement",
        compute="_compute_alim_donation_agreement_id",
        help="The donor's agreement in force on the day of the reception (its pickup, or the "
        "planned date until it is done). A reception without one is still received.",
    )
    alim_refused_goods = fields.Text(
        string="Goods Refused at Pickup",
        help="What the platform refused at the donor's and why (date too close, cold chain, "
        "damaged packaging, no room): printed on the pickup voucher.",
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

    def _alim_pickup_tz(self):
        return self.env.user.tz or self.company_id.partner_id.tz or "Europe/Paris"

    def _alim_pickup_datetime(self):
        """When the goods were (or are to be) taken: done date, else the planned one."""
        self.ensure_one()
        return self.date_done or self.scheduled_date

    def _alim_pickup_date(self):
        """The day of the pickup in the platform's time zone."""
        self.ensure_one()
        moment = self._alim_pickup_datetime()
        if not moment:
            return False
        tz = pytz.timezone(self._alim_pickup_tz())
        return pytz.utc.localize(moment).astimezone(tz).date()

    @api.depends("partner_id", "date_done", "scheduled_date", "picking_type_code")
    def _compute_alim_donation_agreement_id(self):
        Agreement = self.env["alim.donation.agreement"]
        for picking in self:
            agreement = Agreement
            if picking.picking_type_code == "incoming" and picking.partner_id:
                agreement = Agreement._in_force(picking.partner_id, picking._alim_pickup_date())
            picking.alim_donation_agreement_id = agreement

    def _alim_pickup_temperature(self):
        """The temperatures measured in the goods at the reception, one per measured line
        ("product, lot: +3,0 °C"), joined; None when no line was measured."""
        self.ensure_one()
        measured = self.move_line_ids.filtered(lambda line: line.alim_reception_temp_at and line.quantity)
        if not measured:
            return None
        return "; ".join(
            dict.fromkeys(
                f"{line._alim_line_label()}: {line.alim_reception_temp_entry} °C" for line in measured
            )
        )

    def _alim_voucher_lines(self):
        """The goods of the voucher, one line per lot (or per move without lots)."""
        self.ensure_one()
        lines = []
        for move in self.move_ids.filtered(lambda m: m.state != "cancel"):
            product = move.product_id
            move_lines = move.move_line_ids.filtered(lambda ml: ml.quantity)
            if not move_lines:
                lines.append(
                    {
                        "product": product,
                        "quantity": move.quantity or move.product_uom_qty,
                        "uom": move.product_uom,
                        "weight_kg": move.alim_weight_kg,
                        "lot": "",
                        "date": False,
                    }
                )
                continue
            total = sum(move_lines.mapped("quantity")) or 1.0
            for line in move_lines:
                lines.append(
                    {
                        "product": product,
                        "quantity": line.quantity,
                        "uom": line.product_uom_id,
                        "weight_kg": move.alim_weight_kg * line.quantity / total,
                        "lot": line.lot_id.name or line.lot_name or "",
                        "date": line.lot_id.expiration_date or line.expiration_date,
                    }
                )
        return lines

    def action_alim_print_pickup_voucher(self):
        return self.env.ref("alim_donation.stock_picking_pickup_voucher_report").report_action(self)

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
