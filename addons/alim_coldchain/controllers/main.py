from datetime import timedelta

from werkzeug.exceptions import RequestEntityTooLarge

from odoo import fields, http
from odoo.exceptions import UserError, ValidationError
from odoo.http import request

from ..lib.sensor_payload import MAX_BODY, PayloadError, RateLimiter, read_payload

# Requests per minute; per worker process (each Odoo worker counts its own).
RATE_PER_SENSOR = 30
RATE_PER_ADDRESS = 120
CLOCK_SKEW = timedelta(minutes=5)
RATE_LIMITER = RateLimiter()


class AlimSensorController(http.Controller):
    """Readings pushed by sensors: ``POST /alim_coldchain/sensor/readings`` with the header
    ``Authorization: Bearer <token>`` and a JSON body
    ``{"location_id": 12, "readings": [{"at": "2026-01-31T14:05:00Z", "value": 3.4}]}``.
    A sensor may only post for its own room. Every refusal is a 4xx with a JSON reason
    (``{"error": ...}``); nothing is written unless the whole batch is accepted."""

    def _reply(self, status, headers=None, **payload):
        return request.make_json_response(payload, status=status, headers=headers)

    def _rate(self, key, param, default):
        """Seconds to wait before ``key`` may post again (0: now); the limits are system
        parameters ``alim_coldchain.sensor_rate_per_sensor`` / ``..._per_address``."""
        try:
            limit = int(request.env["ir.config_parameter"].sudo().get_param(param, default))
        except ValueError:
            limit = default
        return RATE_LIMITER.hit(key, max(limit, 1))

    def _too_many(self, wait):
        return self._reply(429, headers=[("Retry-After", str(int(wait) + 1))], error="too many requests")

    @http.route(
        "/alim_coldchain/sensor/readings",
        type="http",
        auth="public",
        methods=["POST"],
        csrf=False,
        save_session=False,
    )
    def sensor_readings(self, **_kwargs):
        httprequest = request.httprequest
        wait = self._rate(
            ("address", httprequest.remote_addr), "alim_coldchain.sensor_rate_per_address", RATE_PER_ADDRESS
        )
        if wait:
            return self._too_many(wait)
        header = httprequest.headers.get("Authorization", "")
        token = header[7:].strip() if header.lower().startswith("bearer ") else ""
        if not token:
            return self._reply(401, error="missing token")
        sensor = request.env["alim.temperature.sensor"].sudo()._alim_authenticate(token)
        if not sensor:
            return self._reply(403, error="invalid token")
        wait = self._rate(("sensor", sensor.id), "alim_coldchain.sensor_rate_per_sensor", RATE_PER_SENSOR)
        if wait:
            return self._too_many(wait)
        if (httprequest.content_length or 0) > MAX_BODY:
            return self._reply(413, error="body too large")
        if httprequest.mimetype != "application/json":
            return self._reply(415, error="the body must be application/json")
        httprequest.max_content_length = MAX_BODY
        try:
            body = httprequest.get_data()
        except RequestEntityTooLarge:
            return self._reply(413, error="body too large")
        try:
            location_id, rows = read_payload(body, fields.Datetime.now(), sensor.install_date, CLOCK_SKEW)
        except PayloadError as error:
            return self._reply(error.status, error=error.reason)
        if location_id is not None and location_id != sensor.location_id.id:
            return self._reply(403, error="this sensor is not in that room")
        try:
            with request.env.cr.savepoint():
                inserted = sensor._alim_push_readings(rows, CLOCK_SKEW)
        except (UserError, ValidationError) as error:
            return self._reply(400, error=str(error))
        return self._reply(200, inserted=inserted, ignored=len(rows) - inserted)
