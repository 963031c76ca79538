from datetime import timedelta

from odoo import fields, models
from odoo.osv import expression


class StockQuant(models.Model):
    _inherit = "stock.quant"

    alim_on_hold = fields.Boolean(
        string="On hold",
        related="lot_id.alim_on_hold",
        help="The lot is held by an open recall or temperature excursion: not reservable, not deliverable.",
    )

    def _get_removal_strategy(self, product_id, location_id):
        """Dated food (use-by or best-before) leaves first-expired, first-out wherever no
        category or location asks for another strategy than Odoo's default FIFO; any other
        product keeps Odoo's rule, so core behaviour is unchanged where our food is not."""
        strategy = super()._get_removal_strategy(product_id, location_id)
        if strategy == "fifo" and product_id.sudo().food_date_type in ("dlc", "ddm"):
            return "fefo"
        return strategy

    def _get_gather_domain(
        self, product_id, location_id, lot_id=None, package_id=None, owner_id=None, strict=False
    ):
        """Reservation (non strict gathering) leaves out the blocked lots (the one rule of
        stock.lot._alim_blocked_domain, also used by the catalogue); a best-before
        product may still be reserved within its category's tolerance after its date."""
        quant = self
        with_expiration = self.env.context.get("with_expiration")
        if with_expiration and product_id.food_date_type == "ddm":
            tolerance = product_id.food_category_id.ddm_tolerance_days
            if tolerance:
                quant = self.with_context(with_expiration=with_expiration - timedelta(days=tolerance))
        domain = super(StockQuant, quant)._get_gather_domain(
            product_id, location_id, lot_id=lot_id, package_id=package_id, owner_id=owner_id, strict=strict
        )
        if not strict:
            blocked = self.env["stock.lot"]._alim_blocked_domain()
            domain = expression.AND([domain, ["|", ("lot_id", "=", False), ("lot_id", "not any", blocked)]])
        return domain
