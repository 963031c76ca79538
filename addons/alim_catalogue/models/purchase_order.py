from odoo import fields, models


class PurchaseOrder(models.Model):
    _inherit = "purchase.order"

    alim_group_purchase_id = fields.Many2one(
        "alim.group.purchase", string="Group Purchase", index="btree_not_null", readonly=True, copy=False
    )
