from odoo import fields, models

BENEFICIARY_CATEGORIES = [
    ("general_interest", "Work or organisation of general interest"),
    ("public_utility", "Association or foundation recognised as of public utility"),
    ("food_aid", "Non-profit organisation giving free meals or care to people in difficulty"),
    ("endowment_fund", "Endowment fund"),
]


class ResCompany(models.Model):
    """The beneficiary of the gifts and the signatory of its receipts, set once per company."""

    _inherit = "res.company"

    # One identity per company, typed once: the SIREN is the company registry number and the
    # RNA the one of gesmip_base, both printed in the letterhead of every PDF too.
    alim_beneficiary_siren = fields.Char(
        string="SIREN of the Beneficiary",
        related="company_registry",
        readonly=False,
        help="SIREN of the association, printed on its donation receipts.",
    )
    alim_beneficiary_rna = fields.Char(
        string="RNA Number of the Beneficiary",
        related="gesmip_rna",
        readonly=False,
        help="Number in the national register of associations (W + 9 digits).",
    )
    alim_beneficiary_object = fields.Text(
        string="Object of the Beneficiary",
        help="The association's object as its statutes state it, printed on its donation receipts.",
    )
    alim_beneficiary_category = fields.Selection(
        BENEFICIARY_CATEGORIES, string="Category of Organisation", help="Printed on the donation receipts."
    )
    alim_beneficiary_ifi = fields.Boolean(
        string="Gifts Qualify under Art. 978 CGI",
        help="Tick only if the association may receive gifts reducing the real estate wealth tax (IFI).",
    )
    alim_receipt_signatory_name = fields.Char(string="Signatory of the Receipts")
    alim_receipt_signatory_role = fields.Char(
        string="Role of the Signatory", help="E.g. President, Treasurer."
    )
    alim_receipt_signature = fields.Image(string="Signature", max_width=600, max_height=300)
