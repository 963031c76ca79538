from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    alim_declaration_required = fields.Boolean(
        related="company_id.alim_declaration_required",
        readonly=False,
    )
