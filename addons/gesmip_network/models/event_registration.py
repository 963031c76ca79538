from odoo import api, fields, models


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
