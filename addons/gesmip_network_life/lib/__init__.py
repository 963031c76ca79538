"""Pure algorithms of the GESMIP network (no Odoo import)."""
