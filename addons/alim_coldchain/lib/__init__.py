"""Pure algorithms of the cold chain (no Odoo import)."""
