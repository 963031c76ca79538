from odoo import fields, models


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    asked_qty = fields.Float(
        string="Asked",
        digits="Product Unit of Measure",
        copy=False,
        help="What the grocery ordered, before the fair allocation of scarce goods.",
    )
    allocation_note = fields.Selection(
        [("full", "Served in full"), ("shared", "Shared: demand exceeded stock")],
        string="Allocation",
        copy=False,
        readonly=True,
    )
    cycle_id = fields.Many2one(related="order_id.cycle_id", store=True, index="btree_not_null")
    cut_qty = fields.Float(string="Cut", compute="_compute_cut_qty", digits="Product Unit of Measure")

    def _compute_cut_qty(self):
        for line in self:
            line.cut_qty = max(line.asked_qty - line.product_uom_qty, 0.0) if line.allocation_note else 0.0

    def _get_pricelist_price(self):
        """The tier's pricelist price, less the starter discount of a newly opened grocery (the
        portal shows the same computation, so the grocery sees the price it is invoiced)."""
        price = super()._get_pricelist_price()
        partner = self.order_id.partner_id
        if partner:
            price *= 1 - partner._alim_starter_discount(self._get_order_date()) / 100
        return price
