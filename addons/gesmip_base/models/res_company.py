import base64

from odoo import fields, models
from odoo.tools import html2plaintext

from ..lib.letterhead import Letterhead, format_siren


class ResCompany(models.Model):
    """The issuer's identity printed in the letterhead of every PDF: SIREN from the
    company registry field, RNA below."""

    _inherit = "res.company"

    gesmip_rna = fields.Char(
        string="RNA Number",
        help="Number of the association in the national register of associations (W and nine "
        "digits), printed in the letterhead of its documents.",
    )

    def _gesmip_letterhead(self, lang=None):
        """The letterhead of this company's documents, in ``lang``."""
        self.ensure_one()
        company = self.with_context(lang=lang) if lang else self
        partner = company.partner_id
        city = " ".join(part for part in (partner.zip, partner.city) if part)
        address = [partner.street, partner.street2, city]
        if partner.country_id and partner.country_id.code != "FR":
            address.append(partner.country_id.name)
        contact = " · ".join(part for part in (company.phone, company.email, company.website) if part)
        identity = []
        if company.company_registry:
            identity.append(company.env._("SIREN %(siren)s", siren=format_siren(company.company_registry)))
        if company.gesmip_rna:
            identity.append(company.env._("RNA %(rna)s", rna=company.gesmip_rna.strip()))
        if company.vat:
            label = company.country_id.vat_label or company.env._("VAT")
            identity.append(f"{label} {company.vat}")
        footer = [line.strip() for line in html2plaintext(company.report_footer or "").splitlines()]
        footer = [line for line in footer if line] or [" · ".join([company.name, *identity])]
        return Letterhead(
            name=company.name,
            address_lines=[line for line in address if line],
            contact_line=contact,
            identity_lines=identity,
            footer_lines=footer,
            logo=base64.b64decode(company.logo) if company.logo else b"",
            color=company.primary_color or "#333333",
            page_label=company.env._("Page %(page)s / %(pages)s"),
        )
