import ast

from markupsafe import Markup

from odoo import api, models
from odoo.tools import float_round
from odoo.tools.misc import format_date, get_lang

from ..lib.number_format import NumberStyle, format_amount, format_quantity


class AlimNumberFormatMixin(models.AbstractModel):
    """The portal's numbers, prices and dates, written as Odoo's widgets write them.

    The writing itself is pure (``lib/number_format.py``); this is the glue that reads the
    language and the currency from the environment. A page of the catalogue writes several
    numbers, a price and a date per line: the formatters read the language once per page, not
    once per number as ``t-field`` and ``formatLang`` do (most of a page's time before).
    A model that renders numbers for the portal inherits it, or calls
    ``self.env["alim.number.format.mixin"]``; its methods keep the ``_alim_`` prefix since a
    model of any addon (a core one too) may inherit them.
    """

    _name = "alim.number.format.mixin"
    _description = "Portal Number Formatting"

    @api.model
    def _alim_format_qty(self, value, digits=None):
        """A quantity in the environment's language (French: 120 ; 45,7 ; 1 200): as many
        decimals as it has (at most 3) unless ``digits`` is given."""
        return format_quantity(value, self._alim_number_style(), digits)

    @api.model
    def _alim_number_style(self):
        """How the environment's language writes numbers."""
        lang = self.env["res.lang"]._get_data(code=get_lang(self.env).code)
        grouping = tuple(ast.literal_eval(lang.grouping or "[]"))
        return NumberStyle(lang.decimal_point or ".", lang.thousands_sep or "", grouping)

    @api.model
    def _alim_qty_formatter(self):
        """``format(value, digits=None)``: :meth:`_alim_format_qty` with the language read once."""
        style = self._alim_number_style()
        return lambda value, digits=None: format_quantity(value, style, digits)

    @api.model
    def _alim_money_formatter(self, currency, unit_price=False):
        """``format(amount)``: the HTML of Odoo's monetary widget for ``currency``. A
        ``unit_price`` keeps up to 4 decimals where it has them (0,025 EUR a 250 g unit at
        0,10 EUR/kg), as the order line stores it, instead of the currency's 2."""
        style = self._alim_number_style()
        symbol, before = currency.symbol or "", currency.position == "before"
        decimals, rounding = currency.decimal_places, currency.rounding

        def money(value):
            places = decimals
            if unit_price:
                value = round(value, 4)
                while places < 4 and round(value, places) != value:
                    places += 1
            else:
                value = float_round(value, precision_rounding=rounding)
            pre, amount, post = format_amount(value, places, symbol, before, style)
            return Markup('{}<span class="oe_currency_value">{}</span>{}').format(pre, amount, post)

        return money

    @api.model
    def _alim_date_formatter(self):
        """``format(date)``: a date as Odoo's date widget writes it, each date once (a page's
        lines share few dates)."""
        written = {}

        def date(value):
            if value not in written:
                written[value] = format_date(self.env, value)
            return written[value]

        return date
