from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestDockTour(HttpCase):
    """In a real browser, in French: the warehouse user receives a chilled and a dry product
    at the dock and finds each in the stock of its room."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("fr_FR")
        cls.env["ir.module.module"].search(
            [("name", "in", ("stock", "alim_food", "alim_donation"))]
        )._update_translations("fr_FR")
        cls.user = new_test_user(
            cls.env, login="test_dock_tour", groups="alim_food.alim_food_group_warehouse", lang="fr_FR"
        )
        stock = (
            cls.env["stock.warehouse"].search([("company_id", "=", cls.env.company.id)], limit=1).lot_stock_id
        )
        cls.dry, cls.cold = cls.env["stock.location"].create(
            [
                {"name": "Zone sèche", "location_id": stock.id, "storage_class": "dry"},
                {"name": "Chambre froide positive", "location_id": stock.id, "storage_class": "chilled"},
            ]
        )
        Product = cls.env["product.product"]
        cls.salad = Product.create(
            {"name": "Salade verte tour", "is_storable": True, "storage_class": "chilled"}
        )
        cls.rice = Product.create({"name": "Riz tour 1 kg", "is_storable": True, "storage_class": "dry"})
        cls.env["res.partner"].create(
            {"name": "Supermarché Tour", "is_company": True, "donor_kind": "retailer"}
        )

    def test_tour_dock_puts_away_by_storage_class(self):
        self.start_tour(
            "/odoo/action-alim_donation.stock_picking_action_alim_dock/new",
            "alim_donation_dock_putaway",
            login="test_dock_tour",
        )
        Quant = self.env["stock.quant"]
        self.assertEqual(Quant._get_available_quantity(self.salad, self.cold), 12)
        self.assertEqual(Quant._get_available_quantity(self.rice, self.dry), 30)
