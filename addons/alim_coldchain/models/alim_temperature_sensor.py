import hashlib
import hmac
import secrets

from odoo import SUPERUSER_ID, api, fields, models


def _token_hash(token):
    return hashlib.sha256(token.encode()).hexdigest()


class AlimTemperatureSensor(models.Model):
    """A probe that pushes its readings over HTTP, authenticated by its own token.

    Only the token's SHA-256 is kept: the token itself is shown once, when it is made
    ("New token"), and cannot be read again, by anyone."""

    _name = "alim.temperature.sensor"
    _description = "Temperature Sensor"
    _order = "name"

    name = fields.Char(required=True)
    active = fields.Boolean(default=True)
    location_id = fields.Many2one(
        "stock.location",
        string="Room",
        required=True,
        ondelete="restrict",
        domain=[("usage", "=", "internal")],
    )
    install_date = fields.Datetime(
        string="Installed On",
        required=True,
        default=fields.Datetime.now,
        help="Readings dated before this are refused.",
    )
    token_hash = fields.Char(copy=False, index=True, groups="base.group_system")
    has_token = fields.Boolean(string="Token Set", compute="_compute_has_token")
    reading_count = fields.Integer(compute="_compute_reading_count")

    _sql_constraints = [("token_hash_unique", "UNIQUE(token_hash)", "Two sensors cannot share a token.")]

    def _compute_has_token(self):
        for sensor in self:
            sensor.has_token = bool(sensor.sudo().token_hash)

    def _compute_reading_count(self):
        counts = dict(
            self.env["alim.temperature.reading"]._read_group(
                [("sensor_id", "in", self.ids)], ["sensor_id"], ["__count"]
            )
        )
        for sensor in self:
            sensor.reading_count = counts.get(sensor, 0)

    def _alim_new_token(self):
        """Give the sensor a new token; returns it (the only time it can be read)."""
        self.ensure_one()
        self.check_access("write")
        token = secrets.token_urlsafe(32)
        self.sudo().token_hash = _token_hash(token)
        return token

    def action_regenerate_token(self):
        self.ensure_one()
        token = self._alim_new_token()
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": self.env._("New token of %s: copy it now, it will not be shown again", self.name),
                "message": token,
                "sticky": True,
                "type": "warning",
            },
        }

    @api.model
    def _alim_authenticate(self, token):
        """The active sensor holding ``token``, or an empty recordset."""
        if not token or len(token) > 200:
            return self.browse()
        digest = _token_hash(token)
        sensor = self.sudo().search([("token_hash", "=", digest), ("active", "=", True)], limit=1)
        if sensor and hmac.compare_digest(sensor.token_hash, digest):
            return sensor
        return self.browse()

    def _alim_push_readings(self, rows, future_skew):
        """Write ``rows`` [(UTC datetime, value)] (sorted, read by ``lib/sensor_payload``) as
        this authenticated sensor's readings of its room, then look for excursions over
        them. The register is written as superuser: the sensor is no user, its token was
        checked. Returns the number of readings inserted (those already there are skipped)."""
        self.ensure_one()
        env = self.env(user=SUPERUSER_ID)
        sensor = self.with_env(env)
        inserted = env["alim.temperature.reading"]._alim_bulk_insert(
            sensor.location_id, rows, "sensor", sensor=sensor, future_skew=future_skew
        )
        sensor.location_id._alim_detect_excursions(rows[0][0], rows[-1][0])
        return inserted
