from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.alim_food.tests.common import AlimFoodCommon

from .common import AlimRoundsCommon


@tagged("post_install", "-at_install")
class TestDeliveryRound(AlimRoundsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cycle = cls._create_cycle(
            cls.groceries, cls.rice | cls.yoghurt, "Round week", delivery_round_id=cls.round.id
        )

    def _confirm_cycle(self, rice_qty, yoghurt_qty):
        cycle = self.cycle
        cycle.action_open()
        for grocery in self.groceries:
            self._create_order(cycle, grocery, {self.rice: rice_qty, self.yoghurt: yoghurt_qty})
        cycle.with_context(alim_close_early=True).action_close()
        cycle.action_allocate()
        cycle.action_confirm()

    def test_confirming_a_cycle_puts_each_grocery_on_the_round(self):
        self._confirm_cycle(rice_qty=10, yoghurt_qty=40)
        rnd = self.round
        self.assertTrue(rnd.name.startswith("TL/"))
        self.assertEqual(rnd.alim_delivery_stop_ids.partner_id, self.groceries)
        # the round is a core batch transfer of the deliveries, on its own date
        self.assertEqual(rnd.picking_ids, self.cycle.order_ids.picking_ids)
        self.assertEqual(rnd.picking_type_id.code, "outgoing")
        self.assertEqual(rnd.scheduled_date, self.round_date)
        for stop in rnd.alim_delivery_stop_ids:
            self.assertEqual(stop.picking_ids.partner_id, stop.partner_id)
            self.assertEqual(stop.load_kg, 70)  # 10 x 5 kg + 40 x 0.5 kg
            self.assertTrue(stop.has_cold_goods)
        self.assertEqual(rnd.alim_load_kg, 140)
        self.assertEqual(rnd.alim_load_cold_kg, 40)
        self.assertEqual(rnd.alim_load_pallets, 1)
        self.assertEqual(rnd.alim_load_cold_boxes, 2)
        rnd.with_user(self.warehouse_user).action_confirm()
        self.assertEqual(rnd.state, "in_progress")
        self.assertEqual(set(rnd.picking_ids.mapped("scheduled_date")), {self.round_date})
        # the round sheet says what goes where and what stays cold
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("alim_rounds.alim_delivery_round_sheet", rnd.ids)[0]
            .decode()
        )
        self.assertIn("Round grocery A", html)
        self.assertIn("Round yoghurts", html)
        self.assertIn("KEEP COLD", html)
        self.assertIn("140.0", html)
        # delivered: the batch validates every delivery of the round (with the cold chain
        # installed, once the temperature at loading is recorded)
        if "alim_loading_temp" in rnd.picking_ids._fields:
            rnd.picking_ids.with_user(self.warehouse_user).write({"alim_loading_temp": 3.0})
        rnd.with_user(self.warehouse_user).action_done()
        self.assertEqual(set(rnd.picking_ids.mapped("state")), {"done"})
        self.assertEqual(rnd.state, "done")

    def test_a_grocery_cut_to_nothing_is_no_stop_on_the_sheet(self):
        self._confirm_cycle(rice_qty=10, yoghurt_qty=40)
        rnd = self.round
        stop_b = rnd.alim_delivery_stop_ids.filtered(lambda s: s.partner_id == self.groceries[1])
        stop_b.picking_ids.action_cancel()
        self.assertFalse(stop_b.has_goods)
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("alim_rounds.alim_delivery_round_sheet", rnd.ids)[0]
            .decode()
        )
        self.assertIn("Round grocery A", html)
        self.assertNotIn("Round grocery B", html)

    def test_over_capacity_refused_and_nothing_changed(self):
        self._confirm_cycle(rice_qty=60, yoghurt_qty=10)  # 2 x 305 kg > 500 kg
        with self.assertRaisesRegex(UserError, "does not fit in .*TV-500-KG: 610 kg for 500 kg"):
            self.round.with_user(self.warehouse_user).action_confirm()
        self.assertEqual(self.round.state, "draft")
        self.van_category.write({"weight_capacity": 3000, "alim_capacity_pallets": 2})
        self.round.with_user(self.warehouse_user).action_confirm()
        self.assertEqual(self.round.state, "in_progress")

    def test_empty_round_cannot_be_planned_and_portal_cannot_read(self):
        with self.assertRaisesRegex(UserError, "Add the groceries"):
            self.round.with_user(self.warehouse_user).action_confirm()
        with self.assertRaises(AccessError):
            self.round.with_user(self.portal_user).read(["name"])
        with self.assertRaises(AccessError):
            self.van.with_user(self.portal_user).read(["name"])
        # the warehouse reads the vehicles of the rounds, only a manager changes them
        self.assertEqual(self.van.with_user(self.warehouse_user).category_id, self.van_category)
        with self.assertRaises(AccessError):
            self.van_category.with_user(self.warehouse_user).write({"weight_capacity": 1})


@tagged("post_install", "-at_install")
class TestCollectionRound(AlimFoodCommon):
    def test_collection_round_creates_one_reception_per_donor_once(self):
        env = self.env
        user = self.warehouse_user
        donors = env["res.partner"].create(
            [
                {"name": "Collect supermarket", "is_company": True, "donor_kind": "retailer"},
                {"name": "Collect farm", "is_company": True, "donor_kind": "producer"},
            ]
        )
        rnd = (
            env["stock.picking.batch"]
            .with_user(user)
            .create(
                {
                    "alim_round_kind": "collection",
                    "alim_collection_stop_ids": [
                        Command.create({"partner_id": donors[0].id, "source_type": "anti_waste"}),
                        Command.create({"partner_id": donors[1].id}),
                    ],
                }
            )
        )
        self.assertTrue(rnd.name.startswith("TR/"))
        rnd.action_alim_create_receptions()
        self.assertEqual(len(rnd.picking_ids), 2)
        self.assertEqual(rnd.picking_ids.partner_id, donors)
        self.assertEqual(set(rnd.picking_ids.mapped("picking_type_code")), {"incoming"})
        self.assertEqual(rnd.alim_collection_stop_ids[0].picking_id.alim_source_type, "anti_waste")
        self.assertEqual(set(rnd.picking_ids.mapped("origin")), {rnd.name})
        rnd.action_alim_create_receptions()
        self.assertEqual(len(rnd.picking_ids), 2)
