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

    alim_too_warm = fields.Boolean(
        string="Room too warm",
        compute="_compute_alim_too_warm",
        help="The room's maximum is above this product's maximum temperature, or cold goods lie "
        "in a dry zone (arrêté of 21 December 2009, annex I): move them to a colder room.",
    )

    def _compute_alim_too_warm(self):
        for quant in self:
            location = quant.location_id
            limit = quant.product_id._alim_temp_max() if quant.product_id else None
            # a monitored room warmer than the product's limit, or a dry zone for cold goods
            quant.alim_too_warm = limit is not None and (
                (location.temp_monitored and location.temp_max > limit) or location.storage_class == "dry"
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
