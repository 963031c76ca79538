"""Benchmarks of order cycles (skipped by the normal run: bash tools/bench.sh alim_catalogue;
the catalogue page alone: GESMIP_BENCH_CYCLE= GESMIP_BENCH_SERVER=0 tools/bench.sh alim_catalogue)."""

import logging
import os
import sys
import time
from datetime import timedelta

from odoo import Command, fields
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.alim_catalogue.controllers.portal import PAGE_SIZE, PAGE_SIZE_PARAM

_logger = logging.getLogger(__name__)


def _bench(what, size, queries, seconds, comment):
    line = f"BENCH|{what}|{size}|{queries}|{seconds:.2f}|{comment}"
    sys.stdout.write(line + "\n")
    _logger.info(line)


@tagged("gesmip_bench", "-standard", "post_install", "-at_install")
class TestBenchOrderCycle(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.manager = new_test_user(env, login="bench_manager", groups="alim_food.alim_food_group_manager")
        cls.stock = env.ref("stock.warehouse0").lot_stock_id

    def _make_cycle(self, n_lines, groceries, qty=1000):
        products = self.env["product.product"].create(
            [
                {"name": f"Bench {n_lines} #{i}", "is_storable": True, "list_price": 1.0}
                for i in range(n_lines)
            ]
        )
        for product in products:
            self.env["stock.quant"]._update_available_quantity(product, self.stock, qty)
        now = fields.Datetime.now()
        cycle = self.env["alim.order.cycle"].create(
            {
                "name": f"Bench {n_lines}",
                "date_open": now - timedelta(hours=1),
                "date_close": now + timedelta(days=1),
                "grocery_ids": [Command.set(groceries.ids)],
                "line_ids": [Command.create({"product_id": p.id}) for p in products],
            }
        )
        cycle.action_open()
        return cycle, products

    def _bench_get(self, *urls, runs=5):
        """[(queries, best seconds of ``runs``)] of a GET of each of ``urls`` as the
        authenticated user, after one request each that warms the caches (views, assets,
        rules). The urls take turns, so a slow moment of the machine falls on both pages
        compared rather than on one."""
        for url in urls:
            self.assertEqual(self.url_open(url).status_code, 200)
        queries, seconds = dict.fromkeys(urls), {url: [] for url in urls}
        for _run in range(runs):
            for url in urls:
                self.env.invalidate_all()
                before = self.env.cr.sql_log_count
                start = time.perf_counter()
                response = self.url_open(url)
                seconds[url].append(time.perf_counter() - start)
                self.assertEqual(response.status_code, 200)
                queries[url] = self.env.cr.sql_log_count - before
        return [(queries[url], min(seconds[url])) for url in urls]

    def test_bench_portal_catalogue(self):
        """The catalogue page of a grocery whose order holds every line, first page and all
        lines on one page, beside Odoo's own portal page of a sale order of as many lines
        (``/my/orders/<id>``, the same portal user, its grocery being the order's partner).

        Sizes: GESMIP_BENCH_CATALOGUE="20,50,200,1000" (lines)."""
        grocery = self.env["res.partner"].create(
            {
                "name": "Bench grocery",
                "is_company": True,
                "is_grocery": True,
                "grocery_status": "active",
                "households_count": 50,
            }
        )
        user = new_test_user(
            self.env, login="bench_portal", groups="gesmip_network.gesmip_network_group_grocery"
        )
        user.partner_id.parent_id = grocery
        Param = self.env["ir.config_parameter"]
        sizes = [
            int(size)
            for size in os.environ.get("GESMIP_BENCH_CATALOGUE", "20,50,200,1000").split(",")
            if size
        ]
        for size in sizes:
            cycle, products = self._make_cycle(size, grocery)
            # the grocery has ordered every line: the totals and the warnings read the order
            order = cycle._get_grocery_order(grocery, create=True)
            self.env["sale.order.line"].create(
                [{"order_id": order.id, "product_id": p.id, "product_uom_qty": 2} for p in products]
            )
            # Odoo alone: a sale order of as many lines, read by the grocery on its portal
            odoo_order = self.env["sale.order"].create(
                {
                    "partner_id": grocery.id,
                    "order_line": [
                        Command.create({"product_id": p.id, "product_uom_qty": 2}) for p in products
                    ],
                }
            )
            odoo_order.message_subscribe(partner_ids=grocery.ids)
            self.env.flush_all()
            self.authenticate("bench_portal", "bench_portal")
            url = f"/my/cycles/{cycle.id}"
            [(page_queries, page_time)] = self._bench_get(url)
            shown = min(size, PAGE_SIZE)
            Param.set_param(PAGE_SIZE_PARAM, str(size))
            (all_queries, all_time), (odoo_queries, odoo_time) = self._bench_get(
                url, f"/my/orders/{odoo_order.id}"
            )
            Param.set_param(PAGE_SIZE_PARAM, "")
            _bench(
                f"portal catalogue, first page ({PAGE_SIZE} lines a page)",
                f"{size} lines",
                page_queries,
                page_time,
                f"{page_time / shown * 1000:.2f} ms per line shown; target < 0.5 s, flat queries",
            )
            _bench(
                "portal catalogue, every line on one page",
                f"{size} lines",
                all_queries,
                all_time,
                f"{all_time / size * 1000:.2f} ms per line; {all_time / odoo_time:.2f}x Odoo's order page",
            )
            _bench(
                "Odoo portal order page /my/orders/<id>",
                f"{size} lines",
                odoo_queries,
                odoo_time,
                f"{odoo_time / size * 1000:.2f} ms per line (baseline)",
            )

    def test_bench_cycle_closing(self):
        """Closing a cycle (allocation + confirmation + reservation) next to Odoo's own batch
        confirmation of the same number of orders and lines, in the same run.

        Sizes: GESMIP_BENCH_CYCLE="groceries x lines,..." (default 10x50,50x200; the second
        takes several minutes on 2 cores; empty: none)."""
        for size in filter(None, os.environ.get("GESMIP_BENCH_CYCLE", "10x50,50x200").split(",")):
            n_groceries, n_lines = (int(x) for x in size.split("x"))
            self._bench_cycle_closing(n_groceries, n_lines)

    def _closed_cycle(self, groceries, n_lines):
        """A cycle of ``n_lines`` products ordered 5 each by every grocery, a quarter of them
        scarce, closed."""
        n_groceries = len(groceries)
        cycle, products = self._make_cycle(n_lines, groceries, qty=1000 * n_groceries)
        # a quarter of the lines are scarce: the allocation has work to do
        for product in products[: n_lines // 4]:
            self.env["stock.quant"]._update_available_quantity(
                product, self.stock, -1000 * n_groceries + 3 * n_groceries
            )
        cycle.line_ids._compute_stock()
        for grocery in groceries:
            order = cycle._get_grocery_order(grocery, create=True)
            self.env["sale.order.line"].create(
                [{"order_id": order.id, "product_id": p.id, "product_uom_qty": 5} for p in products]
            )
        cycle.with_context(alim_close_early=True).action_close()
        self.env.flush_all()
        return cycle

    def _run_in_background(self, cycle, action):
        """Click, then run the cycle's cron as a cron worker would until the task is done:
        (seconds of the click, seconds to completion, queries, cron calls, longest call)."""
        before, start = self.env.cr.sql_log_count, time.perf_counter()
        getattr(cycle.with_context(gesmip_job_mode="background"), action)()
        self.env.flush_all()
        click = time.perf_counter() - start
        calls, longest = 0, 0.0
        while cycle.job_state in ("queued", "running"):
            call_start = time.perf_counter()
            self.env["alim.order.cycle"]._job_cron_run()
            self.env.flush_all()
            longest = max(longest, time.perf_counter() - call_start)
            calls += 1
        self.assertEqual(cycle.job_state, "done", cycle.job_message)
        return click, time.perf_counter() - start, self.env.cr.sql_log_count - before, calls, longest

    def _bench_cycle_closing(self, n_groceries, n_lines):
        groceries = self.env["res.partner"].create(
            [
                {
                    "name": f"Bench grocery {n_lines}-{i}",
                    "is_company": True,
                    "is_grocery": True,
                    "grocery_status": "active",
                    "households_count": 10 + i,
                }
                for i in range(n_groceries)
            ]
        )
        size = f"{n_groceries} groceries x {n_lines} lines"
        # at once, in one transaction (what a request did before the background work)
        cycle = self._closed_cycle(groceries, n_lines).with_context(gesmip_job_mode="inline")
        before, start = self.env.cr.sql_log_count, time.perf_counter()
        cycle.action_allocate()
        cycle.action_confirm()
        self.env.flush_all()
        ours_time, ours_queries = time.perf_counter() - start, self.env.cr.sql_log_count - before
        self.assertEqual(set(cycle.order_ids.mapped("state")), {"sale"})
        # in the background: the clicks return at once, the cron does the work in batches
        cycle = self._closed_cycle(groceries, n_lines)
        allocate = self._run_in_background(cycle, "action_allocate")
        confirm = self._run_in_background(cycle, "action_confirm")
        self.assertEqual(cycle.state, "confirmed")
        self.assertEqual(set(cycle.order_ids.mapped("state")), {"sale"})
        bg_time, bg_queries = allocate[1] + confirm[1], allocate[2] + confirm[2]
        bg_calls, bg_longest = allocate[3] + confirm[3], max(allocate[4], confirm[4])
        # Odoo alone: the same orders, confirmed in one batch
        _cycle2, products2 = self._make_cycle(n_lines, groceries, qty=1000 * n_groceries)
        orders = self.env["sale.order"].create(
            [
                {
                    "partner_id": g.id,
                    "order_line": [
                        Command.create({"product_id": p.id, "product_uom_qty": 5}) for p in products2
                    ],
                }
                for g in groceries
            ]
        )
        self.env.flush_all()
        before, start = self.env.cr.sql_log_count, time.perf_counter()
        orders.action_confirm()
        self.env.flush_all()
        odoo_time, odoo_queries = time.perf_counter() - start, self.env.cr.sql_log_count - before
        ratio = ours_time / odoo_time if odoo_time else 0
        _bench(
            "cycle closing (allocate+confirm+reserve)",
            size,
            ours_queries,
            ours_time,
            f"{ratio:.2f}x Odoo; target <= 1.1x",
        )
        _bench(
            "cycle closing clicks, background mode",
            size,
            "",
            allocate[0] + confirm[0],
            f"allocate {allocate[0]:.2f} s + confirm {confirm[0]:.2f} s; return at once",
        )
        _bench(
            "cycle closing in background, to completion",
            size,
            bg_queries,
            bg_time,
            f"{bg_time / odoo_time if odoo_time else 0:.2f}x Odoo; {bg_calls} cron calls, longest "
            f"{bg_longest:.1f} s (limit_time_real 120 s)",
        )
        _bench("Odoo batch confirmation (same orders)", size, odoo_queries, odoo_time, "baseline")
