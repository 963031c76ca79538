import io
import math
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

from ..lib.readings_csv import PLAUSIBLE_MAX, PLAUSIBLE_MIN

ANNUL_FIELDS = {"annulled", "annul_reason", "annulled_by_id", "annulled_at"}


class AlimTemperatureReading(models.Model):
    """One temperature reading of a room. The register is immutable: a reading is never
    changed nor deleted; a wrong one is annulled with a reason and a new one entered."""

    _name = "alim.temperature.reading"
    _description = "Temperature Reading"
    _order = "reading_at desc, id desc"
    _rec_names_search = ["location_id"]

    location_id = fields.Many2one(
        "stock.location",
        string="Room",
        required=True,
        index=True,
        ondelete="restrict",
        domain=[("usage", "=", "internal")],
    )
    reading_at = fields.Datetime(string="Date", required=True, index=True, default=fields.Datetime.now)
    value = fields.Float(string="Temperature (°C)", digits=(5, 1), required=True)
    source = fields.Selection(
        [("manual", "Manual"), ("import", "Data logger file"), ("sensor", "Sensor")],
        required=True,
        default="manual",
    )
    sensor_id = fields.Many2one("alim.temperature.sensor", ondelete="restrict", readonly=True)
    import_key = fields.Char(string="File", readonly=True, help="Fingerprint of the imported file.")
    annulled = fields.Boolean(readonly=True, index=True)
    annul_reason = fields.Text(string="Reason for annulment", readonly=True)
    annulled_by_id = fields.Many2one("res.users", string="Annulled by", readonly=True)
    annulled_at = fields.Datetime(readonly=True)
    out_of_range = fields.Boolean(compute="_compute_out_of_range")

    _sql_constraints = [
        (
            "value_plausible",
            f"CHECK(value >= {PLAUSIBLE_MIN} AND value <= {PLAUSIBLE_MAX})",
            "A temperature must be between -60 and +60 °C.",
        ),
    ]

    def init(self):
        cr = self.env.cr
        # Imports and sensors are idempotent: the same reading sent twice is kept once.
        cr.execute(
            "CREATE UNIQUE INDEX IF NOT EXISTS alim_temperature_reading_unique_key"
            " ON alim_temperature_reading (location_id, reading_at, source) WHERE source <> 'manual'"
        )
        # The register stays immutable below the ORM too (bulk imports write with SQL).
        cr.execute(
            """
            CREATE OR REPLACE FUNCTION alim_temperature_reading_immutable() RETURNS trigger AS $$
            BEGIN
                IF TG_OP = 'DELETE' THEN
                    RAISE EXCEPTION 'Temperature readings cannot be deleted';
                END IF;
                IF NEW.location_id IS DISTINCT FROM OLD.location_id
                   OR NEW.reading_at IS DISTINCT FROM OLD.reading_at
                   OR NEW.value IS DISTINCT FROM OLD.value
                   OR NEW.source IS DISTINCT FROM OLD.source
                   OR (OLD.annulled AND NOT NEW.annulled) THEN
                    RAISE EXCEPTION 'Temperature readings cannot be changed';
                END IF;
                RETURN NEW;
            END;
            $$ LANGUAGE plpgsql;
            DROP TRIGGER IF EXISTS alim_temperature_reading_immutable ON alim_temperature_reading;
            CREATE TRIGGER alim_temperature_reading_immutable
                BEFORE UPDATE OR DELETE ON alim_temperature_reading
                FOR EACH ROW EXECUTE FUNCTION alim_temperature_reading_immutable();
            """
        )

    @api.depends("value", "location_id.temp_min", "location_id.temp_max", "location_id.temp_monitored")
    def _compute_out_of_range(self):
        for reading in self:
            room = reading.location_id
            reading.out_of_range = bool(
                room.temp_monitored and not room.temp_min <= reading.value <= room.temp_max
            )

    @api.depends("location_id", "reading_at", "value")
    def _compute_display_name(self):
        for reading in self:
            when = fields.Datetime.to_string(
                fields.Datetime.context_timestamp(reading, reading.reading_at)
                if reading.reading_at
                else False
            )
            reading.display_name = f"{reading.location_id.name or ''} {when or ''}: {reading.value:+.1f} °C"

    @api.model_create_multi
    def create(self, vals_list):
        now = fields.Datetime.now()
        for vals in vals_list:
            if ANNUL_FIELDS & {key for key, value in vals.items() if value}:
                raise UserError(self.env._("A new reading cannot be created annulled."))
            if vals.get("reading_at") and fields.Datetime.to_datetime(vals["reading_at"]) > now:
                raise ValidationError(self.env._("A reading cannot be in the future."))
            if not PLAUSIBLE_MIN <= vals.get("value", 0.0) <= PLAUSIBLE_MAX:
                raise ValidationError(self.env._("A temperature must be between -60 and +60 °C."))
        readings = super().create(vals_list)
        for room in readings.location_id:
            at = readings.filtered(lambda r, room=room: r.location_id == room).mapped("reading_at")
            room._alim_detect_excursions(min(at), max(at))
        return readings

    def write(self, vals):
        if not (self.env.context.get("alim_annulment") and set(vals) <= ANNUL_FIELDS):
            raise UserError(
                self.env._(
                    "Temperature readings cannot be changed. Annul the wrong reading with a reason "
                    "and enter a new one."
                )
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(self.env._("Temperature readings cannot be deleted; annul them with a reason."))

    def _action_annul(self, reason):
        if not (reason or "").strip():
            raise UserError(self.env._("Give the reason why the reading is annulled."))
        if any(self.mapped("annulled")):
            raise UserError(self.env._("This reading is already annulled."))
        self.check_access("write")
        self.with_context(alim_annulment=True).write(
            {
                "annulled": True,
                "annul_reason": reason.strip(),
                "annulled_by_id": self.env.uid,
                "annulled_at": fields.Datetime.now(),
            }
        )

    def action_annul(self):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Annul reading"),
            "res_model": "alim.temperature.annul",
            "view_mode": "form",
            "target": "new",
            "context": {"default_reading_ids": self.ids},
        }

    # ------------------------------------------------------------------ bulk path

    @api.model
    def _alim_bulk_insert(self, location, readings, source, sensor=None, import_key=None):
        """Insert validated ``readings`` [(datetime_utc, value)] of one room with COPY into a
        temporary table, then one INSERT ... ON CONFLICT DO NOTHING: readings already in the
        register (same room, date and source) are skipped. Returns the number inserted.

        The values come from the validating parsers (datetimes and floats within the
        plausible range), never from SQL text; the statements take them as parameters.
        """
        self.check_access("create")
        location.check_access("read")
        if source not in ("import", "sensor"):
            raise UserError(self.env._("Only imported and sensor readings are inserted in bulk."))
        now = fields.Datetime.now()
        for when, value in readings:
            if when > now:
                raise ValidationError(self.env._("A reading cannot be in the future."))
            if not PLAUSIBLE_MIN <= value <= PLAUSIBLE_MAX:
                raise ValidationError(self.env._("A temperature must be between -60 and +60 °C."))
        if not readings:
            return 0
        self.flush_model()
        cr = self.env.cr
        cr.execute(
            "CREATE TEMPORARY TABLE IF NOT EXISTS alim_reading_load"
            " (reading_at timestamp NOT NULL, value numeric NOT NULL) ON COMMIT DROP"
        )
        cr.execute("TRUNCATE alim_reading_load")
        buffer = io.StringIO("".join(f"{when:%Y-%m-%d %H:%M:%S}\t{value!r}\n" for when, value in readings))
        cr.copy_expert("COPY alim_reading_load (reading_at, value) FROM STDIN", buffer)
        cr.execute(
            SQL(
                """
                INSERT INTO alim_temperature_reading
                    (location_id, reading_at, value, source, sensor_id, import_key, annulled,
                     create_uid, create_date, write_uid, write_date)
                SELECT %(location)s, reading_at, value, %(source)s, %(sensor)s, %(key)s, false,
                       %(uid)s, %(now)s, %(uid)s, %(now)s
                  FROM alim_reading_load
                ON CONFLICT (location_id, reading_at, source) WHERE source <> 'manual' DO NOTHING
                """,
                location=location.id,
                source=source,
                sensor=sensor.id if sensor else None,
                key=import_key,
                uid=self.env.uid,
                now=now,
            )
        )
        inserted = cr.rowcount
        self.invalidate_model()
        return inserted

    # ------------------------------------------------------------------ demo

    @api.model
    def _alim_demo_load(self):
        """A month of quarter-hourly readings for the three cold rooms, one excursion in the
        positive room (a door left open on a delivery afternoon) and its corrective action."""
        rooms = [
            (self.env.ref("alim_food.location_cold_positive", raise_if_not_found=False), 2.5, "sensor"),
            (
                self.env.ref("alim_food.location_cold_negative_1", raise_if_not_found=False),
                -21.0,
                "import",
            ),
            (
                self.env.ref("alim_food.location_cold_negative_2", raise_if_not_found=False),
                -20.0,
                "import",
            ),
        ]
        sensor = self.env.ref(
            "alim_coldchain.alim_temperature_sensor_demo_positive", raise_if_not_found=False
        )
        end = fields.Datetime.now().replace(minute=0, second=0, microsecond=0)
        start = end - timedelta(days=30)
        door_open = (end - timedelta(days=10)).replace(hour=13)
        admin = self.env.ref("base.user_admin")
        for room, base, source in rooms:
            if not room:
                continue
            readings = []
            when = start
            step = 0
            while when <= end:
                value = base + 0.6 * math.sin(step / 9.0) + 0.3 * math.sin(step / 2.3)
                if source == "sensor" and door_open <= when < door_open + timedelta(hours=2):
                    value = 6.0 + (when - door_open).total_seconds() / 3600.0
                readings.append((when, round(value, 1)))
                when += timedelta(minutes=15)
                step += 1
            self.with_user(admin)._alim_bulk_insert(
                room, readings, source, sensor=sensor if source == "sensor" else None, import_key="demo"
            )
            excursions = room.with_user(admin)._alim_detect_excursions(start, end)
            for excursion in excursions:
                excursion.action_reason = (
                    "Porte restée ouverte pendant la réception. Produits sondés à cœur : 4,5 °C au plus, "
                    "moins de 2 heures. Lots remis en stock."
                )
                excursion.with_user(admin).action_release()
        positive = rooms[0][0]
        if positive:
            manual = self.with_user(admin).create(
                [
                    {
                        "location_id": positive.id,
                        "reading_at": end - timedelta(days=1, hours=3),
                        "value": 3.1,
                    },
                    {
                        "location_id": positive.id,
                        "reading_at": end - timedelta(days=1, hours=12),
                        "value": 31.0,
                    },
                ]
            )
            manual[1].with_user(admin)._action_annul("Saisie erronée : 3,1 °C et non 31 °C.")
