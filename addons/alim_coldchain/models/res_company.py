from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    alim_min_life_chilled_days = fields.Integer(
        string="Minimum life left at delivery, chilled (days)",
        help="A use-by lot of a chilled product is delivered to a grocery only with at least "
        "this many days before its date, so that households still have time to eat it. 0: "
        "until its date.",
    )
    alim_min_life_frozen_days = fields.Integer(
        string="Minimum life left at delivery, frozen (days)",
        help="Days left before the date of a frozen product's lot, at least, to deliver it.",
    )
    alim_min_life_dry_days = fields.Integer(
        string="Minimum life left at delivery, dry (days)",
        help="Days left before the use-by date of a dry product's lot, at least, to deliver it.",
    )
    alim_freezing_authorisation = fields.Char(
        string="Freezing authorisation",
        help="The agrément or dérogation (DDPP) that lets the platform freeze chilled use-by "
        "food before its date; without it, nothing can be frozen.",
    )

    _sql_constraints = [
        (
            "alim_min_life_positive",
            "CHECK(alim_min_life_chilled_days >= 0 AND alim_min_life_frozen_days >= 0 "
            "AND alim_min_life_dry_days >= 0)",
            "A minimum life left cannot be negative.",
        ),
    ]

    def _alim_min_life_days(self, storage_class):
        self.ensure_one()
        return (
            self[f"alim_min_life_{storage_class}_days"]
            if storage_class in ("chilled", "frozen", "dry")
            else 0
        )
