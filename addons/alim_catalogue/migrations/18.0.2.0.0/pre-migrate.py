"""18.0.2.0.0 splits the old catalogue: food attributes went to alim_food (a dependency,
installed first), donations to alim_donation and rounds to alim_rounds, which this addon
does not depend on. A database that had them through alim_catalogue gets both installed in
the same update, so that their records and tables are handed over (their pre_init_hook)
before the end of the update would remove what alim_catalogue no longer declares."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    modules = env["ir.module.module"].search(
        [("name", "in", ("alim_donation", "alim_rounds")), ("state", "=", "uninstalled")]
    )
    modules.button_install()
