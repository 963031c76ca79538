import re

from odoo import api, fields, models
from odoo.exceptions import ValidationError

LINE_BREAKS = re.compile(r"[\r\n\x00]")


class EventRegistration(models.Model):
    _inherit = "event.registration"

    grocery_id = fields.Many2one(
        "res.partner",
        compute="_compute_grocery_id",
        store=True,
        readonly=False,
        index=True,
        domain=[("is_grocery", "=", True)],
        help="The member grocery this person comes from.",
    )
    is_network_event = fields.Boolean(related="event_id.is_network_event", store=True)
    network_theme_id = fields.Many2one(related="event_id.network_theme_id", store=True)

    @api.depends("partner_id")
    def _compute_grocery_id(self):
        for registration in self:
            commercial = registration.partner_id.commercial_partner_id
            if commercial.is_grocery:
                registration.grocery_id = commercial
            elif not registration.grocery_id:
                registration.grocery_id = False

    @api.constrains("name", "email", "phone")
    def _check_gesmip_one_line(self):
        for registration in self:
            if any(LINE_BREAKS.search(registration[key] or "") for key in ("name", "email", "phone")):
                raise ValidationError(
                    self.env._("A name, email or phone of a registration is written on one line.")
                )
