from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    ge_member = fields.Boolean(string="GE AMES Member")
    ge_member_since = fields.Date(string="Member Since")
    ge_member_until = fields.Date(string="Member Until")
    ge_dues = fields.Monetary(string="Yearly Dues", currency_field="currency_id")
