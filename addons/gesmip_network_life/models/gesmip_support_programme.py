from odoo import api, fields, models
from odoo.exceptions import ValidationError


class GesmipSupportProgramme(models.Model):
    """A programme accompanying a few groceries for a while (e.g. six groceries for a year)."""

    _name = "gesmip.support.programme"
    _description = "Support Programme"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_start desc, id desc"

    name = fields.Char(required=True, tracking=True)
    date_start = fields.Date(string="Start", required=True, tracking=True)
    date_end = fields.Date(string="End", tracking=True)
    user_id = fields.Many2one(
        "res.users", string="Coordinator", default=lambda self: self.env.user, tracking=True
    )
    partner_ids = fields.Many2many(
        "res.partner",
        string="Partners",
        help="Organisations that build or fund the programme with the network.",
    )
    grocery_ids = fields.Many2many(
        "res.partner",
        "gesmip_support_programme_grocery_rel",
        "programme_id",
        "grocery_id",
        string="Groceries",
        domain=[("is_grocery", "=", True)],
    )
    need_ids = fields.One2many("gesmip.support.need", "programme_id", string="Needs")
    session_ids = fields.One2many("event.event", "support_programme_id", string="Sessions")
    description = fields.Html()
    grocery_count = fields.Integer(compute="_compute_counts")
    session_count = fields.Integer(string="Planned Sessions", compute="_compute_counts")
    session_done_count = fields.Integer(string="Sessions Held", compute="_compute_counts")
    progress = fields.Float(
        compute="_compute_progress", store=True, help="Mean progress of the needs followed, in percent."
    )

    @api.depends("grocery_ids", "session_ids.date_end")
    def _compute_counts(self):
        now = fields.Datetime.now()
        for programme in self:
            programme.grocery_count = len(programme.grocery_ids)
            programme.session_count = len(programme.session_ids)
            programme.session_done_count = len(
                programme.session_ids.filtered(lambda s: s.date_end and s.date_end < now)
            )

    @api.depends("need_ids.progress")
    def _compute_progress(self):
        for programme in self:
            needs = programme.need_ids
            programme.progress = sum(needs.mapped("progress")) / len(needs) if needs else 0.0

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for programme in self:
            if programme.date_end and programme.date_end < programme.date_start:
                raise ValidationError(
                    self.env._("The programme %(name)s cannot end before it starts.", name=programme.name)
                )

    def action_view_sessions(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "gesmip_network_life.event_event_action_network"
        )
        action["domain"] = [("support_programme_id", "=", self.id)]
        action["context"] = {
            "default_support_programme_id": self.id,
            "default_is_network_event": True,
        }
        return action
