from odoo import api, fields, models


class AlimDeliveryRoundStop(models.Model):
    """One grocery delivered on a round (a batch transfer of deliveries)."""

    _name = "alim.delivery.round.stop"
    _description = "Delivery Round Stop"
    _order = "round_id, sequence, id"

    round_id = fields.Many2one(
        "stock.picking.batch",
        string="Delivery Round",
        required=True,
        ondelete="cascade",
        index=True,
        domain="[('alim_round_kind', '=', 'delivery')]",
    )
    sequence = fields.Integer(default=10)
    partner_id = fields.Many2one(
        "res.partner", string="Grocery", required=True, domain="[('is_grocery', '=', True)]"
    )
    picking_ids = fields.One2many("stock.picking", "alim_delivery_stop_id", string="Deliveries")
    load_kg = fields.Float(string="Load (kg)", digits=(12, 1), compute="_compute_load")
    has_cold_goods = fields.Boolean(string="Cold Goods", compute="_compute_load")
    has_goods = fields.Boolean(string="Goods to Deliver", compute="_compute_load")
    note = fields.Char(help="Access, opening hours, who receives the goods.")

    _sql_constraints = [
        ("partner_uniq", "unique(round_id, partner_id)", "A grocery is one stop of a round."),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        """A stop added by hand takes its grocery's deliveries waiting for a round, so it
        carries their weight (a stop made from deliveries already has its own)."""
        stops = super().create(vals_list)
        if not self.env.context.get("alim_stop_from_deliveries"):
            for stop in stops:
                waiting = stop._waiting_deliveries()
                if waiting:
                    stop.round_id._alim_add_pickings(waiting)
        return stops

    def _waiting_deliveries(self):
        """The grocery's deliveries to do that are on no round yet."""
        self.ensure_one()
        return self.env["stock.picking"].search(
            [
                ("picking_type_code", "=", "outgoing"),
                ("state", "in", ("waiting", "confirmed", "assigned")),
                ("batch_id", "=", False),
                ("partner_id", "child_of", self.partner_id.commercial_partner_id.id),
                ("company_id", "=", self.round_id.company_id.id),
            ]
        )

    @api.depends("picking_ids.move_ids.alim_weight_kg", "picking_ids.move_ids.state")
    def _compute_load(self):
        for stop in self:
            moves = stop._moves_to_deliver()
            stop.load_kg = sum(moves.mapped("alim_weight_kg"))
            stop.has_cold_goods = any(m.product_id.storage_class in ("chilled", "frozen") for m in moves)
            stop.has_goods = bool(moves)

    def _moves_to_deliver(self):
        """What the driver unloads here: the stop's moves not cancelled and not nil (a
        grocery cut to nothing at allocation has no stop on the sheet)."""
        return self.picking_ids.move_ids.filtered(lambda m: m.state != "cancel" and m.product_uom_qty > 0)

    def _sheet_lines(self):
        """What the driver loads for this stop now: the quantities reserved (or delivered),
        lot by lot, as ``[(move line, kg)]``. A lot taken out of the reservation (a recall's
        hold, an unreservation) is no longer on the sheet."""
        lines = self._moves_to_deliver().move_line_ids.filtered(lambda line: line.quantity > 0)
        return [(line, line.quantity_product_uom * line.product_id.weight) for line in lines]
