from odoo import fields, models


class GesmipEventTheme(models.Model):
    """A theme of the network's meetings and trainings (a kept list)."""

    _name = "gesmip.event.theme"
    _description = "Network Event Theme"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    description = fields.Text(translate=True)
    color = fields.Integer()
    active = fields.Boolean(default=True)

    _sql_constraints = [("name_unique", "unique(name)", "This theme already exists.")]
