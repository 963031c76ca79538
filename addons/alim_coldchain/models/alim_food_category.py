from odoo import fields, models

TEMP_PROFILES = [
    ("deep_frozen", "Deep-frozen (-18 °C)"),
    ("frozen", "Other frozen food (-12 °C)"),
    ("minced_meat", "Minced meat (+2 °C)"),
    ("offal", "Offal (+3 °C)"),
    ("very_perishable", "Very perishable (+4 °C)"),
    ("perishable", "Perishable (+8 °C)"),
]


class AlimFoodCategory(models.Model):
    _inherit = "alim.food.category"

    ddm_tolerance_days = fields.Integer(
        string="Best-before tolerance (days)",
        help="How many days after its best-before date (DDM) a product of this category may "
        "still be given, flagged. Use-by dates (DLC) have no tolerance.",
    )

    temp_profile = fields.Selection(
        TEMP_PROFILES,
        string="Temperature profile",
        help="The maximum temperature of this category's products (arrêté of 21 December 2009, "
        "annex I). Empty: from the product's storage class (chilled +4 °C, frozen -18 °C).",
    )

    _sql_constraints = [
        ("ddm_tolerance_positive", "CHECK(ddm_tolerance_days >= 0)", "The tolerance cannot be negative."),
    ]
