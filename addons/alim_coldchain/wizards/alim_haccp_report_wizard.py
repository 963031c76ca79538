from datetime import datetime, time

import pytz
from dateutil.relativedelta import relativedelta

from odoo import fields, models


class AlimHaccpReportWizard(models.TransientModel):
    """Print the monthly HACCP register of a cold room."""

    _name = "alim.haccp.report.wizard"
    _description = "HACCP Monthly Register"

    location_id = fields.Many2one(
        "stock.location", string="Room", required=True, domain=[("temp_monitored", "=", True)]
    )
    month = fields.Date(
        required=True,
        default=lambda self: fields.Date.today().replace(day=1) - relativedelta(months=1),
        help="Any day of the month to print.",
    )

    def _period(self):
        start = self.month.replace(day=1)
        return start, start + relativedelta(months=1)

    def _report_values(self):
        """Daily minimum, maximum and mean, the manual readings, the annulments and the
        excursions with their corrective actions."""
        self.ensure_one()
        start, end = self._period()
        # the month and its days are the room's, in the platform's time zone: a reading at
        # 00:30 on 1 December in Toulouse belongs to December, not to November's last day
        tz_name = self.env.user.tz or self.env.company.partner_id.tz or "Europe/Paris"
        tz = pytz.timezone(tz_name)

        def utc(day):
            return tz.localize(datetime.combine(day, time.min)).astimezone(pytz.utc).replace(tzinfo=None)

        date_from, date_to = utc(start), utc(end)
        Reading = self.env["alim.temperature.reading"].with_context(tz=tz_name)
        base = [
            ("location_id", "=", self.location_id.id),
            ("reading_at", ">=", date_from),
            ("reading_at", "<", date_to),
        ]
        days = Reading._read_group(
            [*base, ("annulled", "=", False)],
            ["reading_at:day"],
            ["value:min", "value:max", "value:avg", "__count"],
            order="reading_at:day",
        )
        manual = Reading.search([*base, ("source", "=", "manual")], order="reading_at")
        annulled = Reading.search([*base, ("annulled", "=", True)], order="reading_at")
        excursions = self.env["alim.temperature.excursion"].search(
            [
                ("location_id", "=", self.location_id.id),
                ("date_start", "<", date_to),
                ("date_end", ">=", date_from),
            ],
            order="date_start",
        )
        return {
            "room": self.location_id,
            "start": start,
            "end": end - relativedelta(days=1),
            "days": [
                {"day": day.date(), "min": vmin, "max": vmax, "avg": vavg, "count": count}
                for day, vmin, vmax, vavg, count in days
            ],
            "manual": manual,
            "annulled": annulled,
            "excursions": excursions,
        }

    def action_print(self):
        self.ensure_one()
        return self.env.ref("alim_coldchain.alim_haccp_report").report_action(self)
