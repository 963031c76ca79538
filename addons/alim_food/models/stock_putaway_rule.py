from odoo import fields, models

from ..lib.storage_class import STORAGE_CLASSES


class StockPutawayRule(models.Model):
    _inherit = "stock.putaway.rule"

    alim_storage_class = fields.Selection(
        STORAGE_CLASSES,
        string="Storage Class",
        help="When set, the rule applies only to products of this storage class: received "
        "chilled goods go to the positive cold room, frozen goods to a negative one.",
    )

    def _get_putaway_location(self, product, quantity=0, package=None, packaging=None, qty_by_location=None):
        """Rules of a storage class are left out for products of another class."""
        products = product or self.env.context.get("products") or self.env["product.product"]
        classes = set(products.mapped("storage_class"))
        rules = self.filtered(
            lambda rule: not rule.alim_storage_class or classes == {rule.alim_storage_class}
        )
        return super(StockPutawayRule, rules)._get_putaway_location(
            product, quantity=quantity, package=package, packaging=packaging, qty_by_location=qty_by_location
        )
