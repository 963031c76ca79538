import time
from datetime import timedelta

from odoo import api, fields, models

# The period of a detection is read a month at a time, one batch each.
WINDOW = timedelta(days=30)


class AlimExcursionDetection(models.Model):
    """The excursion detection that follows the import of a data logger file: over a long
    file it runs in the background a month at a time (gesmip.background.mixin), and the
    room's register can be used meanwhile."""

    _name = "alim.excursion.detection"
    _description = "Excursion Detection"
    _inherit = ["gesmip.background.mixin"]
    _order = "id desc"
    _job_cron_xmlid = "alim_coldchain.alim_excursion_detection_job_cron"

    location_id = fields.Many2one(
        "stock.location", string="Room", required=True, readonly=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="location_id.company_id")
    date_from = fields.Datetime(required=True, readonly=True)
    date_to = fields.Datetime(required=True, readonly=True)
    excursion_ids = fields.Many2many(
        "alim.temperature.excursion", string="New Excursions", readonly=True, copy=False
    )
    excursion_count = fields.Integer(compute="_compute_excursion_count")

    @api.depends("location_id", "date_from", "date_to")
    def _compute_display_name(self):
        for detection in self:
            detection.display_name = self.env._(
                "Excursions of %(room)s from %(start)s to %(end)s",
                room=detection.location_id.display_name or "",
                start=detection.date_from and fields.Date.to_date(detection.date_from),
                end=detection.date_to and fields.Date.to_date(detection.date_to),
            )

    @api.depends("excursion_ids")
    def _compute_excursion_count(self):
        for detection in self:
            detection.excursion_count = len(detection.excursion_ids)

    def _job_action_labels(self):
        return dict(super()._job_action_labels(), detect=self.env._("Excursion detection"))

    def _job_prepare_detect(self):
        """A month at a time; a period of a month or less is read at once."""
        other = self.search(
            [
                ("id", "!=", self.id),
                ("location_id", "=", self.location_id.id),
                ("job_state", "in", ("queued", "running")),
            ],
            limit=1,
        )
        other._job_check_not_pending()
        windows = -(-(self.date_to - self.date_from) // WINDOW) or 1
        return windows, windows == 1

    def _job_step_detect(self, deadline):
        done = self.job_done
        while done < self.job_total:
            start = self.date_from + done * WINDOW
            end = min(start + WINDOW, self.date_to)
            self.excursion_ids |= self.location_id._alim_detect_excursions(start, end)
            done += 1
            if deadline is not None and time.monotonic() >= deadline:
                break
        return done

    def action_detect(self):
        return self._job_launch("detect")

    def action_view_excursions(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "alim_coldchain.alim_temperature_excursion_action"
        )
        action.update(domain=[("id", "in", self.excursion_ids.ids)], context={})
        return action
