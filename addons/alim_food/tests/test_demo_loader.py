from odoo.tests import tagged

from odoo.addons.base.tests.common import BaseCommon


@tagged("post_install", "-at_install")
class TestDemoLoader(BaseCommon):
    def _declared_by(self, record, module, name):
        self.env["ir.model.data"].create(
            {"module": module, "name": name, "model": record._name, "res_id": record.id, "noupdate": True}
        )
        return record

    def test_odoo_demo_products_are_archived(self):
        """The demo loader archives the furniture Odoo's addons bring as demo data, keeps the
        platform's food (even one declared by another addon) and Odoo's own service products."""
        Product = self.env["product.product"]
        desk = self._declared_by(Product.create({"name": "Bureau d'angle"}), "product", "test_desk")
        food = self._declared_by(
            Product.create(
                {"name": "Riz", "food_category_id": self.env.ref("alim_food.food_category_starches").id}
            ),
            "product",
            "test_rice",
        )
        ours = self._declared_by(Product.create({"name": "Sachet kraft"}), "alim_repack", "test_bag")
        self.env["gesmip.demo"]._generate("alim_food.demo.odoo_demo_cleanup.archive_odoo_products")
        self.assertFalse(desk.active)
        self.assertTrue(food.active)
        self.assertTrue(ours.active)
