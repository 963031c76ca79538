from odoo import api, fields, models
from odoo.exceptions import ValidationError


class StockMove(models.Model):
    _inherit = "stock.move"

    alim_weight_kg = fields.Float(
        string="Weight (kg)",
        digits=(12, 3),
        compute="_compute_alim_weight_kg",
        store=True,
        readonly=False,
        help="Product weight times quantity; type the real weight for variable-weight goods.",
    )
    alim_food_category_id = fields.Many2one(
        "alim.food.category", string="Food Category", related="product_id.food_category_id", store=True
    )
    alim_storage_class = fields.Selection(
        string="Storage Class", related="product_id.storage_class", store=True
    )

    @api.depends("product_id.weight", "product_uom_qty", "quantity", "product_uom")
    def _compute_alim_weight_kg(self):
        for move in self:
            qty = move.quantity or move.product_uom_qty
            if move.product_id and move.product_uom:
                qty = move.product_uom._compute_quantity(qty, move.product_id.uom_id, raise_if_failure=False)
            move.alim_weight_kg = max(qty, 0.0) * move.product_id.weight

    @api.constrains("alim_weight_kg")
    def _check_alim_weight(self):
        for move in self:
            if move.alim_weight_kg < 0:
                raise ValidationError(
                    self.env._(
                        "The weight of %(product)s cannot be below zero.",
                        product=move.product_id.display_name,
                    )
                )
