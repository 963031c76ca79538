from odoo import fields, models


class ResPartner(models.Model):
    """A grocery's participation in the network's events."""

    _inherit = "res.partner"

    network_registration_ids = fields.One2many(
        "event.registration", "grocery_id", string="Event Registrations"
    )
    network_registration_count = fields.Integer(
        string="Registrations This Year",
        compute="_compute_network_participation",
        help="People of the grocery registered to network events this year.",
    )
    network_attended_event_count = fields.Integer(
        string="Events Attended This Year",
        compute="_compute_network_participation",
        help="Network events of this year that at least one person of the grocery attended.",
    )

    def _compute_network_participation(self):
        year_start = fields.Datetime.to_datetime(fields.Date.context_today(self).replace(month=1, day=1))
        year_end = year_start.replace(year=year_start.year + 1)
        domain = [
            ("grocery_id", "in", self.ids),
            ("is_network_event", "=", True),
            ("state", "in", ("open", "done")),
            ("event_begin_date", ">=", year_start),
            ("event_begin_date", "<", year_end),
        ]
        Registration = self.env["event.registration"]
        counts = dict(Registration._read_group(domain, ["grocery_id"], ["__count"]))
        attended = dict(
            Registration._read_group(
                [*domain[:2], ("state", "=", "done"), *domain[3:]],
                ["grocery_id"],
                ["event_id:count_distinct"],
            )
        )
        for partner in self:
            partner.network_registration_count = counts.get(partner, 0)
            partner.network_attended_event_count = attended.get(partner, 0)

    def action_view_network_registrations(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "gesmip_network_life.event_registration_action_network"
        )
        action["domain"] = [("grocery_id", "=", self.id)]
        action["context"] = {"search_default_filter_this_year": 1}
        return action

    def _gesmip_postal_address(self):
        """The address on one line ("12 rue X, 31000 Toulouse"), empty for no address: where
        a grocery's people go, on the event's portal page."""
        if not self:
            return ""
        self.ensure_one()
        town = " ".join(part for part in (self.zip, self.city) if part)
        return ", ".join(
            part for part in (self.name if self.is_company else "", self.street, self.street2, town) if part
        )
