def migrate(cr, version):
    """Receipts issued before they got their portal link's token at issue get one now, so that
    the donor's list of receipts (a read-only page) never has to write it."""
    if not version:
        return
    cr.execute(
        """
        UPDATE alim_donation_receipt
           SET access_token = gen_random_uuid()::text
         WHERE access_token IS NULL AND state IN ('issued', 'cancelled')
        """
    )
