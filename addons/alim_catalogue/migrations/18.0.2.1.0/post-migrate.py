"""18.0.2.1.0: ordering may wait for the groceries' monthly figures.

A new company setting, ``res.company.alim_declaration_required``: off for the companies of an
existing database, so that no grocery is kept from ordering by an update; a manager turns it
on in the settings once the groceries have been told. Nothing is removed or moved."""


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        "UPDATE res_company SET alim_declaration_required = FALSE WHERE alim_declaration_required IS NULL"
    )
