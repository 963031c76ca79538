from datetime import datetime

from odoo.api import call_kw
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import RepackCommon


@tagged("post_install", "-at_install")
class TestRepackStock(RepackCommon):
    """The lab works on the stock it has: a lot reserved for a delivery is repacked from the
    reservation (the delivery reserved again and told), a lot asked for more than it holds
    or held by goods being picked is refused at planning; the packs go to the room of their
    storage class."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # BULK-1 (1 sack, earliest in) then BULK-2 (2 sacks): a delivery of 2 sacks reserves
        # BULK-1 and one sack of BULK-2 (first in, first out).
        cls.bulk_lot_2 = cls._receive(cls.bulk, "BULK-2", 2.0, 36.0, datetime(2030, 9, 30, 12, 0))

    def _reserved(self, picking):
        return {line.lot_id.name: line.quantity for line in picking.move_line_ids}

    # ------------------------------------------------------------------ a reserved lot
    def test_reserved_lot_repacked_from_the_reservation_and_the_delivery_reserved_again(self):
        delivery = self._delivery(self.bulk, 2.0)
        self.assertEqual(self._reserved(delivery), {"BULK-1": 1.0, "BULK-2": 1.0})
        # a third lot comes in after the delivery was reserved
        self._receive(self.bulk, "BULK-3", 2.0, 36.0, datetime(2030, 12, 31, 12, 0))
        order = self._order(self.bulk_lot_2, packs_made=50)
        self.assertEqual(order.input_ids.quantity, 2.0)
        order.action_plan()
        # planning says who will lose what
        self.assertIn(delivery.name, order.message_ids[0].body)
        self.assertIn("Épicerie du Mirail", order.message_ids[0].body)
        order.action_done()
        self.assertEqual(order.state, "done")
        self.assertEqual(self.bulk_lot_2.product_qty, 0.0)
        self.assertEqual(order.output_lot_id.product_qty, 50.0)
        # the delivery took another lot, and was told
        self.assertEqual(self._reserved(delivery), {"BULK-1": 1.0, "BULK-3": 1.0})
        self.assertEqual(delivery.state, "assigned")
        told = delivery.message_ids.filtered(lambda message: order.name in (message.body or ""))
        self.assertEqual(len(told), 1)
        self.assertIn("BULK-2", told.body)
        self.assertIn(delivery.name, order.message_ids[0].body)

    def test_reserved_lot_with_no_other_stock_leaves_the_delivery_waiting(self):
        delivery = self._delivery(self.bulk, 3.0)
        self.assertEqual(self._reserved(delivery), {"BULK-1": 1.0, "BULK-2": 2.0})
        order = self._order(self.bulk_lot_2, packs_made=50)
        order.action_plan()
        order.action_done()
        self.assertEqual(order.state, "done")
        self.assertEqual(self._reserved(delivery), {"BULK-1": 1.0})
        self.assertEqual(delivery.move_ids.quantity, 1.0)
        told = delivery.message_ids.filtered(lambda message: order.name in (message.body or ""))
        self.assertIn("BULK-2", told.body)
        self.assertIn("1", told.body)

    def test_ways_in_rpc_done_from_draft_and_a_second_click(self):
        """JSON-RPC's call of the button on a draft order (no planning) takes the reservation
        the same way; a second click on "Record as Done" changes nothing."""
        delivery = self._delivery(self.bulk, 3.0)
        order = self._order(self.bulk_lot_2, packs_made=50)
        call_kw(self.env["alim.repack.order"].with_user(self.lab), "action_done", [order.ids], {})
        self.assertEqual(order.state, "done")
        self.assertEqual(self._reserved(delivery), {"BULK-1": 1.0})
        with self.assertRaisesRegex(UserError, 'is already "Done"'):
            call_kw(self.env["alim.repack.order"].with_user(self.lab), "action_done", [order.ids], {})
        self.assertEqual(self._reserved(delivery), {"BULK-1": 1.0})
        self.assertEqual(self.bulk_lot_2.product_qty, 0.0)
        self.assertEqual(order.output_lot_id.product_qty, 50.0)

    def test_part_of_a_reserved_lot_takes_the_free_quantity_first(self):
        delivery = self._delivery(self.bulk, 2.0)  # BULK-2: 1 reserved, 1 free
        order = self._order(self.bulk_lot_2, packs_made=25)
        order.input_ids.quantity = 1.0
        order.action_plan()
        order.action_done()
        self.assertEqual(self._reserved(delivery), {"BULK-1": 1.0, "BULK-2": 1.0})
        self.assertFalse(delivery.message_ids.filtered(lambda message: order.name in (message.body or "")))

    # ------------------------------------------------------------------ refusals at planning
    def test_more_than_the_lot_holds_refused_at_planning(self):
        order = self._order(self.bulk_lot, packs_made=40, loss_reason="other")
        order.input_ids.quantity = 2.0
        for way_in in ("action_plan", "action_done"):
            with self.assertRaisesRegex(UserError, r"BULK-1: only 1.0 Units in WH/Stock, not enough"):
                call_kw(self.env["alim.repack.order"].with_user(self.lab), way_in, [order.ids], {})
        self.assertEqual(order.state, "draft")
        self.assertEqual(self.bulk_lot.product_qty, 1.0)

    def test_goods_being_picked_refused_at_planning_naming_the_delivery(self):
        delivery = self._delivery(self.bulk, 3.0)
        delivery.move_ids.picked = True
        order = self._order(self.bulk_lot_2, packs_made=50)
        with self.assertRaisesRegex(UserError, rf"BULK-2.*being picked.*{delivery.name}.*Épicerie du Mirail"):
            order.action_plan()
        self.assertEqual(order.state, "draft")
        self.assertEqual(self._reserved(delivery), {"BULK-1": 1.0, "BULK-2": 2.0})

    # ------------------------------------------------------------------ put-away of the packs
    def test_dry_packs_go_to_the_dry_room(self):
        dry_room = self._create_room("Réserve sèche", "dry")
        order = self._order(self.bulk_lot, packs_made=25)
        self.assertEqual(order.location_dest_id, self.stock)
        order.with_user(self.lab).action_done()
        quants = order.output_lot_id.quant_ids.filtered(lambda quant: quant.quantity > 0)
        self.assertEqual(quants.location_id, dry_room)
        self.assertEqual(quants.quantity, 25.0)

    def test_chilled_packs_go_to_the_cold_room(self):
        self._create_room("Réserve sèche", "dry")
        cold_room = self._create_room("Chambre froide positive", "chilled")
        self.env.company.write({"alim_repack_agrement": "FR 31.555.001 CE", "alim_repack_cold_allowed": True})
        compote = self._product(
            "Apple compote (bucket 5 kg)", food_date_type="dlc", storage_class="chilled", weight=5.0
        )
        self.pack = self._product(
            "Apple compote 500 g", food_date_type="dlc", storage_class="chilled", weight=0.5
        )
        lot = self._receive(compote, "COMPOTE-1", 1.0, 6.0, datetime(2030, 2, 1, 12, 0), location=cold_room)
        order = self._order(lot, packs_made=10)
        order.action_plan()
        order.action_done()
        quants = order.output_lot_id.quant_ids.filtered(lambda quant: quant.quantity > 0)
        self.assertEqual(quants.location_id, cold_room)
        self.assertEqual(quants.quantity, 10.0)
