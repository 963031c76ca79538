from odoo import fields, models


class StockMoveLine(models.Model):
    _inherit = "stock.move.line"

    alim_ddm_passed = fields.Boolean(
        string="Best-before passed",
        readonly=True,
        help="Delivered after its best-before date, within the tolerance of its category.",
    )
