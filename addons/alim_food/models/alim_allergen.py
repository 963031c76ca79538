from odoo import fields, models


class AlimAllergen(models.Model):
    """One of the 14 allergens that EU regulation 1169/2011 requires on labels."""

    _name = "alim.allergen"
    _description = "Allergen"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
