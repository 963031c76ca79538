from odoo import api, fields, models
from odoo.tools import format_datetime

from ..lib.temperature_profiles import TOLERATED_MARGIN, judge


class StockMoveLine(models.Model):
    _inherit = "stock.move.line"

    alim_ddm_passed = fields.Boolean(
        string="Best-before passed",
        readonly=True,
        help="Delivered after its best-before date, within the tolerance of its category.",
    )

    def _alim_temp_verdict(self, value):
        """The temperature measured at reception against the product's maximum (arrêté of
        21 December 2009, annex I): ``ok``, ``tolerated`` within the margin, ``refused``."""
        self.ensure_one()
        return judge(value, self.product_id._alim_temp_max())

    def _alim_temp_warning(self, value):
        """What the person who typed ``value`` reads at once when it is above the maximum."""
        self.ensure_one()
        verdict = self._alim_temp_verdict(value)
        if verdict == "ok":
            return None
        limit = self.product_id._alim_temp_max()
        # formatted before the messages: the translation extractor reads their arguments
        shown, maximum, margin = f"{value:+g}", f"{limit:+g}", f"{TOLERATED_MARGIN:g}"
        if verdict == "refused":
            return self.env._(
                "%(product)s: %(value)s °C is beyond its maximum of %(max)s °C by more than "
                "%(margin)s °C. These goods cannot be accepted: refuse them (take the line off "
                "the reception) or set them aside for destruction.",
                product=self.product_id.display_name,
                value=shown,
                max=maximum,
                margin=margin,
            )
        return self.env._(
            "%(product)s: %(value)s °C is above its maximum of %(max)s °C. Measure again; if the "
            "goods are accepted (a brief rise while unloading, within %(margin)s °C), write why "
            "on the line under “Why accepted”.",
            product=self.product_id.display_name,
            value=shown,
            max=maximum,
            margin=margin,
        )

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        # a temperature typed as text is written by the field's inverse, which alerts then
        typed = [
            line.id for line, vals in zip(lines, vals_list, strict=True) if "alim_reception_temp" in vals
        ]
        lines.browse(typed)._alim_temp_alert()
        return lines

    def write(self, vals):
        result = super().write(vals)
        if "alim_reception_temp" in vals:
            self._alim_temp_alert()
        return result

    def _alim_temp_alert(self):
        """A temperature recorded above the product's maximum: the recorder is told at once
        (a notification that stays until closed), the reception says it in its chatter, and
        the person in charge of the destination room gets a to-do, as for a room excursion."""
        for line in self.filtered(lambda ml: ml.alim_reception_temp_at and ml.picking_id):
            message = line._alim_temp_warning(line.alim_reception_temp)
            if not message:
                continue
            picking = line.picking_id
            recorder = line.alim_reception_temp_user_id
            note = self.env._(
                "%(message)s (measured by %(user)s on %(date)s)",
                message=message,
                user=recorder.name,
                date=format_datetime(self.env, line.alim_reception_temp_at, dt_format="short"),
            )
            picking.message_post(body=note, subtype_xmlid="mail.mt_note")
            if not recorder._is_public():
                recorder._bus_send(
                    "simple_notification",
                    {
                        "type": "danger",
                        "title": self.env._("Temperature out of range"),
                        "message": message,
                        "sticky": True,
                    },
                )
            responsible = line.location_dest_id._alim_cold_responsible()
            if responsible:
                picking.activity_schedule(
                    "mail.mail_activity_data_todo",
                    summary=self.env._("Reception above its temperature: decide on the goods"),
                    note=note,
                    user_id=responsible.id,
                )
