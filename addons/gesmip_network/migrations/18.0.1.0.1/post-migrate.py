"""18.0.1.0.1: every member grocery has a "status since" date.

Groceries recorded before the field existed have none: take their opening date, else the
day they were recorded. Nothing else is touched.
"""


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        """
        UPDATE res_partner
           SET grocery_status_since = COALESCE(grocery_opening_date, create_date::date)
         WHERE is_grocery AND grocery_status_since IS NULL
        """
    )
