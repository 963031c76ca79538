from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    food_donation_exemption = fields.Selection(
        [
            ("retail", "Retailer or wholesaler (art. 2: prepacked goods)"),
            ("approved", "Approved establishment (art. 3: goods its sanitary plan defines)"),
            ("catering", "Collective catering (art. 4: prepacked goods, dishes, surpluses)"),
        ],
        string="Donor of animal-origin food as",
        help="Which article of the arrêté of 7 January 2021 lets this donor give food of animal "
        "origin. Without one, only prepacked animal-origin food is accepted from it.",
    )
