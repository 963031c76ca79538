def migrate(cr, version):
    """Documents shared on network events before they got their access token when shared get
    one now, so that the event's portal page (read-only) never has to write it."""
    if not version:
        return
    cr.execute(
        """
        UPDATE ir_attachment
           SET access_token = gen_random_uuid()::text
         WHERE access_token IS NULL
           AND id IN (SELECT attachment_id FROM event_event_gesmip_document_rel)
        """
    )
