from odoo import fields, models


class AlimStandingOrder(models.Model):
    """What a grocery orders every cycle: applied to its order when a cycle opens."""

    _name = "alim.standing.order"
    _description = "Standing Order"
    _inherit = ["alim.grocery.portal.form.mixin", "mail.thread"]
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
        it applies. A refused value refuses the whole form; nothing is written."""
        grocery = self._alim_portal_grocery()
        standing = self.sudo()
        quantities = self._alim_portal_read_quantities(raw_quantities, grocery)
        for line, qty in quantities.items():
            if qty:
                line.quantity = qty
            else:
                line.unlink()
        standing.active = bool(active)
        return True

    def _alim_portal_check_declared(self, grocery):
        # a standing order is no order: it is applied at a cycle's opening, where the
        # monthly figures are asked (alim.order.cycle._apply_standing_orders)
        return None

    def _alim_portal_grocery_allowed(self, grocery):
        return self.partner_id == grocery

    def _alim_portal_refusal(self):
        return self.env._("This standing order is not your grocery's.")
