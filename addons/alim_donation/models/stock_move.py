from odoo import api, fields, models
from odoo.exceptions import ValidationError

SOURCE_TYPES = [
    ("donation", "Donation"),
    ("anti_waste", "Anti-waste collection"),
    ("purchase", "Purchase"),
    ("public_programme", "Public programme"),
    ("transfer", "Inter-platform transfer"),
    ("local_producer", "Local producer"),
]
# Sources that are gifts: they go on donation receipts and count as goods saved from waste.
DONATION_SOURCES = ("donation", "anti_waste")


class StockMove(models.Model):
    _inherit = "stock.move"

    # Stored so that the "kilograms delivered" pivot can group by grocery.
    alim_grocery_id = fields.Many2one(
        "res.partner",
        string="Grocery",
        related="picking_id.partner_id.commercial_partner_id",
        store=True,
        index="btree_not_null",
    )
    # Goods exchanged with the other platforms of the national union, in the kg reports.
    alim_exchange_direction = fields.Selection(
        [("in", "Received from a platform"), ("out", "Sent to a platform")],
        string="Exchange with a Platform",
        compute="_compute_alim_exchange_direction",
        store=True,
        index="btree_not_null",
    )
    alim_currency_id = fields.Many2one(related="company_id.currency_id", string="Currency")
    alim_declared_value = fields.Monetary(
        string="Declared Value",
        currency_field="alim_currency_id",
        help="Value of the goods as declared by the donor, printed on the donation receipt.",
    )
    alim_source_type = fields.Selection(
        string="Source Type", related="picking_id.alim_source_type", store=True
    )
    alim_donor_id = fields.Many2one(
        "res.partner",
        string="Donor / Supplier",
        related="picking_id.partner_id.commercial_partner_id",
        store=True,
    )
    alim_local_weight_kg = fields.Float(
        string="Local Goods (kg)", digits=(12, 3), compute="_compute_alim_impact", store=True
    )
    alim_anti_waste_weight_kg = fields.Float(
        string="Anti-waste (kg)", digits=(12, 3), compute="_compute_alim_impact", store=True
    )
    alim_meals = fields.Float(
        string="Meal Equivalents", digits=(12, 1), compute="_compute_alim_impact", store=True
    )
    alim_co2e_kg = fields.Float(
        string="CO2e Avoided (kg)", digits=(12, 1), compute="_compute_alim_impact", store=True
    )

    @api.depends("alim_grocery_id.is_partner_platform", "picking_type_id.code")
    def _compute_alim_exchange_direction(self):
        directions = {"incoming": "in", "outgoing": "out"}
        for move in self:
            platform = move.alim_grocery_id.is_partner_platform
            move.alim_exchange_direction = directions.get(move.picking_type_id.code) if platform else False

    @api.depends(
        "alim_weight_kg",
        "alim_source_type",
        "product_id.is_local",
        "alim_food_category_id.meal_factor",
        "alim_food_category_id.co2_factor",
    )
    def _compute_alim_impact(self):
        for move in self:
            weight = move.alim_weight_kg
            saved = move.alim_source_type in DONATION_SOURCES
            move.alim_local_weight_kg = weight if move.product_id.is_local else 0.0
            move.alim_anti_waste_weight_kg = weight if saved else 0.0
            move.alim_meals = weight * move.alim_food_category_id.meal_factor
            move.alim_co2e_kg = weight * move.alim_food_category_id.co2_factor if saved else 0.0

    @api.constrains("alim_declared_value")
    def _check_alim_declared_value(self):
        for move in self:
            if move.alim_declared_value < 0:
                raise ValidationError(
                    self.env._(
                        "The declared value of %(product)s cannot be below zero.",
                        product=move.product_id.display_name,
                    )
                )
