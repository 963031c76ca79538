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


class ResPartner(models.Model):
    _inherit = "res.partner"  # pylint: disable=consider-merging-classes-inherited

    donor_kind = fields.Selection(DONOR_KINDS, tracking=True, help="Set for partners who give goods.")
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

    @api.constrains("donation_agreement_start", "donation_agreement_end")
    def _check_donation_agreement_dates(self):
        for partner in self:
            start, end = partner.donation_agreement_start, partner.donation_agreement_end
            if start and end and end < start:
                raise ValidationError(self.env._("The donation agreement cannot end before it starts."))

    @api.depends("donation_receipt_ids")
    def _compute_donation_receipt_count(self):
        for partner in self:
            partner.donation_receipt_count = len(partner.donation_receipt_ids)

    def action_view_donation_receipts(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("alim_donation.alim_donation_receipt_action")
        action["domain"] = [("partner_id", "=", self.id)]
        action["context"] = {"default_partner_id": self.id}
        return action
