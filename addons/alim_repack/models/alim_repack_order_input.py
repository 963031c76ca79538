from odoo import api, fields, models


class AlimRepackOrderInput(models.Model):
    """One bulk lot used by a repack order, with the quantity taken from it."""

    _name = "alim.repack.order.input"
    _description = "Repack Order Input"
    _order = "order_id, id"
    _check_company_auto = True

    order_id = fields.Many2one("alim.repack.order", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="order_id.company_id", store=True)
    lot_id = fields.Many2one(
        "stock.lot",
        string="Bulk Lot",
        required=True,
        check_company=True,
        domain="[('product_id.tracking', '=', 'lot')]",
    )
    product_id = fields.Many2one(related="lot_id.product_id", store=True, string="Bulk Product")
    uom_id = fields.Many2one(related="product_id.uom_id", string="Unit")
    quantity = fields.Float(
        compute="_compute_quantity",
        store=True,
        readonly=False,
        digits="Product Unit of Measure",
        help="Quantity taken from the lot, in the product's unit. By default all of it.",
    )
    weight_kg = fields.Float(string="Weight (kg)", compute="_compute_weight_kg", store=True, digits=(12, 3))
    lot_date = fields.Datetime(related="lot_id.expiration_date", string="Lot Date")

    @api.depends("lot_id")
    def _compute_quantity(self):
        for line in self:
            line.quantity = line.lot_id.product_qty if line.lot_id else 0.0

    @api.depends("quantity", "product_id", "product_id.weight", "product_id.uom_id")
    def _compute_weight_kg(self):
        for line in self:
            line.weight_kg = self.env["alim.repack.order"]._to_kg(line.product_id, line.quantity)
