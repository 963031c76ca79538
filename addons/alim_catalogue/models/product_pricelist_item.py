from odoo import fields, models


class ProductPricelistItem(models.Model):
    """Two member-pricing rules on top of Odoo's pricelists:

    - a rule based on the product's weight: the base price is weight (kg) x fee per kg, the
      logistics participation asked for donated goods;
    - a rule may be limited to donated or to bought goods.
    """

    _inherit = "product.pricelist.item"

    base = fields.Selection(
        selection_add=[("alim_weight", "Weight x fee per kg")],
        ondelete={"alim_weight": "set default"},
    )
    alim_fee_per_kg = fields.Float(
        string="Fee per kg",
        digits="Product Price",
        help="Logistics participation asked per kilogram of product (its weight).",
    )
    alim_supply_mode = fields.Selection(
        [("donated", "Donated or recovered"), ("bought", "Bought")],
        string="Only for",
        help="Leave empty for a rule on every product.",
    )

    def _is_applicable_for(self, product, qty_in_product_uom):
        if self.alim_supply_mode and product.alim_supply_mode != self.alim_supply_mode:
            return False
        return super()._is_applicable_for(product, qty_in_product_uom)

    def _compute_price(self, product, quantity, uom, date, currency=None):
        # Public programme goods (FSE+, national programmes) reach groceries free of charge:
        # no logistics fee, no margin, whatever the rule (portal and invoices alike).
        if product.alim_supply_mode == "public_programme":
            return 0.0
        return super()._compute_price(product, quantity, uom, date, currency=currency)

    def _compute_base_price(self, product, quantity, uom, date, currency):
        if self.base != "alim_weight":
            return super()._compute_base_price(product, quantity, uom, date, currency)
        # weight is per unit of the product's own unit of measure
        price = product.weight * self.alim_fee_per_kg
        if uom and uom != product.uom_id:
            price = product.uom_id._compute_price(price, uom)
        company_currency = self.env.company.currency_id
        if company_currency != currency:
            price = company_currency._convert(price, currency, self.env.company, date, round=False)
        return price
