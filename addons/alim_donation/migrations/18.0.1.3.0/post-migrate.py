"""The habilitation report shows kilograms received and distributed as two measures
(``received_kg``, ``distributed_kg``) instead of one ``weight_kg`` whose pivot total added
them up. The report is a SQL view rebuilt at every update: no data is lost; the favourites
saved on it measure the two new columns instead of the old one.

Read by tools/upgrade_check.py: RETIRED (what this migration removes on purpose)."""

RETIRED = {
    "columns": {
        "alim_habilitation_report.weight_kg": "a column of the report's SQL view, split into "
        "received_kg and distributed_kg so that no total mixes the two directions",
    },
    "xmlids": {
        "alim_donation.field_alim_habilitation_report__weight_kg": "the field of that column",
    },
}


def migrate(cr, version):
    cr.execute(
        """
        UPDATE ir_filters
           SET context = replace(context, '''weight_kg''', '''received_kg'', ''distributed_kg''')
         WHERE model_id = 'alim.habilitation.report' AND context LIKE '%weight_kg%'
        """
    )
    cr.execute(
        """
        UPDATE ir_filters
           SET sort = replace(sort, 'weight_kg', 'received_kg')
         WHERE model_id = 'alim.habilitation.report' AND sort LIKE '%weight_kg%'
        """
    )
