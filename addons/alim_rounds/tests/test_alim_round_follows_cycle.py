from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import Form, new_test_user, tagged

from .common import AlimRoundsCommon


@tagged("post_install", "-at_install")
class TestRoundFollowsCycle(AlimRoundsCommon):
    """A confirmed cycle's deliveries become the round's stops with their weights, whatever
    the way in: the cycle's confirmation, the cycle's button, the cycle's round field, the
    round form's transfers, an RPC write on the round's transfers, a stop added by hand."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.van_category.write(
            {"weight_capacity": 5000, "alim_capacity_pallets": 10, "alim_capacity_cold_boxes": 50}
        )
        # a cycle confirmed without a round: 10 x 5 kg of rice and 40 x 0.5 kg of yoghurts each
        cls.cycle = cls._create_cycle(cls.groceries, cls.rice | cls.yoghurt, "Roundless week")
        cls._confirm(cls.cycle, {grocery: {cls.rice: 10, cls.yoghurt: 40} for grocery in cls.groceries})
        cls.deliveries = cls.cycle.order_ids.picking_ids

    def assertStopsWithWeights(self, rnd):
        self.assertEqual(rnd.alim_delivery_stop_ids.partner_id, self.groceries)
        self.assertEqual(rnd.picking_ids, self.deliveries)
        for stop in rnd.alim_delivery_stop_ids:
            self.assertEqual(stop.picking_ids.partner_id, stop.partner_id)
            self.assertEqual(stop.load_kg, 70)  # 10 x 5 kg + 40 x 0.5 kg
        self.assertEqual(rnd.alim_load_kg, 140)

    def test_confirmed_cycle_put_on_a_new_round_by_its_button(self):
        self.assertEqual(self.cycle.state, "confirmed")
        self.assertFalse(self.deliveries.batch_id)
        action = self.cycle.with_user(self.manager).action_alim_put_on_round()
        rnd = self.cycle.delivery_round_id
        self.assertEqual(action["res_id"], rnd.id)
        self.assertTrue(rnd.name.startswith("TL/"))
        self.assertEqual(rnd.alim_round_kind, "delivery")
        self.assertStopsWithWeights(rnd)

    def test_confirmed_cycle_put_on_a_round_in_its_form(self):
        with Form(self.cycle.with_user(self.manager)) as form:
            form.delivery_round_id = self.round
        self.assertStopsWithWeights(self.round)
        # a second click on the button adds nothing twice
        self.cycle.with_user(self.manager).action_alim_put_on_round()
        self.assertEqual(len(self.round.alim_delivery_stop_ids), 2)
        self.assertStopsWithWeights(self.round)

    def test_confirmed_cycle_put_on_another_round_leaves_the_first(self):
        self.cycle.with_user(self.manager).delivery_round_id = self.round
        other = (
            self.env["stock.picking.batch"]
            .with_user(self.warehouse_user)
            .create({"alim_round_kind": "delivery"})
        )
        self.cycle.with_user(self.manager).write({"delivery_round_id": other.id})
        self.assertStopsWithWeights(other)
        self.assertFalse(self.round.picking_ids)
        self.assertFalse(self.round.alim_delivery_stop_ids)

    def test_deliveries_added_in_the_round_form_become_stops(self):
        with Form(self.round.with_user(self.warehouse_user)) as form:
            for delivery in self.deliveries:
                form.picking_ids.add(delivery)
        self.assertStopsWithWeights(self.round)

    def test_rpc_write_on_the_round_transfers_makes_stops(self):
        self.round.with_user(self.warehouse_user).write(
            {"picking_ids": [Command.link(delivery.id) for delivery in self.deliveries]}
        )
        self.assertStopsWithWeights(self.round)
        # taken off the round, a delivery leaves its stop
        first = self.deliveries[0]
        self.round.with_user(self.warehouse_user).write({"picking_ids": [Command.unlink(first.id)]})
        self.assertFalse(first.alim_delivery_stop_id)
        self.assertEqual(self.round.alim_delivery_stop_ids.partner_id, self.groceries - first.partner_id)

    def test_stop_added_by_hand_carries_its_grocery_deliveries(self):
        grocery = self.groceries[0]
        with Form(self.round.with_user(self.warehouse_user)) as form:
            with form.alim_delivery_stop_ids.new() as stop:
                stop.partner_id = grocery
                stop.note = "Back door"
        stop = self.round.alim_delivery_stop_ids
        self.assertEqual(stop.partner_id, grocery)
        self.assertEqual(stop.picking_ids, self.deliveries.filtered(lambda p: p.partner_id == grocery))
        self.assertEqual(stop.load_kg, 70)

    def test_a_planned_round_refuses_deliveries_beyond_its_van(self):
        self.round.with_user(self.warehouse_user).write(
            {"picking_ids": [Command.link(self.deliveries[0].id)]}
        )
        self.round.with_user(self.warehouse_user).action_confirm()
        self.van_category.weight_capacity = 100
        with self.assertRaisesRegex(UserError, "140 kg for 100 kg"):
            self.round.with_user(self.warehouse_user).write(
                {"picking_ids": [Command.link(self.deliveries[1].id)]}
            )

    def test_button_refused_before_the_cycle_is_confirmed(self):
        cycle = self._create_cycle(self.groceries, self.rice, "Draft week")
        with self.assertRaisesRegex(UserError, "when it is confirmed"):
            cycle.with_user(self.manager).action_alim_put_on_round()


@tagged("post_install", "-at_install")
class TestRoundInFrench(AlimRoundsCommon):
    """What a French volunteer reads: the capacity refusal with French numbers and units, a
    new round "Nouveau" until it is saved and numbered."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("fr_FR")
        cls.env["ir.module.module"].search([("name", "=", "alim_rounds")])._update_translations("fr_FR")
        cls.french_warehouse = new_test_user(
            cls.env,
            login="test_round_fr_warehouse",
            groups="alim_food.alim_food_group_warehouse",
            lang="fr_FR",
        )

    def test_capacity_refusal_in_french_with_units(self):
        self.van_category.write(
            {"weight_capacity": 1200, "alim_capacity_pallets": 10, "alim_capacity_cold_boxes": 12}
        )
        cycle = self._create_cycle(
            self.groceries, self.rice | self.yoghurt, "Big week", delivery_round_id=self.round.id
        )
        # 300 x 5 kg of rice, 601 x 0.5 kg of yoghurts: 1 800,5 kg, 13 cold boxes of 25 kg
        self._confirm(
            cycle,
            {
                self.groceries[0]: {self.rice: 150, self.yoghurt: 301},
                self.groceries[1]: {self.rice: 150, self.yoghurt: 300},
            },
        )
        rnd = self.round.with_user(self.french_warehouse).with_context(lang="fr_FR")
        with self.assertRaisesRegex(
            UserError, r"ne tient pas .*: 1\s800,5 kg pour 1\s200 kg, 13 caisses isothermes pour 12\."
        ):
            rnd.action_confirm()

    def test_new_round_reads_nouveau_then_gets_its_number(self):
        batches = self.env["stock.picking.batch"].with_user(self.french_warehouse).with_context(lang="fr_FR")
        form = Form(batches.with_context(default_alim_round_kind="delivery"))
        self.assertEqual(form.name, "Nouveau")
        form.vehicle_id = self.van
        rnd = form.save()
        self.assertTrue(rnd.name.startswith("TL/"), rnd.name)
