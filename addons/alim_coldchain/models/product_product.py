from odoo import fields, models

from ..lib.temperature_profiles import product_max


class ProductProduct(models.Model):
    _inherit = "product.product"

    alim_temp_max = fields.Float(
        string="Maximum temperature (°C)",
        compute="_compute_alim_temp_max",
        digits=(5, 1),
        help="From the category's temperature profile, else the storage class (arrêté of "
        "21 December 2009, annex I); 0 shown for goods kept at room temperature.",
    )

    def _compute_alim_temp_max(self):
        for product in self:
            product.alim_temp_max = product._alim_temp_max() or 0.0

    def _alim_temp_max(self):
        """The product's maximum temperature (°C), or None for goods kept at room temperature."""
        self.ensure_one()
        return product_max(self.food_category_id.temp_profile, self.storage_class)
