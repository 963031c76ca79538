from datetime import timedelta

from odoo import Command, fields
from odoo.tests import tagged

from odoo.addons.alim_catalogue.tests.common import CYCLE_MANAGER_GROUPS, AlimCatalogueCommon


@tagged("post_install", "-at_install")
class TestOrderCycleRoundBackground(AlimCatalogueCommon):
    """A cycle confirmed in the background puts its deliveries on its round with the last
    batch; a round that cannot take them fails the task, which is retried once fixed."""

    manager_groups = CYCLE_MANAGER_GROUPS

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.groceries = cls._create_groceries(
            [{"name": f"BG round grocery {i}", "households_count": 10} for i in range(1, 4)]
        )
        rice = cls._create_stocked_products(
            [{"name": "BG round rice 1 kg", "weight": 1.0, "list_price": 1.0}], 1000
        )
        # the round was planned with a small van: the cycle's 60 kg do not fit in it
        cls.van_category = env["fleet.vehicle.model.category"].create(
            {"name": "BG small van", "weight_capacity": 50, "alim_capacity_pallets": 10}
        )
        brand = env["fleet.vehicle.model.brand"].create({"name": "BG platform"})
        model = env["fleet.vehicle.model"].create(
            {"name": "BG small van", "brand_id": brand.id, "category_id": cls.van_category.id}
        )
        cls.van = env["fleet.vehicle"].create({"model_id": model.id, "category_id": cls.van_category.id})
        cls.round = env["stock.picking.batch"].create(
            {
                "alim_round_kind": "delivery",
                "vehicle_id": cls.van.id,
                "scheduled_date": fields.Datetime.now() + timedelta(days=3),
            }
        )
        # the round was planned with a first delivery: its load is checked as deliveries come
        first = env["stock.picking"].create(
            {
                "picking_type_id": env.ref("stock.picking_type_out").id,
                "partner_id": cls.groceries[0].id,
                "move_ids": [
                    Command.create(
                        {
                            "name": rice.name,
                            "product_id": rice.id,
                            "product_uom_qty": 1,
                            "product_uom": rice.uom_id.id,
                        }
                    )
                ],
            }
        )
        first.action_confirm()
        cls.round._alim_add_pickings(first)
        cls.round.action_confirm()
        cls.cycle = cls._open_cycle(cls.groceries, rice, "BG round week", delivery_round_id=cls.round.id)
        for grocery in cls.groceries:
            cls._create_order(cls.cycle, grocery, {rice: 20})
        cls.cycle.with_context(alim_close_early=True).action_close()
        cls.cycle.action_allocate()
        env["ir.config_parameter"].set_param("gesmip.job_batch_seconds", "0")  # an order per cron call
        cls.cron = env.ref("alim_catalogue.alim_order_cycle_job_cron")

    def test_round_refusal_fails_the_last_batch_then_retry(self):
        cycle = self.cycle.with_context(gesmip_job_mode="background")
        orders = cycle.order_ids
        cycle.action_confirm()
        self.cron.method_direct_trigger()
        self.cron.method_direct_trigger()
        self.assertEqual(cycle.job_done, 2)
        self.cron.method_direct_trigger()  # the last order and the round: refused
        self.assertEqual(cycle.job_state, "failed")
        self.assertIn("does not fit in BG platform/BG small van", cycle.job_message)
        # the failed batch was undone as a whole: the last order still a draft, nothing on
        # the round, the cycle not confirmed
        self.assertEqual(sorted(orders.mapped("state")), ["draft", "sale", "sale"])
        self.assertEqual(self.round.alim_delivery_stop_ids.partner_id, self.groceries[0])
        self.assertEqual(cycle.state, "allocated")
        self.van_category.weight_capacity = 5000
        cycle.action_job_retry()
        self.cron.method_direct_trigger()
        self.assertEqual(cycle.job_state, "done")
        self.assertEqual(cycle.state, "confirmed")
        self.assertEqual(self.round.alim_delivery_stop_ids.partner_id, self.groceries)
