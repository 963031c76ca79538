from odoo.tests import HttpCase, tagged

from odoo.addons.alim_food.tests.common import AlimFoodFixtures


class DockRulesTourCommon(AlimFoodFixtures, HttpCase):
    """In a real browser, in French, in Paris: the warehouse volunteer receives a short-dated
    yoghurt (the reason written on the dock line) and a salad measured too warm (told at once,
    then measured again), and validates."""

    manager_login = None
    warehouse_login = "test_dock_rules"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("fr_FR")
        cls.env["ir.module.module"].search(
            [("name", "in", ("stock", "alim_food", "alim_donation", "alim_coldchain"))]
        )._update_translations("fr_FR")
        cls.warehouse_user.write({"lang": "fr_FR", "tz": "Europe/Paris"})
        cls.cold_room = cls._create_room("Chambre froide positive", "chilled")
        cls._create_room("Zone sèche", "dry")
        cls.yogurt = cls._create_dated_product("Yaourt règles", "dlc", storage_class="chilled")
        cls.salad = cls._create_dated_product("Salade règles", "dlc", storage_class="chilled")
        cls.env["res.partner"].create(
            {"name": "Supermarché Règles", "is_company": True, "donor_kind": "retailer"}
        )

    def _walk(self):
        self.start_tour(
            "/odoo/action-alim_donation.stock_picking_action_alim_dock/new",
            "alim_donation_dock_rules",
            login=self.warehouse_login,
        )
        lines = self.env["stock.move.line"].search([("product_id", "in", (self.yogurt | self.salad).ids)])
        self.assertEqual(len(lines), 2)
        self.assertEqual(lines.picking_id.state, "done")
        yogurt = lines.filtered(lambda line: line.product_id == self.yogurt)
        self.assertIn("Minimes", yogurt.alim_short_date_reason)
        self.assertEqual(yogurt.alim_reception_temp, 3.5)
        self.assertEqual(lines.alim_reception_temp_user_id, self.warehouse_user)
        self.assertEqual(lines.location_dest_id, self.cold_room)


@tagged("post_install", "-at_install")
class TestDockRulesTourPhone(DockRulesTourCommon):
    browser_size = "390x844"
    touch_enabled = True

    def test_dock_rules_on_a_phone(self):
        self._walk()


@tagged("post_install", "-at_install")
class TestDockRulesTourDesktop(DockRulesTourCommon):
    browser_size = "1366x900"

    def test_dock_rules_on_a_desktop(self):
        self._walk()
