def migrate(cr, version):
    """Receipts issued before the two models were split keep the model version they were
    printed on (11580*04 or 16216*01, chosen as the code then did) and their number."""
    if not version:
        return
    cr.execute(
        """
        UPDATE alim_donation_receipt r
           SET cerfa_version = CASE WHEN p.donor_kind = 'individual' OR NOT COALESCE(p.is_company, FALSE)
                                    THEN '11580*04' ELSE '16216*01' END,
               donor_form = CASE WHEN p.donor_kind = 'individual' OR NOT COALESCE(p.is_company, FALSE)
                                 THEN 'cerfa_11580' ELSE 'cerfa_16216' END
          FROM res_partner c
          JOIN res_partner p ON p.id = COALESCE(c.commercial_partner_id, c.id)
         WHERE c.id = r.partner_id
           AND r.state IN ('issued', 'cancelled')
           AND r.cerfa_version IS NULL
        """
    )
