def migrate(cr, version):
    """Receipts issued before the two models were split keep the model version they were
    printed on (11580*04 or 16216*01, chosen as the code then did) and their number; lots
    already received get their source (and the public programme mark) from their reception."""
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
    # Lots received before: their source from their first reception, and the public
    # programmes' lots marked as such.
    cr.execute(
        """
        WITH first_reception AS (
            SELECT DISTINCT ON (l.lot_id) l.lot_id, p.alim_source_type, p.partner_id
              FROM stock_move_line l
              JOIN stock_picking p ON p.id = l.picking_id
              JOIN stock_picking_type t ON t.id = p.picking_type_id
             WHERE l.lot_id IS NOT NULL AND l.state = 'done' AND t.code = 'incoming'
                   AND p.alim_source_type IS NOT NULL
          ORDER BY l.lot_id, l.date, l.id
        )
        UPDATE stock_lot lot
           SET alim_source_type = f.alim_source_type,
               alim_public_programme = f.alim_source_type = 'public_programme',
               alim_programme_partner_id = CASE WHEN f.alim_source_type = 'public_programme'
                                                THEN f.partner_id END
          FROM first_reception f
         WHERE f.lot_id = lot.id AND lot.alim_source_type IS NULL
        """
    )
