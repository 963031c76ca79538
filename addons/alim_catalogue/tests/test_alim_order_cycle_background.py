from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import CYCLE_MANAGER_GROUPS, AlimCatalogueCommon


@tagged("post_install", "-at_install")
class TestOrderCycleBackground(AlimCatalogueCommon):
    """Allocating and confirming a large cycle runs in the background (gesmip.background.mixin):
    the click returns at once, the cron confirms the orders in batches, the form shows the
    progress, a second click is refused, and a failure leaves a failed task to retry."""

    manager_groups = CYCLE_MANAGER_GROUPS

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.groceries = cls._create_groceries(
            [{"name": f"BG grocery {i}", "households_count": 10 * i} for i in range(1, 4)]
        )
        cls.rice, cls.oil = env["product.product"].create(
            [
                {"name": "BG rice 1 kg", "is_storable": True, "weight": 1.0, "list_price": 1.0},
                {"name": "BG oil 1 l", "is_storable": True, "weight": 1.0, "list_price": 2.0},
            ]
        )
        cls._put_in_stock(cls.rice, 1000)
        cls._put_in_stock(cls.oil, 30)  # scarce: 60 asked
        cls.cycle = cls._open_cycle(cls.groceries, cls.rice | cls.oil, "BG week")
        for grocery in cls.groceries:
            cls._create_order(cls.cycle, grocery, {cls.rice: 10, cls.oil: 20})
        cls.cycle.with_context(alim_close_early=True).action_close()
        cls.cron = env.ref("alim_catalogue.alim_order_cycle_job_cron")
        # one order per cron call, so that the batches can be seen one by one
        env["ir.config_parameter"].set_param("gesmip.job_batch_seconds", "0")

    def _background(self):
        return self.cycle.with_user(self.manager).with_context(gesmip_job_mode="background")

    def _run_cron(self):
        """What the cron worker does: the cron's server action, as the cron's user."""
        self.cron.method_direct_trigger()

    def _pending_triggers(self):
        return self.env["ir.cron.trigger"].search_count([("cron_id", "=", self.cron.id)])

    def test_allocate_and_confirm_in_background(self):
        cycle = self._background()
        triggers = self._pending_triggers()
        cycle.action_allocate()
        # the click returned at once: the allocation is queued and the cron triggered
        self.assertEqual(cycle.state, "closed")
        self.assertEqual(cycle.job_state, "queued")
        self.assertEqual(cycle.job_label, "Allocation")
        self.assertEqual(cycle.job_user_id, self.manager)
        self.assertEqual(self._pending_triggers(), triggers + 1)
        self.assertFalse(cycle.is_action_confirm_allowed)
        with self.assertRaisesRegex(UserError, "already under way"):
            cycle.action_allocate()
        self._run_cron()
        self.assertEqual(cycle.state, "allocated")
        self.assertEqual((cycle.job_state, cycle.job_done, cycle.job_total), ("done", 1, 1))
        self.assertEqual(
            sum(
                cycle.order_ids.order_line.filtered(lambda line: line.product_id == self.oil).mapped(
                    "product_uom_qty"
                )
            ),
            30,
        )

        orders = cycle.order_ids
        cycle.action_confirm()
        self.assertEqual(cycle.state, "allocated")
        self.assertEqual((cycle.job_state, cycle.job_done, cycle.job_total), ("queued", 0, 3))
        self.assertEqual(set(orders.mapped("state")), {"draft"})
        # a second click, or a retry, does not run it twice
        with self.assertRaisesRegex(UserError, "Confirmation of the orders is already under way"):
            cycle.action_confirm()
        with self.assertRaisesRegex(UserError, "no failed task to retry"):
            cycle.action_job_retry()
        # each cron call confirms one order (a budget of 0 s) and the form shows it
        self._run_cron()
        self.assertEqual((cycle.job_state, cycle.job_done), ("running", 1))
        self.assertEqual(orders.mapped("state").count("sale"), 1)
        self.assertEqual(cycle.state, "allocated")
        self._run_cron()
        self.assertEqual(cycle.job_done, 2)
        self._run_cron()
        self.assertEqual((cycle.job_state, cycle.job_done, cycle.job_total), ("done", 3, 3))
        self.assertEqual(set(orders.mapped("state")), {"sale"})
        self.assertEqual(cycle.state, "confirmed")
        self.assertIn(
            "Confirmation of the orders finished: 3 / 3.", " ".join(cycle.message_ids.mapped("body"))
        )
        # nothing left: a further cron call does nothing
        self.assertEqual(self.env["alim.order.cycle"]._job_cron_run(), 0)

    def test_cron_budget_confirms_several_orders_per_call(self):
        self.env["ir.config_parameter"].set_param("gesmip.job_batch_seconds", "60")
        cycle = self._background()
        cycle.action_allocate()
        self.assertEqual(self.env["alim.order.cycle"]._job_cron_run(), 0)
        cycle.action_confirm()
        self.assertEqual(self.env["alim.order.cycle"]._job_cron_run(), 0)
        self.assertEqual((cycle.state, cycle.job_state, cycle.job_done), ("confirmed", "done", 3))

    def test_small_cycle_still_confirms_at_once(self):
        cycle = self.cycle.with_user(self.manager)
        cycle.action_allocate()
        cycle.action_confirm()
        self.assertEqual(cycle.state, "confirmed")
        self.assertEqual((cycle.job_state, cycle.job_done, cycle.job_total), ("done", 3, 3))
        self.assertEqual(set(cycle.order_ids.mapped("state")), {"sale"})

    def test_failure_sets_failed_state_and_keeps_data_consistent(self):
        cycle = self._background()
        cycle.with_context(gesmip_job_mode="inline").action_allocate()
        orders = cycle.order_ids
        cycle.action_confirm()
        self._run_cron()
        self.assertEqual(cycle.job_done, 1)
        # the warehouse's delivery route is archived meanwhile: the next order cannot be shipped
        route = self.env.ref("stock.warehouse0").delivery_route_id
        route.active = False
        self._run_cron()
        self.assertEqual(cycle.job_state, "failed")
        self.assertIn("No rule has been found", cycle.job_message)
        self.assertIn("failed after 1 / 3", " ".join(cycle.message_ids.mapped("body")))
        # the failed batch was undone as a whole: one order confirmed, the others still
        # drafts, the cycle not confirmed
        self.assertEqual(cycle.job_done, 1)
        self.assertEqual(sorted(orders.mapped("state")), ["draft", "draft", "sale"])
        self.assertEqual(cycle.state, "allocated")
        # the route restored, then retried: it goes on from there
        route.active = True
        cycle.action_job_retry()
        self.assertEqual((cycle.job_state, cycle.job_done, cycle.job_total), ("queued", 0, 2))
        self.assertFalse(cycle.job_message)
        self._run_cron()
        self._run_cron()
        self.assertEqual(cycle.job_state, "done")
        self.assertEqual(set(orders.mapped("state")), {"sale"})
        self.assertEqual(cycle.state, "confirmed")

    def test_refusal_at_launch_writes_nothing(self):
        cycle = self._background()
        cycle.with_context(gesmip_job_mode="inline").action_allocate()
        oil_line = cycle.order_ids.order_line.filtered(lambda line: line.product_id == self.oil)[0]
        oil_line.product_uom_qty = 500
        with self.assertRaisesRegex(UserError, "more than the stock holds"):
            cycle.action_confirm()
        self.assertEqual((cycle.job_action, cycle.job_state), ("allocate", "done"))
        self.assertEqual(set(cycle.order_ids.mapped("state")), {"draft"})
