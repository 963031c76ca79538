"""Pure algorithms of the repackaging lab (no Odoo import)."""
