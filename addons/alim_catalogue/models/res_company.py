from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    alim_starter_discount = fields.Float(
        string="Starter Discount (%)",
        default=20.0,
        help="Discount on every price for a new grocery during its first months after opening.",
    )
    alim_starter_months = fields.Integer(
        string="Starter Period (months)",
        default=6,
        help="How long after its opening date a grocery gets the starter discount.",
    )
    # VAT: a food-aid association is often not subject to it (non-profit management, art. 261
    # 7-1° b CGI); when it is, food sold carries the reduced rate and the logistics fee for
    # donated goods its own rate.
    alim_vat_subject = fields.Boolean(
        string="Association Subject to VAT",
        help="Whether the association charges VAT on what it invoices the groceries. If not, "
        "their orders carry no tax and the portal says prices are without VAT.",
    )
    alim_food_tax_id = fields.Many2one(
        "account.tax",
        string="VAT on Food",
        domain="[('type_tax_use', '=', 'sale'), ('company_id', 'parent_of', id)]",
        help="Tax of the food bought and sold to the groceries (in France the reduced rate, 5.5 %).",
    )
    # Ordering waits for the monthly figures (gesmip.grocery.declaration): a grocery that has
    # not declared last month's cannot order until it does.
    alim_declaration_required = fields.Boolean(
        string="Ordering Waits for Last Month's Figures",
        help="A grocery that has not declared its figures of last month (households, people, "
        "distributions) cannot order until it does; the portal tells it why.",
    )
    alim_fee_tax_id = fields.Many2one(
        "account.tax",
        string="VAT on the Logistics Fee",
        domain="[('type_tax_use', '=', 'sale'), ('company_id', 'parent_of', id)]",
        help="Tax of the logistics participation charged per kilogram for donated goods.",
    )
