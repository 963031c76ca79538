"""Groceries ordering at the same moment, in real concurrent transactions.

These tests commit (each thread has its own cursor, as two HTTP workers would), so they
create their own records under a unique name and remove them afterwards."""

import threading
import time
from datetime import timedelta

from psycopg2.errors import SerializationFailure

from odoo import SUPERUSER_ID, Command, api, fields
from odoo.api import Transaction
from odoo.exceptions import UserError
from odoo.modules.registry import Registry
from odoo.tests import BaseCase, get_db_name, tagged


@tagged("post_install", "-at_install")
class TestLastUnitsConcurrency(BaseCase):
    def setUp(self):
        super().setUp()
        self.registry = Registry(get_db_name())
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            groceries = env["res.partner"].create(
                [
                    {
                        "name": "Race grocery small",
                        "is_company": True,
                        "is_grocery": True,
                        "grocery_status": "active",
                        "households_count": 5,
                    },
                    {
                        "name": "Race grocery big",
                        "is_company": True,
                        "is_grocery": True,
                        "grocery_status": "active",
                        "households_count": 50,
                    },
                ]
            )
            product = env["product.product"].create(
                {"name": "Race last tins", "is_storable": True, "list_price": 1.0}
            )
            stock = env.ref("stock.warehouse0").lot_stock_id
            env["stock.quant"]._update_available_quantity(product, stock, 1)
            now = fields.Datetime.now()
            cycle = env["alim.order.cycle"].create(
                {
                    "name": "Race cycle",
                    "date_open": now - timedelta(hours=1),
                    "date_close": now + timedelta(days=1),
                    "location_id": stock.id,
                    "grocery_ids": [Command.set(groceries.ids)],
                    "line_ids": [Command.create({"product_id": product.id})],
                }
            )
            cycle.action_open()
            self.small_id, self.big_id = groceries.ids
            self.product_id, self.cycle_id = product.id, cycle.id
        self.addCleanup(self._cleanup)

    def _cleanup(self):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            orders = env["sale.order"].search([("cycle_id", "=", self.cycle_id)])
            orders.picking_ids.action_cancel()
            orders.picking_ids.unlink()
            orders._action_cancel()
            orders.unlink()
            env["alim.order.cycle"].browse(self.cycle_id).unlink()
            env["stock.quant"].search([("product_id", "=", self.product_id)]).sudo().unlink()
            env["product.product"].browse(self.product_id).product_tmpl_id.unlink()
            env["res.partner"].browse([self.small_id, self.big_id]).unlink()

    def _order_in_own_transaction(self, grocery_id, qty, results, barrier=None):
        """What one HTTP worker does for one grocery's form: its own cursor, and on a
        serialization failure a rollback and a new try, like Odoo's request dispatcher
        (odoo.service.model.retrying, which cannot run in a thread under the test runner)."""
        with self.registry.cursor() as cr:
            # Odoo's test runner holds the registries' lock: give the cursor its transaction
            # (what Environment would look up through that lock) before making the environment.
            cr.transaction = Transaction(self.registry)
            env = api.Environment(cr, SUPERUSER_ID, {})
            if barrier:
                barrier.wait()
            for _try in range(5):
                try:
                    cycle = env["alim.order.cycle"].browse(self.cycle_id)
                    grocery = env["res.partner"].browse(grocery_id)
                    order = cycle._set_grocery_quantities(grocery, {cycle.line_ids: qty})
                    env.flush_all()
                    results[grocery_id] = order.id
                    return
                except SerializationFailure:
                    cr.rollback()
                    env.invalidate_all()
                    results.setdefault("retries", 0)
                    results["retries"] += 1
                except UserError as error:
                    cr.rollback()
                    results[grocery_id] = error
                    return

    def _run(self, *threads):
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
            self.assertFalse(thread.is_alive(), "a concurrent order never finished")

    def test_two_groceries_order_the_last_unit_at_once(self):
        results, barrier = {}, threading.Barrier(2)
        self._run(
            *(
                threading.Thread(target=self._order_in_own_transaction, args=(gid, 1, results, barrier))
                for gid in (self.small_id, self.big_id)
            )
        )
        # both orders are kept: nothing is lost, nobody is told "try again"
        self.assertTrue(all(isinstance(results[gid], int) for gid in (self.small_id, self.big_id)), results)
        self.assertNotIn("retries", results)  # orders of different groceries do not conflict
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            cycle = env["alim.order.cycle"].browse(self.cycle_id)
            self.assertEqual(len(cycle.order_ids), 2)
            cycle.with_context(alim_close_early=True).action_close()
            cycle.action_allocate()
            cycle.action_confirm()
            lines = cycle.order_ids.order_line
            # ... but only one gets the last unit: the grocery serving more households
            self.assertEqual(sum(lines.mapped("product_uom_qty")), 1)
            self.assertEqual(lines.filtered("product_uom_qty").order_id.partner_id.id, self.big_id)
            self.assertEqual(sum(cycle.order_ids.picking_ids.move_ids.mapped("quantity")), 1)
            small_order = cycle.order_ids.filtered(lambda o: o.partner_id.id == self.small_id)
            self.assertEqual(small_order.state, "cancel")  # nothing left on it

    def test_an_order_saved_while_the_cycle_closes_is_refused_not_slipped_in(self):
        results = {}
        with self.registry.cursor() as closing_cr:
            closing_env = api.Environment(closing_cr, SUPERUSER_ID, {})
            cycle = closing_env["alim.order.cycle"].browse(self.cycle_id)
            cycle.with_context(alim_close_early=True).action_close()
            closing_env.flush_all()  # the row is now locked by the closing transaction
            thread = threading.Thread(target=self._order_in_own_transaction, args=(self.small_id, 1, results))
            thread.start()
            time.sleep(1)
            self.assertTrue(thread.is_alive(), "the order did not wait for the closing")
        # the closing is committed: the order's transaction fails, is retried and refused
        self._run_joined(thread)
        self.assertEqual(results.get("retries"), 1)
        self.assertIsInstance(results[self.small_id], UserError)
        self.assertIn("closed", str(results[self.small_id]))
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            self.assertFalse(env["sale.order"].search([("cycle_id", "=", self.cycle_id)]))

    def _run_joined(self, thread):
        thread.join(timeout=60)
        self.assertFalse(thread.is_alive(), "the order never finished")
