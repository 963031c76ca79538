from odoo import models
from odoo.exceptions import AccessError, UserError

from ..exceptions import QuantitiesRefused


class AlimGroceryPortalFormMixin(models.AbstractModel):
    """A record a member grocery fills in through a portal form (an order cycle, its standing
    order, a group purchase): who may write, and its lines' quantities read by the one
    quantity reader (``lib/quantity.py``, through ``product.product._alim_read_quantity``)
    within each line's limits. The model says what differs through the hooks below; the
    controller only hands over ``{line id: text}``."""

    _name = "alim.grocery.portal.form.mixin"
    _description = "Grocery Portal Form"

    def _alim_portal_grocery(self):
        """The current (portal) user's member grocery, if it may fill in this record's form,
        else AccessError. The user must be able to read the record (record rules)."""
        self.ensure_one()
        grocery = self.env.user._gesmip_member_grocery()
        self.check_access("read")
        if not grocery or not self.sudo()._alim_portal_grocery_allowed(grocery):
            raise AccessError(self._alim_portal_refusal())
        grocery._gesmip_check_takes_part()
        self._alim_portal_check_declared(grocery)
        return grocery

    def _alim_portal_check_declared(self, grocery):
        """Hook: refuse while ``grocery`` owes last month's figures and the record's company
        makes ordering wait for them (``res.company.alim_declaration_required``)."""
        grocery._alim_check_declared(self.sudo().company_id)

    def _alim_portal_grocery_allowed(self, grocery):
        """Hook, called as superuser: whether ``grocery`` (a member grocery) may fill in this
        record's form. Any member grocery by default."""
        return True

    def _alim_portal_refusal(self):
        """Hook: why a user who is not an allowed member grocery is refused."""
        return self.env._("Only a member grocery can fill in this form.")

    def _alim_portal_form_lines(self, raw_quantities):
        """Hook: the lines (as superuser) the form may set; an id posted for any other line
        is ignored. The record's ``line_ids`` by default."""
        return self.sudo().line_ids

    def _alim_portal_quantity_limits(self, line, grocery):
        """Hook: the limits of ``line`` for ``grocery``, as keyword arguments of the quantity
        reader (``limit``, ``pack``). None by default: the reader's hard cap and the product's
        unit only."""
        return {}

    def _alim_portal_read_quantities(self, raw_quantities, grocery):
        """``{line: quantity}`` of what the user typed, ``{line id: text}``: an empty text
        leaves its line as it is. Every value is read; any refused value refuses the whole
        form before anything is written (``QuantitiesRefused``: nothing saved, each refused
        line and its reason, naming the product)."""
        quantities = {}
        refused = {}
        for line in self._alim_portal_form_lines(raw_quantities):
            raw = raw_quantities.get(line.id)
            if raw is None or (isinstance(raw, str) and not raw.strip()):
                continue
            try:
                quantities[line] = line.product_id._alim_read_quantity(
                    raw, **self._alim_portal_quantity_limits(line, grocery)
                )
            except UserError as error:
                refused[line.id] = error.args[0]
        if refused:
            raise QuantitiesRefused(
                self.env._(
                    "Nothing was saved: correct the quantities marked. %s", " ".join(refused.values())
                ),
                refused,
            )
        return quantities
