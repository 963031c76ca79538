from odoo import models
from odoo.exceptions import UserError

from ..lib.quantity import HARD_CAP, QuantityError, read_quantity


class ProductProduct(models.Model):
    _inherit = "product.product"

    def _alim_quantity_step(self):
        """The smallest step a grocery may order: a whole unit for products counted in units,
        else the rounding of the product's unit of measure (0.5 kg, 0.01 L...)."""
        self.ensure_one()
        uom = self.sudo().uom_id
        if uom.category_id == self.env.ref("uom.product_uom_categ_unit", raise_if_not_found=False):
            return 1.0
        return uom.rounding or 1.0

    def _alim_read_quantity(self, raw, limit=0.0, pack=1):
        """The quantity a user typed for this product (the one reader of every form and
        endpoint, ``lib/quantity.py``), or a translated ``UserError`` naming the product."""
        self.ensure_one()
        try:
            return read_quantity(
                raw, limit=limit, cap=HARD_CAP, pack=pack, rounding=self._alim_quantity_step()
            )
        except QuantityError as error:
            raise UserError(self._alim_quantity_message(error, raw)) from None

    def _alim_quantity_message(self, error, raw):
        product = self.sudo().display_name
        params = error.params
        fmt = self.env["alim.number.format.mixin"]._alim_format_qty
        text = raw[:30] if isinstance(raw, str) else str(raw)[:30]
        messages = {
            "not_a_number": lambda: self.env._(
                "'%(qty)s' is not a quantity (%(product)s).", qty=text, product=product
            ),
            "negative": lambda: self.env._("A quantity cannot be negative (%s).", product),
            "over_limit": lambda: self.env._(
                "You can order at most %(max)s of %(product)s in this cycle.",
                max=fmt(params.get("limit") or 0),
                product=product,
            ),
            "over_cap": lambda: self.env._(
                "At most %(max)s of %(product)s can be asked at once.",
                max=fmt(params.get("cap") or 0),
                product=product,
            ),
            "not_whole": lambda: self.env._(
                "%(product)s is ordered in steps of %(step)s.",
                product=product,
                step=fmt(params.get("rounding") or 0),
            ),
            "not_pack": lambda: self.env._(
                "%(product)s is ordered in whole packs of %(pack)s.", product=product, pack=params.get("pack")
            ),
        }
        return messages[error.code]()
