"""Pure algorithms of the employer group GE AMES (no Odoo import)."""
