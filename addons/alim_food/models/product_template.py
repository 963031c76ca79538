from odoo import api, fields, models

from ..lib.storage_class import STORAGE_CLASSES


class ProductTemplate(models.Model):
    _inherit = "product.template"

    # a sum of unit prices means nothing: the food list grouped by category shows none
    list_price = fields.Float(aggregator=None)
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
    food_animal_origin = fields.Boolean(
        string="Animal origin",
        tracking=True,
        help="Meat, fish, dairy, eggs and products made from them: stricter rules apply to "
        "handling and repacking them (Reg. EC 853/2004).",
    )
    food_loose = fields.Boolean(
        string="Not prepacked",
        tracking=True,
        help="Given loose, cut or served (not in the manufacturer's packaging). Food of animal "
        "origin given this way is excluded from donation (arrêté of 7 January 2021), except from "
        "an approved establishment or a collective caterer.",
    )
    allergen_ids = fields.Many2many("alim.allergen", string="Allergens")
    alim_ingredients = fields.Text(
        string="Ingredients",
        help="The list of ingredients a consumer reads, in French, as the manufacturer's label "
        "gives it (e.g. 'Riz long grain', 'Semoule de blé dur, eau'), not the product's name. "
        "The pack labels print it with the allergens in bold (Reg. EU 1169/2011 art. 9, 18 and 21).",
    )
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

    @api.model_create_multi
    def create(self, vals_list):
        templates = super().create(vals_list)
        templates._alim_track_dated()
        return templates

    def write(self, vals):
        result = super().write(vals)
        if {"food_date_type", "tracking", "use_expiration_date"} & set(vals):
            self._alim_track_dated()
        return result

    @api.depends("food_date_type")
    def _compute_tracking(self):
        """Odoo's tracking is a stored compute (reset to 'none' for a product without stock):
        a dated storable product is tracked by lots whenever it is recomputed too."""
        result = super()._compute_tracking()
        for template in self:
            if (
                template.is_storable
                and template.food_date_type in ("dlc", "ddm")
                and template.tracking == "none"
            ):
                template.tracking = "lot"
        return result

    def _alim_track_dated(self):
        """A product with a use-by or best-before date follows lots with their expiry date, so
        that no dated food moves without a lot (a recall or a hold could not find it)."""
        dated = self.filtered(
            lambda t: (
                t.food_date_type in ("dlc", "ddm")
                and t.type == "consu"
                and (t.tracking == "none" or not t.use_expiration_date)
            )
        )
        for template in dated:
            template.write(
                {
                    "tracking": "lot" if template.tracking == "none" else template.tracking,
                    "use_expiration_date": True,
                }
            )

    @api.depends("origin_distance_km")
    def _compute_is_local(self):
        for template in self:
            template.is_local = 0 < template.origin_distance_km <= 150
