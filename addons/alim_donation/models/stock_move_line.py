from odoo import fields, models


class StockMoveLine(models.Model):
    _inherit = "stock.move.line"

    # Stored so that the public programme report can group what each grocery received.
    alim_grocery_id = fields.Many2one(
        related="move_id.alim_grocery_id", string="Grocery", store=True, index="btree_not_null"
    )
    alim_public_programme = fields.Boolean(related="lot_id.alim_public_programme", string="Public Programme")
