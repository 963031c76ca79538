import json
from datetime import UTC, datetime

from odoo import SUPERUSER_ID, http
from odoo.exceptions import UserError, ValidationError
from odoo.http import request


class AlimSensorController(http.Controller):
    """Readings pushed by sensors: ``POST /alim_coldchain/sensor/readings`` with the header
    ``Authorization: Bearer <token>`` and a JSON body
    ``{"location_id": 12, "readings": [{"at": "2026-01-31T14:05:00Z", "value": 3.4}]}``.
    A sensor may only post for its own room."""

    def _reply(self, status, **payload):
        return request.make_json_response(payload, status=status)

    @http.route(
        "/alim_coldchain/sensor/readings",
        type="http",
        auth="public",
        methods=["POST"],
        csrf=False,
        save_session=False,
    )
    def sensor_readings(self, **_kwargs):
        header = request.httprequest.headers.get("Authorization", "")
        token = header[7:].strip() if header.lower().startswith("bearer ") else ""
        if not token:
            return self._reply(401, error="missing token")
        sensor = request.env["alim.temperature.sensor"].sudo()._alim_authenticate(token)
        if not sensor:
            return self._reply(403, error="invalid token")
        try:
            payload = json.loads(request.httprequest.get_data(as_text=True) or "{}")
            location_id = int(payload.get("location_id") or sensor.location_id.id)
            rows = [(_utc(item["at"]), float(item["value"])) for item in payload.get("readings", [])]
        except (ValueError, TypeError, KeyError, AttributeError):
            return self._reply(400, error="malformed payload")
        if location_id != sensor.location_id.id:
            return self._reply(403, error="this sensor is not in that room")
        if not rows:
            return self._reply(400, error="no reading")
        rows.sort()
        env = request.env(user=SUPERUSER_ID)
        try:
            inserted = env["alim.temperature.reading"]._alim_bulk_insert(
                sensor.location_id.with_env(env), rows, "sensor", sensor=sensor.with_env(env)
            )
        except (UserError, ValidationError) as error:
            return self._reply(400, error=str(error))
        sensor.location_id.with_env(env)._alim_detect_excursions(rows[0][0], rows[-1][0])
        return self._reply(200, inserted=inserted, ignored=len(rows) - inserted)


def _utc(text):
    """ISO date-time to a naive UTC datetime."""
    parsed = datetime.fromisoformat(str(text).replace("Z", "+00:00"))
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(UTC).replace(tzinfo=None)
    return parsed
