from odoo import api, fields, models

from .storage_class import STORAGE_CLASSES


class ProductTemplate(models.Model):
    _inherit = "product.template"

    food_category_id = fields.Many2one("alim.food.category", index=True, tracking=True)
    food_date_type = fields.Selection(
        [
            ("dlc", "Use-by date (DLC)"),
            ("ddm", "Best-before date (DDM)"),
            ("none", "No date"),
        ],
        string="Date Type",
        default="none",
        tracking=True,
        help="DLC: after the date the product must not be given; it is blocked and destroyed. "
        "DDM: after the date it may still be distributed, clearly flagged.",
    )
    storage_class = fields.Selection(STORAGE_CLASSES, default="dry", tracking=True)
    allergen_ids = fields.Many2many("alim.allergen", string="Allergens")
    origin = fields.Char(help="Where the product comes from, e.g. 'Tarn, France'.")
    origin_distance_km = fields.Integer(
        string="Distance (km)", help="Distance from the producer to the platform."
    )
    is_local = fields.Boolean(
        string="Local / short circuit",
        compute="_compute_is_local",
        store=True,
        readonly=False,
        help="Set when the producer is within the local radius of the platform (150 km).",
    )

    @api.depends("origin_distance_km")
    def _compute_is_local(self):
        for template in self:
            template.is_local = 0 < template.origin_distance_km <= 150
