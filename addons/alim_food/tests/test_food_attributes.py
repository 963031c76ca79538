from odoo.exceptions import AccessError
from odoo.tests import Form, tagged

from .common import AlimFoodCommon


@tagged("post_install", "-at_install")
class TestFoodAttributes(AlimFoodCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.category = cls.env.ref("alim_food.food_category_starches")

    def test_manager_creates_food_product(self):
        with Form(self.env["product.template"].with_user(self.manager)) as form:
            form.name = "Pois chiches 1 kg"
            form.is_storable = True
            form.food_category_id = self.category
            form.food_date_type = "ddm"
            form.storage_class = "dry"
            form.origin = "Lauragais, France"
            form.origin_distance_km = 45
        product = form.record
        self.assertTrue(product.is_local)
        self.assertEqual(self.category.product_count, 1)

    def test_far_product_is_not_local_unless_said(self):
        product = self.env["product.template"].create(
            {"name": "Café", "food_category_id": self.category.id, "origin_distance_km": 9000}
        )
        self.assertFalse(product.is_local)
        product.is_local = True  # a partner's short circuit, set by hand
        self.assertTrue(product.is_local)

    def test_warehouse_user_cannot_change_categories(self):
        self.assertTrue(self.category.with_user(self.warehouse_user).name)
        with self.assertRaises(AccessError):
            self.category.with_user(self.warehouse_user).write({"meal_factor": 99})
