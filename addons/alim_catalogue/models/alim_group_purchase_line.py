from odoo import fields, models


class AlimGroupPurchaseLine(models.Model):
    """A product offered in a group purchase."""

    _name = "alim.group.purchase.line"
    _description = "Group Purchase Product"
    _order = "group_purchase_id, sequence, id"

    group_purchase_id = fields.Many2one("alim.group.purchase", required=True, ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    product_id = fields.Many2one("product.product", required=True, ondelete="restrict")
    product_name = fields.Char(related="product_id.display_name", string="Product Name")
    uom_name = fields.Char(related="product_id.uom_id.name", string="Unit")
    note = fields.Char(help="Packaging, origin, indicative price: what the groceries should know.")
    asked_qty = fields.Float(string="Asked", compute="_compute_asked_qty", digits="Product Unit of Measure")

    _sql_constraints = [
        (
            "product_uniq",
            "unique(group_purchase_id, product_id)",
            "A product appears once in a group purchase.",
        ),
    ]

    def _compute_asked_qty(self):
        for line in self:
            line.asked_qty = sum(
                line.group_purchase_id.demand_ids.filtered(
                    lambda d, p=line.product_id: d.product_id == p
                ).mapped("quantity")
            )
