from odoo import api, fields, models
from odoo.exceptions import UserError


class AlimCollectionRound(models.Model):
    """A round to donors under agreement: each stop becomes a reception at the platform."""

    _name = "alim.collection.round"
    _description = "Collection Round"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"

    name = fields.Char(required=True, default=lambda self: self.env._("New"), copy=False, tracking=True)
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company)
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    vehicle_id = fields.Many2one("alim.vehicle", tracking=True)
    driver_id = fields.Many2one("res.users", tracking=True)
    stop_ids = fields.One2many("alim.collection.round.stop", "round_id", string="Stops", copy=True)
    picking_ids = fields.One2many("stock.picking", compute="_compute_picking_ids", string="Receptions")
    picking_count = fields.Integer(compute="_compute_picking_ids")
    note = fields.Text()

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", self.env._("New")) == self.env._("New"):
                vals["name"] = self.env["ir.sequence"].next_by_code("alim.collection.round") or "/"
        return super().create(vals_list)

    @api.depends("stop_ids.picking_id")
    def _compute_picking_ids(self):
        for rnd in self:
            rnd.picking_ids = rnd.stop_ids.picking_id
            rnd.picking_count = len(rnd.picking_ids)

    def action_create_receptions(self):
        """One reception per stop at a donor (a second click creates none)."""
        for rnd in self:
            if not rnd.stop_ids:
                raise UserError(self.env._("Add the donors to collect from on %s.", rnd.name))
            warehouse = self.env["stock.warehouse"].search([("company_id", "=", rnd.company_id.id)], limit=1)
            picking_type = warehouse.in_type_id
            for stop in rnd.stop_ids.filtered(lambda s: not s.picking_id):
                stop.picking_id = self.env["stock.picking"].create(
                    {
                        "picking_type_id": picking_type.id,
                        "partner_id": stop.partner_id.id,
                        "origin": rnd.name,
                        "scheduled_date": fields.Datetime.to_datetime(rnd.date),
                        "alim_source_type": stop.source_type,
                        "alim_collection_stop_id": stop.id,
                        "location_id": picking_type.default_location_src_id.id
                        or self.env.ref("stock.stock_location_suppliers").id,
                        "location_dest_id": picking_type.default_location_dest_id.id,
                    }
                )
        return self.action_view_receptions()

    def action_view_receptions(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "alim_donation.stock_picking_action_alim_reception"
        )
        action["domain"] = [("id", "in", self.picking_ids.ids)]
        return action
