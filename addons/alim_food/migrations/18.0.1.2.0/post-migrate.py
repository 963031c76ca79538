"""18.0.1.2.0: goods are put away by storage class.

A location of a storage class inside the stock now gets a put-away rule when it is created,
so that received chilled and frozen goods go to their room. The rooms created before are
given theirs here.
"""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["stock.location"].search(
        [("usage", "=", "internal"), ("storage_class", "!=", False)]
    )._alim_sync_putaway_rules()
