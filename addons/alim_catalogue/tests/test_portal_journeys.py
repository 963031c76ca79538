"""The grocery's portal journeys of the catalogue in a real browser, in French, on a phone
(390x844) and on a desktop (1366x900), each page checked for sideways scrolling (issue 31):
the standing order paused then resumed; a quantity given for a group purchase, with its total
in euros and kilograms."""

from datetime import timedelta

from odoo import Command, fields
from odoo.tests import tagged

from .common import AlimCatalogueHttpCommon

PHONE, DESKTOP = "390x844", "1366x900"


class PortalJourneyCommon(AlimCatalogueHttpCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("fr_FR")
        cls.env["ir.module.module"].search(
            [("name", "in", ["portal", "alim_catalogue", "gesmip_base"])]
        )._update_translations("fr_FR")
        cls.grocery = cls._create_grocery("Journey grocery", households=25)
        cls.user = cls._create_grocery_user(cls.grocery, "test_journey")
        cls.user.write({"lang": "fr_FR", "tz": "Europe/Paris"})

    def _tour(self, size, url, tour):
        self.browser_size = size
        self.touch_enabled = size == PHONE
        self.start_tour(url, tour, login=self.user.login)


@tagged("post_install", "-at_install")
class TestStandingOrderJourney(PortalJourneyCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        rice, oil = cls._create_stocked_products([{"name": "Journey rice"}, {"name": "Journey oil"}], 50)
        cls.standing = cls.env["alim.standing.order"].create(
            {
                "partner_id": cls.grocery.id,
                "line_ids": [
                    Command.create({"product_id": rice.id, "quantity": 6}),
                    Command.create({"product_id": oil.id, "quantity": 2}),
                ],
            }
        )

    def _pause_then_resume(self, size):
        self._tour(size, "/my/standing-order", "alim_catalogue_portal_standing_pause")
        self.assertTrue(self.standing.active)
        self.assertEqual(self.standing.line_ids.mapped("quantity"), [6, 2])
        # paused, then resumed, on the way: its chatter says so
        changes = self.standing.message_ids.tracking_value_ids.filtered(lambda t: t.field_id.name == "active")
        self.assertEqual(
            sorted((t.old_value_integer, t.new_value_integer) for t in changes), [(0, 1), (1, 0)]
        )

    def test_pause_then_resume_on_a_phone(self):
        self._pause_then_resume(PHONE)

    def test_pause_then_resume_on_a_desktop(self):
        self._pause_then_resume(DESKTOP)


@tagged("post_install", "-at_install")
class TestGroupPurchaseJourney(PortalJourneyCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the platform counts in euros (a test database's company is in dollars)
        euro = cls.env.ref("base.EUR")
        euro.active = True
        cls.env.company.currency_id = euro
        supplier = cls.env["res.partner"].create({"name": "Journey mill", "is_company": True})
        cls.flour = cls.env["product.product"].create(
            {
                "name": "Flour sack 25 kg",
                "is_storable": True,
                "weight": 25.0,
                "alim_supply_mode": "bought",
                "standard_price": 18,
            }
        )
        cls.purchase = cls.env["alim.group.purchase"].create(
            {
                "partner_id": supplier.id,
                "deadline": fields.Date.today() + timedelta(days=3),
                "line_ids": [Command.create({"product_id": cls.flour.id})],
            }
        )
        cls.purchase.action_collect()

    def _give_a_quantity(self, size):
        self._tour(size, "/my/group-purchases", "alim_catalogue_portal_group_purchase")
        demand = self.purchase.demand_ids
        self.assertEqual((demand.partner_id, demand.quantity), (self.grocery, 3))

    def test_give_a_quantity_on_a_phone(self):
        self._give_a_quantity(PHONE)

    def test_give_a_quantity_on_a_desktop(self):
        self._give_a_quantity(DESKTOP)
