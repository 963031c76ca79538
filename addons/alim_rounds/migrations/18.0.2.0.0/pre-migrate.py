from odoo import SUPERUSER_ID, api

from odoo.addons.alim_rounds.hooks import convert_rounds_to_batches


def migrate(cr, version):
    """Vehicles and rounds become fleet vehicles and batch transfers (see hooks.py)."""
    convert_rounds_to_batches(api.Environment(cr, SUPERUSER_ID, {}))
