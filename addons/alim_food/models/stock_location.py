from odoo import fields, models

from .storage_class import STORAGE_CLASSES


class StockLocation(models.Model):
    _inherit = "stock.location"

    storage_class = fields.Selection(
        STORAGE_CLASSES,
        help="What may be stored here. Children inherit it unless set otherwise.",
    )
    room_volume_m3 = fields.Float(string="Volume (m³)", digits=(8, 1))
    pallet_places = fields.Integer()
