from odoo import fields, models
from odoo.exceptions import AccessError


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

    def _alim_portal_save(self, raw_quantities, active):
        """Save what the current (portal) user typed on its grocery's standing order:
        ``{line id: text}`` read by the one quantity reader (0 removes the line), and whether
        it applies. The first refused value refuses the whole form; nothing is written."""
        self.ensure_one()
        grocery = self.env.user._gesmip_member_grocery()
        self.check_access("read")
        standing = self.sudo()
        if not grocery or standing.partner_id != grocery:
            raise AccessError(self.env._("This standing order is not your grocery's."))
        quantities = {}
        for line in standing.line_ids:
            raw = raw_quantities.get(line.id)
            if raw is None or (isinstance(raw, str) and not raw.strip()):
                continue
            quantities[line] = line.product_id._alim_read_quantity(raw)
        for line, qty in quantities.items():
            if qty:
                line.quantity = qty
            else:
                line.unlink()
        standing.active = bool(active)
        return True
