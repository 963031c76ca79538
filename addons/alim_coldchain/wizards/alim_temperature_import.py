import base64
import hashlib

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..lib.readings_csv import (
    ERROR_COLUMNS,
    ERROR_DATE,
    ERROR_DUPLICATE,
    ERROR_RANGE,
    ERROR_VALUE,
    parse_readings_csv,
)


class AlimTemperatureImport(models.TransientModel):
    """Import the CSV file of a data logger into the register of one room."""

    _name = "alim.temperature.import"
    _description = "Import Temperature Readings"

    location_id = fields.Many2one(
        "stock.location", string="Room", required=True, domain=[("usage", "=", "internal")]
    )
    file = fields.Binary(required=True)
    filename = fields.Char()
    tz = fields.Selection(
        "_tz_get",
        string="Time zone of the file",
        default=lambda self: self.env.user.tz or "Europe/Paris",
        required=True,
    )
    state = fields.Selection([("draft", "Draft"), ("done", "Done")], default="draft")
    imported_count = fields.Integer(readonly=True)
    skipped_count = fields.Integer(string="Already in the register", readonly=True)
    error_count = fields.Integer(readonly=True)
    error_report = fields.Text(readonly=True)
    excursion_count = fields.Integer(string="New excursions", readonly=True)
    detection_id = fields.Many2one("alim.excursion.detection", readonly=True)
    detection_state = fields.Selection(related="detection_id.job_state")

    @api.model
    def _tz_get(self):
        return self.env["res.partner"]._fields["tz"].selection(self.env["res.partner"])

    def _error_message(self, code, raw):
        messages = {
            ERROR_COLUMNS: self.env._("expected a date and a value"),
            ERROR_DATE: self.env._("unreadable date"),
            ERROR_VALUE: self.env._("unreadable temperature"),
            ERROR_RANGE: self.env._("temperature out of -60..+60 °C"),
            ERROR_DUPLICATE: self.env._("same date twice in the file"),
        }
        return f"{messages[code]}: {raw!r}"

    def action_import(self):
        self.ensure_one()
        raw = base64.b64decode(self.file or b"")
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = raw.decode("latin-1")
        readings, errors = parse_readings_csv(text, self.tz)
        now = fields.Datetime.now()
        future = [r for r in readings if r[1] > now]
        readings = [r for r in readings if r[1] <= now]
        if not readings and not errors and not future:
            raise UserError(self.env._("The file has no reading."))
        self.env["alim.excursion.detection"].search(
            [("location_id", "=", self.location_id.id), ("job_state", "in", ("queued", "running"))], limit=1
        )._job_check_not_pending()
        key = hashlib.sha256(raw).hexdigest()[:16]
        Reading = self.env["alim.temperature.reading"]
        inserted = Reading._alim_bulk_insert(
            self.location_id, [(when, value) for _line, when, value in readings], "import", import_key=key
        )
        detection = self.env["alim.excursion.detection"]
        if readings and self.location_id.temp_monitored:
            # over a long file, in the background a month at a time
            detection = detection.create(
                {"location_id": self.location_id.id, "date_from": readings[0][1], "date_to": readings[-1][1]}
            )
            detection.action_detect()
        report = [
            self.env._("Line %(line)s: %(error)s", line=line, error=self._error_message(code, raw_text))
            for line, code, raw_text in errors
        ] + [self.env._("Line %(line)s: date in the future", line=line) for line, _when, _value in future]
        self.write(
            {
                "state": "done",
                "imported_count": inserted,
                "skipped_count": len(readings) - inserted,
                "error_count": len(report),
                "error_report": "\n".join(report),
                "excursion_count": len(detection.excursion_ids),
                "detection_id": detection.id,
            }
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }
