"""Food the law excludes from donation (arrêté of 7 January 2021) is refused at reception,
with the reason."""

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import new_test_user, tagged

from odoo.addons.base.tests.common import BaseCommon


@tagged("post_install", "-at_install")
class TestDonationExclusion(BaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.warehouse_user = new_test_user(
            cls.env, login="test_excl_warehouse", groups="alim_food.alim_food_group_warehouse"
        )
        cls.warehouse = cls.env["stock.warehouse"].search([("company_id", "=", cls.env.company.id)], limit=1)
        cls.cold_room = cls.env["stock.location"].create(
            {
                "name": "Exclusion cold room",
                "location_id": cls.warehouse.lot_stock_id.id,
                "storage_class": "chilled",
            }
        )
        cls.ham = cls.env["product.product"].create(
            {
                "name": "Jambon à la coupe",
                "is_storable": True,
                "storage_class": "chilled",
                "food_animal_origin": True,
                "food_loose": True,
            }
        )
        cls.supermarket = cls.env["res.partner"].create({"name": "Supermarché", "is_company": True})

    def _reception(self, product, donor):
        supplier = self.env.ref("stock.stock_location_suppliers")
        picking = (
            self.env["stock.picking"]
            .with_user(self.warehouse_user)
            .create(
                {
                    "picking_type_id": self.warehouse.in_type_id.id,
                    "partner_id": donor.id,
                    "location_id": supplier.id,
                    "location_dest_id": self.cold_room.id,
                    "move_ids": [
                        Command.create(
                            {
                                "name": product.name,
                                "product_id": product.id,
                                "product_uom": product.uom_id.id,
                                "product_uom_qty": 4,
                                "location_id": supplier.id,
                                "location_dest_id": self.cold_room.id,
                            }
                        )
                    ],
                }
            )
        )
        picking.action_confirm()
        picking.move_ids.quantity = 4
        picking.move_ids.picked = True
        return picking

    def test_loose_food_of_animal_origin_is_refused_with_the_reason(self):
        picking = self._reception(self.ham, self.supermarket)
        with self.assertRaisesRegex(UserError, "excluded from donation \\(arrêté of 7 January 2021\\)"):
            picking.with_user(self.warehouse_user).button_validate()
        self.assertEqual(picking.state, "assigned")

    def test_prepacked_or_from_an_approved_establishment_is_accepted(self):
        self.ham.food_loose = False
        picking = self._reception(self.ham, self.supermarket)
        picking.with_user(self.warehouse_user).button_validate()
        self.assertEqual(picking.state, "done")
        self.ham.food_loose = True
        butcher = self.env["res.partner"].create(
            {"name": "Atelier de découpe agréé", "is_company": True, "food_donation_exemption": "approved"}
        )
        picking = self._reception(self.ham, butcher)
        picking.with_user(self.warehouse_user).button_validate()
        self.assertEqual(picking.state, "done")
