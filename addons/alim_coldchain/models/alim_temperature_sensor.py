import hmac
import secrets

from odoo import api, fields, models


class AlimTemperatureSensor(models.Model):
    """A probe that pushes its readings over HTTP, authenticated by its own token."""

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
    token = fields.Char(
        copy=False,
        groups="alim_food.alim_food_group_manager",
        default=lambda self: secrets.token_urlsafe(32),
        help="Secret sent by the sensor in the 'Authorization: Bearer <token>' header.",
    )
    reading_count = fields.Integer(compute="_compute_reading_count")

    _sql_constraints = [("token_unique", "UNIQUE(token)", "Two sensors cannot share a token.")]

    def _compute_reading_count(self):
        counts = dict(
            self.env["alim.temperature.reading"]._read_group(
                [("sensor_id", "in", self.ids)], ["sensor_id"], ["__count"]
            )
        )
        for sensor in self:
            sensor.reading_count = counts.get(sensor, 0)

    def action_regenerate_token(self):
        for sensor in self:
            sensor.token = secrets.token_urlsafe(32)

    @api.model
    def _alim_authenticate(self, token):
        """The active sensor holding ``token``, or an empty recordset."""
        if not token:
            return self.browse()
        sensor = self.sudo().search([("token", "=", token), ("active", "=", True)], limit=1)
        if sensor and hmac.compare_digest(sensor.token, token):
            return sensor
        return self.browse()
