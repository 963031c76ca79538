import json
from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, tagged

URL = "/alim_coldchain/sensor/readings"


@tagged("post_install", "-at_install")
class TestSensorEndpoint(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        stock = (
            cls.env["stock.warehouse"].search([("company_id", "=", cls.env.company.id)], limit=1).lot_stock_id
        )
        cls.room = cls.env["stock.location"].create(
            {"name": "Sensor room", "location_id": stock.id, "storage_class": "chilled"}
        )
        cls.other_room = cls.env["stock.location"].create(
            {"name": "Other room", "location_id": stock.id, "storage_class": "frozen"}
        )
        cls.sensor = cls.env["alim.temperature.sensor"].create(
            {"name": "Probe 1", "location_id": cls.room.id}
        )
        cls.sensor.install_date = fields.Datetime.now() - timedelta(days=30)
        cls.token = cls.sensor._alim_new_token()
        cls.at = (fields.Datetime.now() - timedelta(minutes=10)).replace(microsecond=0)

    def _post(self, body, token=None):
        headers = {"Content-Type": "application/json"}
        if token is not None:
            headers["Authorization"] = f"Bearer {token}"
        return self.url_open(URL, data=json.dumps(body), headers=headers)

    def _body(self, location=None, value=3.4):
        return {
            "location_id": (location or self.room).id,
            "readings": [{"at": self.at.isoformat() + "Z", "value": value}],
        }

    def _count(self):
        return self.env["alim.temperature.reading"].search_count([("sensor_id", "=", self.sensor.id)])

    def test_missing_and_wrong_token_are_refused(self):
        self.assertEqual(self._post(self._body()).status_code, 401)
        self.assertEqual(self._post(self._body(), token="").status_code, 401)
        self.assertEqual(self._post(self._body(), token="not-the-token").status_code, 403)
        self.sensor.active = False
        self.assertEqual(self._post(self._body(), token=self.token).status_code, 403)
        self.assertEqual(self._count(), 0)

    def test_reading_for_another_room_is_refused(self):
        response = self._post(self._body(self.other_room), token=self.token)
        self.assertEqual(response.status_code, 403)
        self.assertEqual(self._count(), 0)

    def test_sensor_pushes_readings_idempotently(self):
        response = self._post(self._body(), token=self.token)
        self.assertEqual(response.status_code, 200, response.text)
        self.assertEqual(response.json(), {"inserted": 1, "ignored": 0})
        reading = self.env["alim.temperature.reading"].search([("sensor_id", "=", self.sensor.id)])
        self.assertEqual(reading.location_id, self.room)
        self.assertEqual(reading.source, "sensor")
        self.assertEqual(reading.reading_at, self.at)
        self.assertEqual(reading.value, 3.4)
        self.assertEqual(self._post(self._body(), token=self.token).json(), {"inserted": 0, "ignored": 1})
        self.assertEqual(self._post(self._body(value=95), token=self.token).status_code, 400)
        self.assertEqual(self._post({"readings": [{"at": "soon"}]}, token=self.token).status_code, 400)
        self.assertEqual(self._count(), 1)
