"""The catalogue page writes its numbers, prices and dates with formatters that read the
language once per page: they must write exactly what Odoo's own widgets write."""

from datetime import date

from odoo.tests import TransactionCase, tagged
from odoo.tools.misc import format_date, formatLang


@tagged("post_install", "-at_install")
class TestAlimNumberFormatters(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("fr_FR")
        cls.euro = cls.env.ref("base.EUR")
        cls.dollar = cls.env.ref("base.USD")

    def test_same_text_as_odoo_in_french_and_english(self):
        amounts = [0, 1, 0.5, 2.675, 1234.5, -1234.567, 1_000_000, 12.005]
        quantities = [0, 1, 45.7, 1200, 1234.5678, 0.125, -3]
        for lang in ("fr_FR", "en_US"):
            env = self.env(context={**self.env.context, "lang": lang})
            Line = env["alim.order.cycle.line"]
            monetary = env["ir.qweb.field.monetary"]
            fmt = Line._alim_qty_formatter()
            for currency in (self.euro, self.dollar):
                currency = currency.with_env(env)
                money = Line._alim_money_formatter(currency)
                for amount in amounts:
                    with self.subTest(lang=lang, currency=currency.name, amount=amount):
                        expected = monetary.value_to_html(amount, {"display_currency": currency})
                        self.assertEqual(money(amount), expected)
            for qty in quantities:
                for digits in (None, 0, 2):
                    with self.subTest(lang=lang, qty=qty, digits=digits):
                        if digits is None:
                            text = f"{qty:.3f}".rstrip("0").rstrip(".")
                            expected_digits = len(text.split(".")[1]) if "." in text else 0
                        else:
                            expected_digits = digits
                        expected = formatLang(env, qty, digits=expected_digits)
                        self.assertEqual(fmt(qty, digits), expected)
                        self.assertEqual(Line._alim_format_qty(qty, digits), expected)
            written = Line._alim_date_formatter()
            for day in (date(2026, 12, 2), date(2027, 1, 31)):
                self.assertEqual(written(day), format_date(env, day))
                self.assertEqual(written(day), format_date(env, day))  # the second time, remembered

    def test_french_text(self):
        Line = self.env["alim.order.cycle.line"].with_context(lang="fr_FR")
        self.assertEqual(Line._alim_qty_formatter()(1200.5), "1\xa0200,5")
        self.assertIn("1\xa0234,50", Line._alim_money_formatter(self.euro)(1234.5))
        self.assertEqual(Line._alim_date_formatter()(date(2026, 12, 2)), "02/12/2026")
