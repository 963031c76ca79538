from odoo import fields, models

from ..lib.label_sheet import DEFAULT_SHEET, SHEETS


class ResCompany(models.Model):
    _inherit = "res.company"

    alim_repack_agrement = fields.Char(
        string="Sanitary approval (agrément)",
        help="Number of the agrément or dérogation the DDPP granted the lab, if any.",
    )
    alim_repack_cold_allowed = fields.Boolean(
        string="Lab may repack chilled and frozen goods",
        help="Only where the agrément recorded above covers them.",
    )
    alim_repack_animal_allowed = fields.Boolean(
        string="Lab may repack food of animal origin",
        help="Meat, fish, dairy, eggs: only where the agrément recorded above covers them "
        "(Reg. EC 853/2004).",
    )
    alim_label_sheet = fields.Selection(
        [(code, sheet.name) for code, sheet in SHEETS.items()],
        string="Label sheet",
        required=True,
        default=DEFAULT_SHEET,
        help="The A4 sheet of self-adhesive labels the lab prints pack labels on; the labels are "
        "printed at the sheet's true size and places.",
    )
