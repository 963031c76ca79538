from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL

from ..lib.excursions import detect_excursions
from ..lib.temperature_profiles import room_too_warm

# (min, max) in °C by storage class; a freezer colder than -40 °C is an equipment fault.
DEFAULT_THRESHOLDS = {"chilled": (0.0, 4.0), "frozen": (-40.0, -18.0)}
# How far beyond a limit one reading is an excursion at once (°C): brief rises are tolerated
# only when small, about +3 °C at loading and unloading, frozen foods up to -15 °C for short
# periods (arrêté of 21 December 2009, as the DGCCRF applies it).
DEFAULT_SEVERE_MARGINS = {"chilled": 3.0, "frozen": 3.0}


class StockLocation(models.Model):
    _inherit = "stock.location"

    temp_monitored = fields.Boolean(
        string="Temperature monitored",
        compute="_compute_alim_temp_thresholds",
        store=True,
        readonly=False,
        help="Readings of this room are checked against its thresholds.",
    )
    temp_min = fields.Float(
        string="Minimum (°C)",
        digits=(5, 1),
        compute="_compute_alim_temp_thresholds",
        store=True,
        readonly=False,
    )
    temp_max = fields.Float(
        string="Maximum (°C)",
        digits=(5, 1),
        compute="_compute_alim_temp_thresholds",
        store=True,
        readonly=False,
    )
    temp_tolerance_minutes = fields.Integer(
        string="Tolerated duration (min)",
        default=30,
        help="A temperature out of range for longer than this is an excursion.",
    )
    temp_severe_margin = fields.Float(
        string="Never tolerated beyond (°C)",
        digits=(5, 1),
        compute="_compute_alim_temp_thresholds",
        store=True,
        readonly=False,
        help="A reading further than this beyond the minimum or maximum is an excursion at once, "
        "whatever its duration; a smaller rise is tolerated for the tolerated duration.",
    )
    cold_responsible_id = fields.Many2one(
        "res.users", string="Person in charge", help="Receives the activities of this room's excursions."
    )
    occupied_pallets = fields.Integer(compute="_compute_alim_occupancy", string="Pallets in the room")
    occupied_volume_m3 = fields.Float(
        compute="_compute_alim_occupancy", string="Volume used (m³)", digits=(8, 1)
    )
    occupancy_rate = fields.Float(compute="_compute_alim_occupancy", string="Occupancy (%)", digits=(5, 1))
    alim_too_warm_product_ids = fields.Many2many(
        "product.product",
        compute="_compute_alim_too_warm",
        string="Products needing colder",
        help="Products stored here whose maximum temperature is below the room's maximum: the "
        "room's limits must cover the strictest product in it (arrêté of 21 December 2009, annex I).",
    )
    alim_strictest_max = fields.Float(
        compute="_compute_alim_too_warm", string="Strictest product maximum (°C)", digits=(5, 1)
    )
    alim_strictest_product_id = fields.Many2one(
        "product.product",
        compute="_compute_alim_too_warm",
        string="Strictest product",
        help="The product in stock here with the coldest maximum temperature (its category's "
        "profile, else its storage class): the room must be kept cold enough for it.",
    )
    temperature_reading_count = fields.Integer(compute="_compute_alim_temperature_counts")
    temperature_excursion_count = fields.Integer(compute="_compute_alim_temperature_counts")

    @api.depends("storage_class")
    def _compute_alim_temp_thresholds(self):
        for location in self:
            thresholds = DEFAULT_THRESHOLDS.get(location.storage_class)
            location.temp_monitored = bool(thresholds)
            if thresholds:
                location.temp_min, location.temp_max = thresholds
                location.temp_severe_margin = DEFAULT_SEVERE_MARGINS[location.storage_class]
            else:
                location.temp_severe_margin = location.temp_severe_margin or max(
                    DEFAULT_SEVERE_MARGINS.values()
                )

    @api.constrains("temp_min", "temp_max", "temp_monitored", "temp_tolerance_minutes", "temp_severe_margin")
    def _check_alim_temp_thresholds(self):
        for location in self:
            if location.temp_monitored and location.temp_min > location.temp_max:
                raise ValidationError(self.env._("The minimum temperature must be below the maximum."))
            if location.temp_tolerance_minutes < 0:
                raise ValidationError(self.env._("The tolerated duration cannot be negative."))
            if location.temp_severe_margin < 0:
                raise ValidationError(self.env._("The margin never tolerated cannot be negative."))

    @api.depends("temp_max", "temp_monitored")
    def _compute_alim_too_warm(self):
        """Products in stock here (or below) whose own maximum is colder than the room's."""
        Quant = self.env["stock.quant"]
        for location in self:
            location.alim_too_warm_product_ids = False
            location.alim_strictest_max = 0.0
            location.alim_strictest_product_id = False
            if not location.id or not location.temp_monitored:
                continue
            products = Quant._read_group(
                [("location_id", "child_of", location.id), ("quantity", ">", 0)], ["product_id"]
            )
            maxima = {product: product._alim_temp_max() for (product,) in products}
            values = [value for value in maxima.values() if value is not None]
            location.alim_strictest_max = min(values) if values else 0.0
            if values:
                location.alim_strictest_product_id = min(
                    (product for product, value in maxima.items() if value is not None),
                    key=lambda product: (maxima[product], product.display_name),
                )
            too_warm = set(room_too_warm(location.temp_max, values))
            location.alim_too_warm_product_ids = [
                product.id for product, value in maxima.items() if value in too_warm
            ]

    def _compute_alim_occupancy(self):
        """Pallets are the packages in the room (a quant without package counts as one pallet
        per product and lot); the volume is the quantity times the product's volume."""
        Quant = self.env["stock.quant"]
        for location in self:
            if not location.id:
                location.occupied_pallets = location.occupied_volume_m3 = location.occupancy_rate = 0
                continue
            domain = [("location_id", "child_of", location.id), ("quantity", ">", 0)]
            quants = Quant.search_fetch(domain, ["quantity", "product_id", "package_id", "lot_id"])
            pallets = {
                (q.package_id.id,) if q.package_id else (0, q.product_id.id, q.lot_id.id) for q in quants
            }
            location.occupied_pallets = len(pallets)
            location.occupied_volume_m3 = sum(q.quantity * q.product_id.volume for q in quants)
            rates = []
            if location.pallet_places:
                rates.append(100.0 * len(pallets) / location.pallet_places)
            if location.room_volume_m3:
                rates.append(100.0 * location.occupied_volume_m3 / location.room_volume_m3)
            location.occupancy_rate = max(rates) if rates else 0.0

    def _compute_alim_temperature_counts(self):
        readings = dict(
            self.env["alim.temperature.reading"]._read_group(
                [("location_id", "in", self.ids)], ["location_id"], ["__count"]
            )
        )
        excursions = dict(
            self.env["alim.temperature.excursion"]._read_group(
                [("location_id", "in", self.ids)], ["location_id"], ["__count"]
            )
        )
        for location in self:
            location.temperature_reading_count = readings.get(location, 0)
            location.temperature_excursion_count = excursions.get(location, 0)

    def _alim_cold_responsible(self):
        """The person in charge of this room's temperature, or of the nearest room above it."""
        self.ensure_one()
        location = self
        while location and not location.cold_responsible_id:
            location = location.location_id
        return location.cold_responsible_id

    def action_view_temperature_readings(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "alim_coldchain.alim_temperature_reading_action"
        )
        action["domain"] = [("location_id", "=", self.id)]
        action["context"] = {"default_location_id": self.id}
        return action

    def action_view_temperature_excursions(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "alim_coldchain.alim_temperature_excursion_action"
        )
        action["domain"] = [("location_id", "=", self.id)]
        return action

    # ------------------------------------------------------------------ excursions

    def _alim_readings_between(self, date_from=None, date_to=None):
        """The valid (not annulled) readings of this room as (datetime, value), sorted."""
        self.ensure_one()
        self.env["alim.temperature.reading"].check_access("read")
        self.env["alim.temperature.reading"].flush_model()
        query = SQL(
            "SELECT reading_at, value FROM alim_temperature_reading"
            " WHERE location_id = %s AND annulled IS NOT TRUE AND reading_at >= %s AND reading_at <= %s"
            " ORDER BY reading_at, id",
            self.id,
            date_from or fields.Datetime.to_datetime("1970-01-01"),
            date_to or fields.Datetime.to_datetime("9999-12-31"),
        )
        self.env.cr.execute(query)
        return [(when, float(value)) for when, value in self.env.cr.fetchall()]

    def _alim_detect_excursions(self, date_from=None, date_to=None):
        """Record the excursions found in the readings of these rooms between the dates
        (a day before ``date_from`` is read too, to catch a window already open, or from the
        start of an excursion still ongoing then, so that a long one is not found twice)."""
        Excursion = self.env["alim.temperature.excursion"]
        created = Excursion
        for room in self.filtered("temp_monitored"):
            start = date_from - timedelta(days=1) if date_from else None
            if start:
                ongoing = Excursion.search(
                    [("location_id", "=", room.id), ("ongoing", "=", True), ("date_start", "<", start)],
                    order="date_start desc",
                    limit=1,
                )
                if ongoing and (not ongoing.date_end or ongoing.date_end >= start):
                    start = ongoing.date_start
            readings = room._alim_readings_between(start, date_to)
            found = detect_excursions(
                readings,
                room.temp_min,
                room.temp_max,
                timedelta(minutes=room.temp_tolerance_minutes),
                room.temp_severe_margin,
            )
            if not found:
                continue
            existing = {
                exc.date_start: exc
                for exc in Excursion.search(
                    [("location_id", "=", room.id), ("date_start", "in", [f.start for f in found])]
                )
            }
            to_create = []
            for window in found:
                vals = {
                    "date_end": window.end,
                    "peak": window.peak,
                    "peak_at": window.peak_at,
                    "ongoing": window.ongoing,
                }
                known = existing.get(window.start)
                if known:
                    if known.ongoing and known.state == "open":
                        known.write(vals)
                        known._hold_lots()
                    continue
                to_create.append(
                    dict(
                        vals,
                        location_id=room.id,
                        date_start=window.start,
                        kind=window.kind,
                        temp_min=room.temp_min,
                        temp_max=room.temp_max,
                    )
                )
            if to_create:
                created |= Excursion.create(to_create)
        return created

    def _alim_lots_present(self, date_from, date_to):
        """Lots that were in this room (or its sub-locations) at some moment between the dates,
        from the history of done move lines: in the room at ``date_from``, or brought in
        before ``date_to``. Lots moved out before the window or brought in after are not."""
        self.ensure_one()
        room_ids = self.search([("id", "child_of", self.id)]).ids
        MoveLine = self.env["stock.move.line"]
        base = [("state", "=", "done"), ("lot_id", "!=", False)]
        entering = [("location_dest_id", "in", room_ids), ("location_id", "not in", room_ids)]
        leaving = [("location_id", "in", room_ids), ("location_dest_id", "not in", room_ids)]
        balance = {}
        for lot, qty in MoveLine._read_group(
            base + entering + [("date", "<=", date_from)], ["lot_id"], ["quantity_product_uom:sum"]
        ):
            balance[lot] = balance.get(lot, 0.0) + qty
        for lot, qty in MoveLine._read_group(
            base + leaving + [("date", "<=", date_from)], ["lot_id"], ["quantity_product_uom:sum"]
        ):
            balance[lot] = balance.get(lot, 0.0) - qty
        lots = self.env["stock.lot"].browse([lot.id for lot, qty in balance.items() if qty > 0])
        entered = MoveLine.search_fetch(
            base + entering + [("date", ">", date_from), ("date", "<=", date_to)], ["lot_id"]
        )
        return lots | entered.lot_id
