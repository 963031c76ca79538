"""Pure functions of the GESMIP network (no Odoo import)."""
