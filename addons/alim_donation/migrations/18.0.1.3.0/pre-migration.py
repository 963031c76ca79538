"""The beneficiary's SIREN and RNA, typed on the donation receipts' tab, become the company's
own (the company registry number and gesmip_base's RNA, printed in the letterhead of every
PDF): a company whose own fields are empty gets the values typed before. The former columns
stay in the database, unread."""


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        """
        UPDATE res_partner partner
           SET company_registry = company.alim_beneficiary_siren
          FROM res_company company
         WHERE company.partner_id = partner.id
           AND COALESCE(partner.company_registry, '') = ''
           AND COALESCE(company.alim_beneficiary_siren, '') <> ''
        """
    )
    cr.execute(
        """
        UPDATE res_company
           SET gesmip_rna = alim_beneficiary_rna
         WHERE COALESCE(gesmip_rna, '') = ''
           AND COALESCE(alim_beneficiary_rna, '') <> ''
        """
    )
