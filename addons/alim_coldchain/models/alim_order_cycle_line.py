from odoo import models
from odoo.osv import expression


class AlimOrderCycleLine(models.Model):
    _inherit = "alim.order.cycle.line"

    def _available_quants_domain(self, cycle):
        """Lots held by an open temperature excursion are not offered: they cannot be reserved."""
        return expression.AND(
            [
                super()._available_quants_domain(cycle),
                ["|", ("lot_id", "=", False), ("lot_id.alim_on_hold", "=", False)],
            ]
        )
