from odoo import api, fields, models
from odoo.exceptions import ValidationError

DONOR_KINDS = [
    ("retailer", "Retailer"),
    ("producer", "Producer"),
    ("food_industry", "Food industry"),
    ("individual", "Individual"),
    ("public_programme", "Public programme"),
    ("partner_platform", "Partner platform"),
]
# The receipt a donor gets follows its tax status: a business (sole trader and farmer included)
# the companies' model, a private person the individuals' one; public programmes and partner
# platforms none.
TAX_STATUS_OF_KIND = {
    "retailer": "business",
    "producer": "business",
    "food_industry": "business",
    "individual": "individual",
    "public_programme": "no_receipt",
    "partner_platform": "no_receipt",
}


class ResPartner(models.Model):
    _inherit = "res.partner"  # pylint: disable=consider-merging-classes-inherited

    donor_kind = fields.Selection(DONOR_KINDS, tracking=True, help="Set for partners who give goods.")
    donor_tax_status = fields.Selection(
        [
            ("business", "Business (company, sole trader, farmer)"),
            ("individual", "Private person"),
            ("no_receipt", "No receipt (public programme, partner platform)"),
        ],
        string="Tax Status of the Donor",
        compute="_compute_donor_tax_status",
        store=True,
        readonly=False,
        tracking=True,
        help="Decides the receipt: the companies' model (Cerfa 16216) for a business giving from "
        "its stock, the individuals' one (Cerfa 11580) for a private person, none for public "
        "programmes and partner platforms.",
    )
    donor_legal_form = fields.Char(
        string="Legal Form", help="E.g. SAS, SARL, EARL, sole trader: printed on the company receipt."
    )
    donation_agreement_start = fields.Date(string="Agreement Start", tracking=True)
    donation_agreement_end = fields.Date(string="Agreement End", tracking=True)
    donation_pickup_schedule = fields.Char(
        string="Pickup Schedule",
        help="When the platform collects the unsold goods, e.g. 'Mon and Thu, 8 am'.",
    )
    donation_receipt_mode = fields.Selection(
        [("per_donation", "One receipt per donation"), ("yearly", "One yearly receipt")],
        string="Receipt Preference",
        default="per_donation",
    )
    donation_receipt_ids = fields.One2many("alim.donation.receipt", "partner_id", string="Donation Receipts")
    donation_receipt_count = fields.Integer(compute="_compute_donation_receipt_count")
    donation_agreement_ids = fields.One2many(
        "alim.donation.agreement", "partner_id", string="Donation Agreements"
    )
    donation_agreement_count = fields.Integer(compute="_compute_donation_agreement_count")

    @api.depends("donor_kind", "is_company")
    def _compute_donor_tax_status(self):
        for partner in self:
            if partner.donor_kind:
                partner.donor_tax_status = TAX_STATUS_OF_KIND[partner.donor_kind]
            else:
                partner.donor_tax_status = False

    @api.constrains("donation_agreement_start", "donation_agreement_end")
    def _check_alim_donation_agreement_dates(self):
        for partner in self:
            start, end = partner.donation_agreement_start, partner.donation_agreement_end
            if start and end and end < start:
                raise ValidationError(self.env._("The donation agreement cannot end before it starts."))

    @api.depends("donation_receipt_ids")
    def _compute_donation_receipt_count(self):
        for partner in self:
            partner.donation_receipt_count = len(partner.donation_receipt_ids)

    @api.depends("donation_agreement_ids")
    def _compute_donation_agreement_count(self):
        for partner in self:
            partner.donation_agreement_count = len(partner.donation_agreement_ids)

    def action_view_donation_agreements(self):
        """The donor's agreements; a new one starts from the dates noted on the donor."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("alim_donation.alim_donation_agreement_action")
        action["domain"] = [("partner_id", "=", self.id)]
        context = {"default_partner_id": self.id}
        if self.donation_agreement_start:
            context["default_date_start"] = fields.Date.to_string(self.donation_agreement_start)
        if self.donation_agreement_end:
            context["default_date_end"] = fields.Date.to_string(self.donation_agreement_end)
        action["context"] = context
        return action

    def _alim_siren(self):
        """The SIREN: the first nine digits of the company ID (SIREN or SIRET), or ''."""
        self.ensure_one()
        digits = "".join(c for c in self.company_registry or "" if c.isdigit())
        return digits[:9] if len(digits) in (9, 14) else ""

    def action_view_donation_receipts(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("alim_donation.alim_donation_receipt_action")
        action["domain"] = [("partner_id", "=", self.id)]
        action["context"] = {"default_partner_id": self.id}
        return action

    def _alim_donor_tax_status(self):
        """The tax status that decides the receipt, with a default for a partner never marked."""
        self.ensure_one()
        return self.donor_tax_status or ("business" if self.is_company else "individual")
