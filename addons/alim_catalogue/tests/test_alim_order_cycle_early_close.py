from datetime import timedelta

from lxml import etree

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import AlimCatalogueHttpCommon


@tagged("post_install", "-at_install")
class TestOrderCycleEarlyClose(AlimCatalogueHttpCommon):
    """Closing a cycle before the close announced to the groceries ends their orders early:
    the form asks to confirm, the model refuses it unless told it is meant, and the actual
    close time is recorded and shown in the portal instead of the announced one."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.grocery = cls._create_grocery("Épicerie des Minimes")
        cls.portal_user = cls._create_grocery_user(cls.grocery, "test_early_close_portal")
        (cls.rice,) = cls._create_stocked_products([{"name": "Early rice 1 kg", "weight": 1.0}], 50)
        cls.announced = fields.Datetime.now().replace(microsecond=0) + timedelta(days=2)
        cls.cycle = cls._open_cycle(cls.grocery, cls.rice, "Early week", date_close=cls.announced)

    def test_early_close_refused_without_being_meant(self):
        cycle = self.cycle.with_user(self.manager)
        self.assertTrue(cycle.is_close_early)
        with self.assertRaisesRegex(UserError, "closes it early"):
            cycle.action_close()
        self.assertEqual(cycle.state, "open")
        self.assertFalse(cycle.date_closed)

    def test_early_close_meant_records_when(self):
        before = fields.Datetime.now().replace(microsecond=0)
        self.cycle.with_user(self.manager).with_context(alim_close_early=True).action_close()
        self.assertEqual(self.cycle.state, "closed")
        self.assertGreaterEqual(self.cycle.date_closed, before)
        self.assertLess(self.cycle.date_closed, self.announced)
        self.assertEqual(self.cycle.date_close, self.announced)  # the announce is kept
        self.assertFalse(self.cycle.is_close_early)

    def test_close_after_the_announced_time_asks_nothing(self):
        cycle = self._open_cycle(
            self.grocery,
            self.rice,
            "Past week",
            date_open=fields.Datetime.now() - timedelta(days=3),
            date_close=fields.Datetime.now() - timedelta(minutes=5),
        ).with_user(self.manager)
        self.assertFalse(cycle.is_close_early)
        cycle.action_close()
        self.assertEqual(cycle.state, "closed")
        self.assertTrue(cycle.date_closed)

    def test_form_asks_to_confirm_the_early_close(self):
        """The manager's form: before the announced close, the button that closes says so
        and asks to confirm; the plain one is hidden."""
        arch = etree.fromstring(self.cycle.with_user(self.manager).get_view(view_type="form")["arch"])
        early, plain = None, None
        for button in arch.xpath("//header/button[@name='action_close']"):
            if button.get("confirm"):
                early = button
            else:
                plain = button
        self.assertIsNotNone(early)
        self.assertIn("early", early.get("confirm"))
        self.assertIn("'alim_close_early': True", early.get("context"))
        self.assertIn("not is_close_early", early.get("invisible"))
        self.assertIn("or is_close_early", plain.get("invisible"))

    def test_portal_shows_the_actual_close(self):
        self.cycle.with_user(self.manager).with_context(alim_close_early=True).action_close()
        self.authenticate(self.portal_user.login, self.portal_user.login)
        page = self.url_open(f"/my/cycles/{self.cycle.id}").text
        self.assertIn("o_alim_closed_on", page)
        self.assertIn("Closed on", page)
        self.assertNotIn("Closes on", page)
