from odoo import fields, models


class AlimStandingOrder(models.Model):
    """What a grocery orders every cycle: applied to its order when a cycle opens."""

    _name = "alim.standing.order"
    _description = "Standing Order"
    _inherit = ["mail.thread"]
    _order = "partner_id"
    _rec_name = "partner_id"

    partner_id = fields.Many2one(
        "res.partner",
        string="Grocery",
        required=True,
        index=True,
        tracking=True,
        domain="[('is_grocery', '=', True)]",
        ondelete="cascade",
    )
    active = fields.Boolean(default=True, tracking=True)
    line_ids = fields.One2many("alim.standing.order.line", "standing_order_id", string="Lines", copy=True)
    note = fields.Text()
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company)

    _sql_constraints = [
        ("partner_uniq", "unique(partner_id, company_id)", "A grocery has one standing order."),
    ]
