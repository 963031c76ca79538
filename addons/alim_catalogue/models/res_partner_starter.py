from dateutil.relativedelta import relativedelta

from odoo import api, fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    alim_starter_until = fields.Date(
        string="Starter Discount Until",
        compute="_compute_alim_starter_until",
        help="Until this date the grocery, newly opened, gets the starter discount on its orders.",
    )

    @api.depends("grocery_opening_date", "is_grocery")
    def _compute_alim_starter_until(self):
        company = self.env.company
        for partner in self:
            opening = partner.is_grocery and partner.grocery_opening_date
            partner.alim_starter_until = (
                opening + relativedelta(months=company.alim_starter_months)
                if opening and company.alim_starter_discount
                else False
            )

    def _alim_starter_discount(self, date):
        """Starter discount (%) this grocery gets on an order made on ``date``."""
        self.ensure_one()
        grocery = self.commercial_partner_id
        until = grocery.alim_starter_until
        if not until or not date:
            return 0.0
        day = fields.Date.to_date(date)
        if grocery.grocery_opening_date <= day < until:
            return self.env.company.alim_starter_discount
        return 0.0
