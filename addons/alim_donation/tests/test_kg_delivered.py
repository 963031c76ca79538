import ast

from odoo.tests import new_test_user, tagged

from odoo.addons.base.tests.common import BaseCommon


@tagged("post_install", "-at_install")
class TestKgDelivered(BaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user = new_test_user(
            cls.env, login="test_kg_delivered", groups="alim_food.alim_food_group_warehouse"
        )
        cls.grocery = cls.env["res.partner"].create(
            {"name": "Épicerie Kg", "is_company": True, "is_grocery": True, "households_count": 30}
        )
        cls.contact = cls.env["res.partner"].create({"name": "Quai", "parent_id": cls.grocery.id})
        cls.product = cls.env["product.product"].create(
            {"name": "Pâtes 500 g", "is_storable": True, "weight": 0.5, "storage_class": "dry"}
        )
        cls.warehouse = cls.env.ref("stock.warehouse0")
        cls.env["stock.quant"]._update_available_quantity(cls.product, cls.warehouse.lot_stock_id, 100)

    def test_delivery_counts_kg_for_the_grocery(self):
        Picking = self.env["stock.picking"].with_user(self.user)
        picking = Picking.create(
            {
                "partner_id": self.contact.id,  # a contact of the grocery: counted for the grocery
                "picking_type_id": self.warehouse.out_type_id.id,
                "location_id": self.warehouse.lot_stock_id.id,
                "location_dest_id": self.env.ref("stock.stock_location_customers").id,
                "move_ids": [
                    (
                        0,
                        0,
                        {
                            "name": self.product.name,
                            "product_id": self.product.id,
                            "product_uom_qty": 40,
                            "location_id": self.warehouse.lot_stock_id.id,
                            "location_dest_id": self.env.ref("stock.stock_location_customers").id,
                        },
                    )
                ],
            }
        )
        picking.action_confirm()
        picking.action_assign()
        picking.move_ids.picked = True
        picking.button_validate()
        self.assertEqual(picking.state, "done")
        action = self.env.ref("alim_donation.stock_move_action_alim_delivered")
        domain = ast.literal_eval(action.domain)
        groups = (
            self.env["stock.move"]
            .with_user(self.user)
            ._read_group(domain, ["alim_grocery_id"], ["alim_weight_kg:sum"])
        )
        self.assertEqual(groups, [(self.grocery, 20.0)])
