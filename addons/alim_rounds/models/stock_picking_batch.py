from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import formatLang

from ..lib.round_load import over_capacity, round_load

ROUND_KINDS = [("delivery", "Delivery Round"), ("collection", "Collection Round")]
ROUND_SEQUENCES = {"delivery": "alim.delivery.round", "collection": "alim.collection.round"}


class StockPickingBatch(models.Model):
    """A round is a batch transfer (stock_picking_batch) with a vehicle (stock_fleet): a
    delivery round batches the groceries' deliveries of a cycle, one stop per grocery, and
    checks its load against the vehicle's category; a collection round batches the
    receptions at the donors it visits."""

    _inherit = "stock.picking.batch"

    # core's "New" is a plain string: as mrp's orders, a new round reads "Nouveau" in French
    # until it is saved and takes its number
    name = fields.Char(default=lambda self: self.env._("New"))
    alim_round_kind = fields.Selection(ROUND_KINDS, string="Round", index="btree_not_null", copy=True)
    alim_delivery_stop_ids = fields.One2many(
        "alim.delivery.round.stop", "round_id", string="Stops", copy=False
    )
    alim_collection_stop_ids = fields.One2many(
        "alim.collection.round.stop", "round_id", string="Donors to Visit", copy=True
    )
    alim_stop_count = fields.Integer(string="Number of Stops", compute="_compute_alim_load")
    alim_load_kg = fields.Float(string="Load (kg)", digits=(12, 1), compute="_compute_alim_load")
    alim_load_cold_kg = fields.Float(string="Cold Load (kg)", digits=(12, 1), compute="_compute_alim_load")
    alim_load_pallets = fields.Integer(string="Pallets", compute="_compute_alim_load")
    alim_load_cold_boxes = fields.Integer(string="Cold Boxes", compute="_compute_alim_load")

    @api.model_create_multi
    def create(self, vals_list):
        """A round is numbered when it is created (TL/ or TR/), on every path: the form (which
        shows "New" until then), a round created from a cycle, RPC."""
        placeholders = ("/", "New", self.env._("New"))
        for vals in vals_list:
            kind = vals.get("alim_round_kind") or self.env.context.get("default_alim_round_kind")
            code = ROUND_SEQUENCES.get(kind)
            if vals.get("name", "/") in placeholders:
                if code:
                    vals["name"] = self.env["ir.sequence"].next_by_code(code) or "/"
                else:
                    vals["name"] = "/"  # core's batch number
        return super().create(vals_list)

    @api.depends(
        "alim_round_kind",
        "alim_delivery_stop_ids",
        "picking_ids.move_ids.alim_weight_kg",
        "vehicle_category_id.alim_pallet_kg",
        "vehicle_category_id.alim_cold_box_kg",
    )
    def _compute_alim_load(self):
        for batch in self:
            load = batch._alim_load()
            batch.alim_stop_count = len(batch.alim_delivery_stop_ids or batch.alim_collection_stop_ids)
            batch.alim_load_kg = load.kg
            batch.alim_load_cold_kg = load.cold_kg
            batch.alim_load_pallets = load.pallets
            batch.alim_load_cold_boxes = load.cold_boxes

    def _alim_load(self):
        self.ensure_one()
        moves = self.picking_ids.move_ids.filtered(lambda m: m.state != "cancel")
        category = self.vehicle_category_id
        return round_load(
            [(move.alim_weight_kg, move.product_id.storage_class) for move in moves],
            category.alim_pallet_kg or 600.0,
            category.alim_cold_box_kg or 25.0,
        )

    def _alim_sheet_stops(self):
        """The stops on the round sheet: those with goods reserved to load, as
        ``[(stop, [(move line, kg)], kg)]``."""
        self.ensure_one()
        sheet = []
        for stop in self.alim_delivery_stop_ids:
            lines = stop._sheet_lines()
            if lines:
                sheet.append((stop, lines, sum(kg for _line, kg in lines)))
        return sheet

    def _alim_sheet_load(self):
        """The load of the round sheet: what is reserved now."""
        self.ensure_one()
        category = self.vehicle_category_id
        return round_load(
            [
                (kg, line.product_id.storage_class)
                for _stop, lines, _kg in self._alim_sheet_stops()
                for line, kg in lines
            ],
            category.alim_pallet_kg or 600.0,
            category.alim_cold_box_kg or 25.0,
        )

    def _alim_number(self, value):
        """``value`` in the reader's language: "1 995,8" in French, no ",0" for a whole number."""
        return formatLang(self.env, value, digits=0 if float(value).is_integer() else 1)

    def _alim_over_capacity_text(self, what, load, capacity):
        """One exceeded capacity, in the reader's language, with its unit."""
        load, capacity = self._alim_number(load), self._alim_number(capacity)
        if what == "kg":
            return self.env._("%(load)s kg for %(capacity)s kg", load=load, capacity=capacity)
        if what == "pallets":
            return self.env._("%(load)s pallets for %(capacity)s", load=load, capacity=capacity)
        return self.env._("%(load)s cold boxes for %(capacity)s", load=load, capacity=capacity)

    def _alim_check_capacity(self):
        for batch in self.filtered(lambda b: b.alim_round_kind == "delivery"):
            if not batch.vehicle_id:
                raise UserError(self.env._("Choose the vehicle of the round %s.", batch.name))
            category = batch.vehicle_category_id
            over = over_capacity(
                batch._alim_load(),
                category.weight_capacity,
                category.alim_capacity_pallets,
                category.alim_capacity_cold_boxes,
            )
            if over:
                raise UserError(
                    self.env._(
                        "The round %(name)s does not fit in %(vehicle)s: %(over)s.",
                        name=batch.name,
                        vehicle=batch.vehicle_id.display_name,
                        over=", ".join(
                            batch._alim_over_capacity_text(what, value, capacity)
                            for what, value, capacity in over
                        ),
                    )
                )

    def action_confirm(self):
        """Planning a delivery round: it has stops, fits in its vehicle, and its deliveries
        are scheduled on its date."""
        for batch in self.filtered(lambda b: b.alim_round_kind == "delivery"):
            if not batch.alim_delivery_stop_ids:
                raise UserError(self.env._("Add the groceries to deliver before planning %s.", batch.name))
            batch._alim_check_capacity()
            if batch.scheduled_date:
                batch.picking_ids.filtered(
                    lambda p: p.state not in ("done", "cancel")
                ).scheduled_date = batch.scheduled_date
        return super().action_confirm()

    def _alim_add_pickings(self, pickings):
        """Put the deliveries ``pickings`` on this round, on the round's date: each joins its
        grocery's stop (``stock.picking._alim_follow_round``, on every path)."""
        self.ensure_one()
        if self.alim_round_kind != "delivery" or self.state not in ("draft", "in_progress"):
            raise UserError(self.env._("Deliveries can only be added to a draft or planned delivery round."))
        deliveries = pickings.filtered(lambda p: p.picking_type_code == "outgoing" and p.batch_id != self)
        if not deliveries:
            return
        values = {"batch_id": self.id}
        if self.scheduled_date:
            # a batch's date follows its transfers' earliest: the deliveries take the round's
            values["scheduled_date"] = self.scheduled_date
        deliveries.write(values)  # one write: core checks the batch's transfers once

    def _alim_make_stops(self, deliveries):
        """One stop per grocery for the deliveries of this round ``deliveries``, in the order
        given, after the stops it has: each delivery on its grocery's stop."""
        self.ensure_one()
        deliveries = deliveries.filtered(lambda p: p.picking_type_code == "outgoing")
        if self.alim_round_kind != "delivery" or not deliveries:
            return
        stops = {stop.partner_id: stop for stop in self.alim_delivery_stop_ids}
        sequence = max(self.alim_delivery_stop_ids.mapped("sequence"), default=0)
        by_grocery = {}
        for picking in deliveries:
            by_grocery.setdefault(picking.partner_id.commercial_partner_id, []).append(picking.id)
        Stop = self.env["alim.delivery.round.stop"].with_context(alim_stop_from_deliveries=True)
        for grocery in by_grocery:
            if grocery not in stops:
                sequence += 10
                stops[grocery] = Stop.create(
                    {"round_id": self.id, "partner_id": grocery.id, "sequence": sequence}
                )
        for grocery, picking_ids in by_grocery.items():
            self.env["stock.picking"].browse(picking_ids).alim_delivery_stop_id = stops[grocery]

    def action_alim_print_sheet(self):
        return self.env.ref("alim_rounds.alim_delivery_round_sheet_report").report_action(self)

    def action_alim_create_receptions(self):
        """Collection round: one reception per donor visited (a second click creates none)."""
        for batch in self:
            if batch.alim_round_kind != "collection":
                raise UserError(self.env._("%s is not a collection round.", batch.name))
            if not batch.alim_collection_stop_ids:
                raise UserError(self.env._("Add the donors to collect from on %s.", batch.name))
            warehouse = self.env["stock.warehouse"].search(
                [("company_id", "=", batch.company_id.id)], limit=1
            )
            picking_type = warehouse.in_type_id
            if not batch.picking_type_id:
                batch.picking_type_id = picking_type
            for stop in batch.alim_collection_stop_ids.filtered(lambda s: not s.picking_id):
                stop.picking_id = self.env["stock.picking"].create(
                    {
                        "picking_type_id": picking_type.id,
                        "partner_id": stop.partner_id.id,
                        "origin": batch.name,
                        "scheduled_date": batch.scheduled_date or fields.Datetime.now(),
                        "alim_source_type": stop.source_type,
                        "alim_collection_stop_id": stop.id,
                        "batch_id": batch.id,
                        "location_id": picking_type.default_location_src_id.id
                        or self.env.ref("stock.stock_location_suppliers").id,
                        "location_dest_id": picking_type.default_location_dest_id.id,
                    }
                )
        return self.action_alim_view_receptions()

    def action_alim_view_receptions(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "alim_donation.stock_picking_action_alim_reception"
        )
        action["domain"] = [("id", "in", self.picking_ids.ids)]
        return action
