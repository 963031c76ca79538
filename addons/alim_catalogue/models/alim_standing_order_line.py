from odoo import api, fields, models
from odoo.exceptions import ValidationError


class AlimStandingOrderLine(models.Model):
    _name = "alim.standing.order.line"
    _description = "Standing Order Line"
    _order = "standing_order_id, sequence, id"

    standing_order_id = fields.Many2one("alim.standing.order", required=True, ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    product_id = fields.Many2one(
        "product.product", required=True, domain="[('sale_ok', '=', True)]", ondelete="restrict"
    )
    quantity = fields.Float(required=True, default=1.0, digits="Product Unit of Measure")
    uom_name = fields.Char(related="product_id.uom_id.name", string="Unit")

    _sql_constraints = [
        (
            "product_uniq",
            "unique(standing_order_id, product_id)",
            "A product appears once in a standing order.",
        ),
    ]

    @api.constrains("quantity")
    def _check_quantity(self):
        for line in self:
            if line.quantity <= 0:
                raise ValidationError(self.env._("A standing order quantity must be positive."))
