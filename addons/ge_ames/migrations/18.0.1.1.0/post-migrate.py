"""18.0.1.1.0: each yearly regularisation carries its year, so that a run counts what the
year's regularisations already invoiced.

The regularisations made before have none: find them by the label the wizard gave their
line ("Regularisation at actual cost 2020", or its French), credit notes reversing them
included, and set their year. Nothing else is touched.
"""


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        r"""
        UPDATE account_move move
           SET ge_regularisation_year = found.year
          FROM (
                SELECT line.move_id, MIN(substring(line.name from '(\d{4})\s*$')::int) AS year
                  FROM account_move_line line
                 WHERE line.display_type = 'product'
                   AND (line.name ~ '^Regularisation at actual cost \d{4}\s*$'
                        OR line.name ~ '^Régularisation au coût réel \d{4}\s*$')
              GROUP BY line.move_id
               ) found
         WHERE move.id = found.move_id
           AND move.move_type IN ('out_invoice', 'out_refund')
           AND COALESCE(move.ge_regularisation_year, 0) = 0
        """
    )
