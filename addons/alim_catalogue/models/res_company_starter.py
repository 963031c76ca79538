from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    alim_starter_discount = fields.Float(
        string="Starter Discount (%)",
        default=20.0,
        help="Discount on every price for a new grocery during its first months after opening.",
    )
    alim_starter_months = fields.Integer(
        string="Starter Period (months)",
        default=6,
        help="How long after its opening date a grocery gets the starter discount.",
    )
