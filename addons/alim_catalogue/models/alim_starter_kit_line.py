from odoo import api, fields, models
from odoo.exceptions import ValidationError


class AlimStarterKitLine(models.Model):
    _name = "alim.starter.kit.line"
    _description = "Starter Kit Line"
    _order = "kit_id, sequence, id"

    kit_id = fields.Many2one("alim.starter.kit", required=True, ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    product_id = fields.Many2one(
        "product.product", required=True, domain="[('sale_ok', '=', True)]", ondelete="restrict"
    )
    quantity = fields.Float(
        required=True,
        default=1.0,
        digits="Product Unit of Measure",
        help="Quantity for the kit's reference number of households.",
    )
    uom_name = fields.Char(related="product_id.uom_id.name", string="Unit")

    @api.constrains("quantity")
    def _check_quantity(self):
        for line in self:
            if line.quantity < 0:
                raise ValidationError(self.env._("A starter kit quantity cannot be negative."))
