from odoo import api, fields, models
from odoo.exceptions import ValidationError


class AlimGroupPurchaseDemand(models.Model):
    """What one grocery asks for of one product of a group purchase, and what it gets."""

    _name = "alim.group.purchase.demand"
    _description = "Group Purchase Demand"
    _order = "group_purchase_id, partner_id, product_id"

    group_purchase_id = fields.Many2one("alim.group.purchase", required=True, ondelete="cascade", index=True)
    partner_id = fields.Many2one(
        "res.partner", string="Grocery", required=True, index=True, domain="[('is_grocery', '=', True)]"
    )
    product_id = fields.Many2one("product.product", required=True, ondelete="restrict")
    quantity = fields.Float(string="Asked", digits="Product Unit of Measure")
    allocated_qty = fields.Float(string="Allocated", digits="Product Unit of Measure", readonly=True)

    _sql_constraints = [
        (
            "demand_uniq",
            "unique(group_purchase_id, partner_id, product_id)",
            "A grocery asks once for a product of a group purchase.",
        ),
    ]

    @api.constrains("quantity")
    def _check_quantity(self):
        for demand in self:
            if demand.quantity < 0:
                raise ValidationError(self.env._("A quantity cannot be negative."))
