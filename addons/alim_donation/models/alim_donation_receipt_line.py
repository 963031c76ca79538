from odoo import api, fields, models
from odoo.exceptions import UserError


class AlimDonationReceiptLine(models.Model):
    _name = "alim.donation.receipt.line"
    _description = "Donation Receipt Line"
    _order = "receipt_id, picking_id, id"

    receipt_id = fields.Many2one("alim.donation.receipt", required=True, ondelete="cascade", index=True)
    currency_id = fields.Many2one(related="receipt_id.currency_id")
    picking_id = fields.Many2one("stock.picking", string="Reception", readonly=True)
    move_id = fields.Many2one("stock.move", readonly=True)
    product_id = fields.Many2one("product.product", required=True)
    name = fields.Char(string="Nature of the Goods", required=True)
    food_category_id = fields.Many2one("alim.food.category")
    quantity = fields.Float(digits="Product Unit of Measure")
    uom_id = fields.Many2one("uom.uom", string="Unit")
    weight_kg = fields.Float(string="Weight (kg)", digits=(12, 3))
    value = fields.Monetary(string="Declared Value")
    lot_names = fields.Char(string="Lot Numbers")
    date = fields.Datetime(related="picking_id.date_done", string="Received On")

    def _check_receipt_draft(self):
        if any(line.receipt_id.state != "draft" for line in self):
            raise UserError(self.env._("An issued or cancelled donation receipt cannot be changed."))

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines._check_receipt_draft()
        return lines

    def write(self, vals):
        self._check_receipt_draft()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        self._check_receipt_draft()
