from odoo import api, fields, models
from odoo.exceptions import UserError

from ..lib.round_load import over_capacity, round_load

ROUND_STATES = [("draft", "Draft"), ("planned", "Planned"), ("done", "Done"), ("cancel", "Cancelled")]


class AlimDeliveryRound(models.Model):
    """Pooled transport: one vehicle delivering several groceries on one day."""

    _name = "alim.delivery.round"
    _description = "Delivery Round"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"

    name = fields.Char(required=True, default=lambda self: self.env._("New"), copy=False, tracking=True)
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company)
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    vehicle_id = fields.Many2one("alim.vehicle", required=True, tracking=True)
    driver_id = fields.Many2one("res.users", tracking=True)
    state = fields.Selection(ROUND_STATES, default="draft", required=True, tracking=True, copy=False)
    stop_ids = fields.One2many("alim.delivery.round.stop", "round_id", string="Stops", copy=False)
    picking_ids = fields.One2many("stock.picking", "alim_delivery_round_id", string="Deliveries")
    stop_count = fields.Integer(compute="_compute_load")
    load_kg = fields.Float(string="Load (kg)", digits=(12, 1), compute="_compute_load")
    load_cold_kg = fields.Float(string="Cold Load (kg)", digits=(12, 1), compute="_compute_load")
    load_pallets = fields.Integer(string="Pallets", compute="_compute_load")
    load_cold_boxes = fields.Integer(string="Cold Boxes", compute="_compute_load")
    note = fields.Text()
    is_action_plan_allowed = fields.Boolean(compute="_compute_is_action_allowed")
    is_action_done_allowed = fields.Boolean(compute="_compute_is_action_allowed")
    is_action_cancel_allowed = fields.Boolean(compute="_compute_is_action_allowed")
    is_action_draft_allowed = fields.Boolean(compute="_compute_is_action_allowed")

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", self.env._("New")) == self.env._("New"):
                vals["name"] = self.env["ir.sequence"].next_by_code("alim.delivery.round") or "/"
        return super().create(vals_list)

    @api.depends("state")
    def _compute_is_action_allowed(self):
        for rnd in self:
            rnd.is_action_plan_allowed = rnd.state == "draft"
            rnd.is_action_done_allowed = rnd.state == "planned"
            rnd.is_action_cancel_allowed = rnd.state in ("draft", "planned")
            rnd.is_action_draft_allowed = rnd.state in ("planned", "cancel")

    @api.depends("stop_ids", "picking_ids.move_ids.alim_weight_kg", "vehicle_id")
    def _compute_load(self):
        for rnd in self:
            load = rnd._load()
            rnd.stop_count = len(rnd.stop_ids)
            rnd.load_kg = load.kg
            rnd.load_cold_kg = load.cold_kg
            rnd.load_pallets = load.pallets
            rnd.load_cold_boxes = load.cold_boxes

    def _load(self):
        self.ensure_one()
        moves = self.picking_ids.move_ids.filtered(lambda m: m.state != "cancel")
        vehicle = self.vehicle_id
        return round_load(
            [(move.alim_weight_kg, move.product_id.storage_class) for move in moves],
            vehicle.pallet_kg or 600.0,
            vehicle.cold_box_kg or 25.0,
        )

    def _check_is_action_allowed(self, action):
        states = dict(self._fields["state"]._description_selection(self.env))
        for rnd in self:
            if not rnd[f"is_action_{action}_allowed"]:
                raise UserError(
                    self.env._(
                        "The round %(name)s cannot do this in state %(state)s.",
                        name=rnd.name,
                        state=states[rnd.state],
                    )
                )

    def _check_capacity(self):
        labels = {
            "kg": self.env._("kg"),
            "pallets": self.env._("pallets"),
            "cold_boxes": self.env._("cold boxes"),
        }
        for rnd in self:
            load = rnd._load()
            vehicle = rnd.vehicle_id
            over = over_capacity(
                load, vehicle.capacity_kg, vehicle.capacity_pallets, vehicle.capacity_cold_boxes
            )
            if over:
                raise UserError(
                    self.env._(
                        "The round %(name)s does not fit in %(vehicle)s: %(over)s.",
                        name=rnd.name,
                        vehicle=vehicle.name,
                        over=", ".join(
                            self.env._(
                                "%(load)s %(what)s for %(capacity)s",
                                load=round(value, 1),
                                what=labels[what],
                                capacity=capacity,
                            )
                            for what, value, capacity in over
                        ),
                    )
                )

    def action_plan(self):
        self._check_is_action_allowed("plan")
        for rnd in self:
            if not rnd.stop_ids:
                raise UserError(self.env._("Add the groceries to deliver before planning %s.", rnd.name))
        self._check_capacity()
        self.write({"state": "planned"})
        for rnd in self:
            rnd.picking_ids.filtered(lambda p: p.state not in ("done", "cancel")).write(
                {"scheduled_date": fields.Datetime.to_datetime(rnd.date)}
            )

    def action_done(self):
        self._check_is_action_allowed("done")
        self.write({"state": "done"})

    def action_cancel(self):
        self._check_is_action_allowed("cancel")
        self.write({"state": "cancel"})

    def action_draft(self):
        self._check_is_action_allowed("draft")
        self.write({"state": "draft"})

    def _add_pickings(self, pickings):
        """Put ``pickings`` on this round: one stop per grocery, in the order given."""
        self.ensure_one()
        if self.state not in ("draft", "planned"):
            raise UserError(self.env._("Deliveries can only be added to a draft or planned round."))
        stops = {stop.partner_id: stop for stop in self.stop_ids}
        sequence = max(self.stop_ids.mapped("sequence"), default=0)
        for picking in pickings.filtered(lambda p: p.picking_type_code == "outgoing"):
            grocery = picking.partner_id.commercial_partner_id
            stop = stops.get(grocery)
            if not stop:
                sequence += 10
                stop = stops[grocery] = self.env["alim.delivery.round.stop"].create(
                    {"round_id": self.id, "partner_id": grocery.id, "sequence": sequence}
                )
            picking.alim_delivery_stop_id = stop
        if self.state == "planned":
            self._check_capacity()

    def action_print_sheet(self):
        return self.env.ref("alim_rounds.alim_delivery_round_sheet_report").report_action(self)
