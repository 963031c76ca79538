from datetime import timedelta

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import ColdChainCommon


@tagged("post_install", "-at_install")
class TestDates(ColdChainCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.rice_pudding = cls.env["product.product"].create(
            {
                "name": "Test rice pudding",
                "is_storable": True,
                "tracking": "lot",
                "use_expiration_date": True,
                "food_date_type": "ddm",
                "storage_class": "dry",
                "food_category_id": cls.category.id,
            }
        )
        cls.grocery = cls.env["res.partner"].create({"name": "Test grocery", "is_grocery": True})
        cls.out_type = cls.warehouse.out_type_id

    def _stock(self, product, lot, qty, location=None):
        self.env["stock.quant"]._update_available_quantity(product, location or self.stock, qty, lot_id=lot)

    def _delivery(self, product, qty, lot=None):
        picking = (
            self.env["stock.picking"]
            .with_user(self.manager)
            .create(
                {
                    "picking_type_id": self.out_type.id,
                    "partner_id": self.grocery.id,
                    "location_id": self.stock.id,
                    "location_dest_id": self.customer_location.id,
                    "move_ids": [
                        (
                            0,
                            0,
                            {
                                "name": product.name,
                                "product_id": product.id,
                                "product_uom_qty": qty,
                                "product_uom": product.uom_id.id,
                                "location_id": self.stock.id,
                                "location_dest_id": self.customer_location.id,
                            },
                        )
                    ],
                }
            )
        )
        picking.action_confirm()
        if lot:
            picking.move_ids.move_line_ids.unlink()
            self.env["stock.move.line"].create(
                {
                    "move_id": picking.move_ids.id,
                    "picking_id": picking.id,
                    "product_id": product.id,
                    "lot_id": lot.id,
                    "quantity": qty,
                    "location_id": self.stock.id,
                    "location_dest_id": self.customer_location.id,
                }
            )
        else:
            picking.action_assign()
        picking.move_ids.picked = True
        return picking

    def test_dlc_passed_lot_is_refused_in_a_delivery(self):
        lot = self._lot(self.yoghurt, "DLC-PASSED", self.now - timedelta(days=1))
        self._stock(self.yoghurt, lot, 5)
        self.assertEqual(lot.alim_date_state, "blocked")
        self.assertIn(lot, self.env["stock.lot"].search([("alim_date_state", "=", "blocked")]))
        picking = self._delivery(self.yoghurt, 5, lot)
        picking.alim_loading_temp = 3.0
        with self.assertRaisesRegex(UserError, "past their use-by date"):
            picking.with_user(self.manager).button_validate()
        self.assertEqual(picking.state, "assigned")

    def test_ddm_passed_within_tolerance_is_delivered_and_flagged(self):
        lot = self._lot(self.rice_pudding, "DDM-5D", self.now - timedelta(days=5))
        self._stock(self.rice_pudding, lot, 5)
        self.assertEqual(lot.alim_date_state, "ddm_passed")
        picking = self._delivery(self.rice_pudding, 5)
        self.assertEqual(picking.move_line_ids.lot_id, lot, "reserved within the tolerance")
        self.assertTrue(picking.alim_has_ddm_passed)
        self.assertIs(picking.with_user(self.manager).button_validate(), True)
        self.assertEqual(picking.state, "done")
        self.assertTrue(picking.move_line_ids.alim_ddm_passed)
        self.assertIn(lot, self.env["stock.lot"].search([("alim_date_state", "=", "ddm_passed")]))

    def test_ddm_beyond_tolerance_is_blocked(self):
        lot = self._lot(self.rice_pudding, "DDM-40D", self.now - timedelta(days=40))
        self._stock(self.rice_pudding, lot, 5)
        self.assertEqual(lot.alim_date_state, "blocked")
        picking = self._delivery(self.rice_pudding, 5)
        self.assertFalse(picking.move_line_ids, "not reserved beyond the tolerance")
        picking = self._delivery(self.rice_pudding, 5, lot)
        with self.assertRaisesRegex(UserError, "past their use-by date"):
            picking.with_user(self.manager).button_validate()

    def test_near_date_list_and_routing(self):
        near = self._lot(self.yoghurt, "NEAR", self.now + timedelta(days=2))
        far = self._lot(self.yoghurt, "FAR", self.now + timedelta(days=60))
        self.assertEqual(near.alim_date_state, "near")
        self.assertEqual(far.alim_date_state, "ok")
        Lot = self.env["stock.lot"].with_user(self.warehouse_user)
        self.assertIn(near, Lot.search([("alim_date_state", "=", "near")]))
        self.assertNotIn(far, Lot.search([("alim_date_state", "in", ["near", "blocked"])]))
        self.assertIn(far, Lot.search([("alim_date_state", "=", "ok")]))
        near.with_user(self.warehouse_user).alim_routing = "repack"
        self.assertEqual(near.alim_routing, "repack")

    def test_fefo_picks_the_first_expiring_lot(self):
        late = self._lot(self.yoghurt, "LATE", self.now + timedelta(days=20))
        early = self._lot(self.yoghurt, "EARLY", self.now + timedelta(days=5))
        self._stock(self.yoghurt, late, 5)
        self._stock(self.yoghurt, early, 5, self.room)
        Quant = self.env["stock.quant"]
        self.assertEqual(Quant._get_removal_strategy(self.yoghurt, self.stock), "fefo")
        # products that are not dated food keep Odoo's own rule
        screws = self.env["product.product"].create({"name": "Screws", "is_storable": True})
        self.assertEqual(Quant._get_removal_strategy(screws, self.stock), "fifo")
        picking = self._delivery(self.yoghurt, 5)
        self.assertEqual(picking.move_line_ids.lot_id, early)

    def test_cold_delivery_needs_the_temperature_at_loading(self):
        lot = self._lot(self.yoghurt, "COLD", self.now + timedelta(days=10))
        self._stock(self.yoghurt, lot, 5)
        picking = self._delivery(self.yoghurt, 5)
        self.assertTrue(picking.alim_cold_required)
        with self.assertRaisesRegex(UserError, "temperature at loading"):
            picking.with_user(self.manager).button_validate()
        picking.with_user(self.warehouse_user).alim_loading_temp = 0.0
        self.assertEqual(picking.alim_loading_temp_user_id, self.warehouse_user)
        picking.with_user(self.manager).button_validate()
        self.assertEqual(picking.state, "done")
