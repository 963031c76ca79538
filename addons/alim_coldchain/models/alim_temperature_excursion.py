from odoo import api, fields, models
from odoo.exceptions import UserError


class AlimTemperatureExcursion(models.Model):
    """A period when a room stayed out of its thresholds longer than tolerated. It holds
    every lot that was in the room meanwhile, until a corrective action releases or
    destroys them."""

    _name = "alim.temperature.excursion"
    _description = "Temperature Excursion"
    _inherit = ["gesmip.state.machine.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "date_start desc, id desc"
    _state_transitions = {
        "release": (("open",), "released"),
        "destroy": (("open",), "destroyed"),
        "confirm": (("open",), None),
        "dismiss": (("open",), "dismissed"),
    }
    _state_transition_depends = ("confirmed",)

    name = fields.Char(compute="_compute_name", store=True)
    location_id = fields.Many2one(
        "stock.location", string="Room", required=True, index=True, ondelete="restrict", readonly=True
    )
    date_start = fields.Datetime(string="Start", required=True, readonly=True)
    date_end = fields.Datetime(string="End", required=True, readonly=True)
    ongoing = fields.Boolean(readonly=True, help="The room was still out of range at the last reading.")
    kind = fields.Selection([("high", "Too warm"), ("low", "Too cold")], required=True, readonly=True)
    peak = fields.Float(string="Peak (°C)", digits=(5, 1), readonly=True)
    peak_at = fields.Datetime(string="Peak at", readonly=True)
    temp_min = fields.Float(string="Minimum (°C)", digits=(5, 1), readonly=True)
    temp_max = fields.Float(string="Maximum (°C)", digits=(5, 1), readonly=True)
    duration_minutes = fields.Integer(compute="_compute_duration_minutes", string="Duration (min)")
    lot_ids = fields.Many2many(
        "stock.lot",
        "alim_excursion_lot_rel",
        "excursion_id",
        "lot_id",
        string="Held lots",
        readonly=True,
    )
    lot_count = fields.Integer(compute="_compute_lot_count")
    departed_move_line_ids = fields.Many2many(
        "stock.move.line",
        compute="_compute_departed",
        string="Left the room meanwhile",
        help="Done movements that took goods out of the room during the excursion.",
    )
    departed_lot_ids = fields.Many2many(
        "stock.lot", compute="_compute_departed", string="Lots that left the room meanwhile"
    )
    departed_grocery_ids = fields.Many2many(
        "res.partner",
        compute="_compute_departed",
        string="Groceries that received them",
        help="Groceries delivered since the start of the excursion with a lot that left the room "
        "during it (or a pack made from it): warn them.",
    )
    responsible_id = fields.Many2one(related="location_id.cold_responsible_id", string="Person in charge")
    state = fields.Selection(
        [("open", "Open"), ("released", "Released"), ("destroyed", "Destroyed"), ("dismissed", "Dismissed")],
        default="open",
        required=True,
        readonly=True,
        tracking=True,
    )
    confirmed = fields.Boolean(
        readonly=True,
        tracking=True,
        help="Someone checked the room and confirmed the excursion; a false alarm (a wrong "
        "probe, a typing error) is dismissed instead.",
    )
    action_reason = fields.Text(string="Corrective action", tracking=True)
    action_user_id = fields.Many2one("res.users", string="Decided by", readonly=True, tracking=True)
    action_date = fields.Datetime(string="Decided on", readonly=True)
    is_action_release_allowed = fields.Boolean(compute="_compute_is_action_allowed")
    is_action_destroy_allowed = fields.Boolean(compute="_compute_is_action_allowed")
    is_action_confirm_allowed = fields.Boolean(compute="_compute_is_action_allowed")
    is_action_dismiss_allowed = fields.Boolean(compute="_compute_is_action_allowed")

    @api.depends("location_id.name", "date_start")
    def _compute_name(self):
        for excursion in self:
            start = (
                fields.Datetime.context_timestamp(excursion, excursion.date_start).strftime("%Y-%m-%d %H:%M")
                if excursion.date_start
                else ""
            )
            excursion.name = f"{excursion.location_id.name or ''} {start}".strip()

    @api.depends("date_start", "date_end")
    def _compute_duration_minutes(self):
        for excursion in self:
            if excursion.date_start and excursion.date_end:
                excursion.duration_minutes = int(
                    (excursion.date_end - excursion.date_start).total_seconds() // 60
                )
            else:
                excursion.duration_minutes = 0

    @api.depends("lot_ids")
    def _compute_lot_count(self):
        for excursion in self:
            excursion.lot_count = len(excursion.lot_ids)

    @api.depends("location_id", "date_start", "date_end")
    def _compute_departed(self):
        MoveLine = self.env["stock.move.line"]
        for excursion in self:
            if not (excursion.location_id and excursion.date_start and excursion.date_end):
                excursion.departed_move_line_ids = excursion.departed_lot_ids = False
                excursion.departed_grocery_ids = False
                continue
            room = excursion.location_id
            lines = MoveLine.search(
                [
                    ("state", "=", "done"),
                    ("location_id", "child_of", room.id),
                    ("location_dest_id", "not any", [("id", "child_of", room.id)]),
                    ("date", ">=", excursion.date_start),
                    ("date", "<=", excursion.date_end),
                ]
            )
            lots = lines.lot_id
            delivered = lots._alim_delivered_move_lines().filtered(
                lambda line, start=excursion.date_start: line.date >= start
            )
            excursion.departed_move_line_ids = lines
            excursion.departed_lot_ids = lots
            excursion.departed_grocery_ids = delivered.mapped(
                lambda line: line.picking_partner_id or line.move_id.partner_id
            ).commercial_partner_id

    @api.model_create_multi
    def create(self, vals_list):
        excursions = super().create(vals_list)
        for excursion in excursions:
            excursion._hold_lots()
            excursion._schedule_activity()
        return excursions

    def _hold_lots(self):
        for excursion in self:
            lots = excursion.location_id._alim_lots_present(excursion.date_start, excursion.date_end)
            if lots - excursion.lot_ids:
                excursion.lot_ids = [fields.Command.link(lot.id) for lot in lots - excursion.lot_ids]

    def _schedule_activity(self):
        for excursion in self:
            user = excursion.location_id.cold_responsible_id
            if not user:
                user = self.env.user
                if user._is_public() or user._is_superuser():
                    user = self.env.ref("base.user_admin")
            excursion.activity_schedule(
                "mail.mail_activity_data_todo",
                summary=self.env._("Temperature excursion: decide on the held lots"),
                note=self.env._(
                    "%(room)s was out of range (peak %(peak)s °C). %(count)s lot(s) are on hold.",
                    room=excursion.location_id.display_name,
                    peak=excursion.peak,
                    count=len(excursion.lot_ids),
                ),
                user_id=user.id,
            )

    def _action_close(self, action):
        """Record the decision: who, when, why; the to-do of the person in charge is done."""
        self.ensure_one()
        if not self.env.user.has_group("alim_food.alim_food_group_manager"):
            raise UserError(self.env._("Only a platform manager can decide on an excursion."))
        self._check_is_action_allowed(action)
        reason = self.action_reason
        if not (reason or "").strip():
            raise UserError(
                self.env._("Write the corrective action (what was checked, why) before deciding.")
            )
        self._transition(action, action_user_id=self.env.uid, action_date=fields.Datetime.now())
        self.activity_feedback(["mail.mail_activity_data_todo"], feedback=reason)

    def _action_refusal(self, action):
        refusal = super()._action_refusal(action)
        if not refusal and self.confirmed:
            if action == "confirm":
                return self.env._("This excursion was already confirmed or closed.")
            if action == "dismiss":
                return self.env._("A confirmed excursion cannot be dismissed: release or destroy.")
        return refusal

    def action_confirm(self):
        """The room was checked: the excursion is real; its lots stay held until released
        or destroyed."""
        self._check_is_action_allowed("confirm")
        self.write({"confirmed": True})
        return True

    def action_dismiss(self):
        """A false alarm (wrong probe, typing error): closed with the reason, lots released."""
        for excursion in self:
            excursion._action_close("dismiss")
        return True

    def action_release(self):
        """The goods were checked and are safe: the lots become reservable again."""
        for excursion in self:
            excursion._action_close("release")
        return True

    def action_destroy(self):
        """The goods are unsafe: scrap what the held lots still have in stock."""
        for excursion in self:
            excursion._action_close("destroy")
            excursion._scrap_lots()
        return True

    def _scrap_lots(self):
        self.ensure_one()
        quants = self.env["stock.quant"].search(
            [("lot_id", "in", self.lot_ids.ids), ("location_id.usage", "=", "internal"), ("quantity", ">", 0)]
        )
        for quant in quants:
            scrap = self.env["stock.scrap"].create(
                {
                    "product_id": quant.product_id.id,
                    "lot_id": quant.lot_id.id,
                    "location_id": quant.location_id.id,
                    "package_id": quant.package_id.id,
                    "scrap_qty": quant.quantity,
                    "product_uom_id": quant.product_id.uom_id.id,
                    "origin": self.name,
                }
            )
            scrap.action_validate()

    def action_view_lots(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("stock.action_production_lot_form")
        action["domain"] = [("id", "in", self.lot_ids.ids)]
        action["context"] = {}
        return action
