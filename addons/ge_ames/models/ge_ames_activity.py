from odoo import fields, models


class GeAmesActivity(models.Model):
    _name = "ge.ames.activity"
    _description = "GE AMES Activity"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
