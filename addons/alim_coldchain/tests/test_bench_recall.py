"""Tracing and holding a recall costs the same number of SQL queries whatever the number of
deliveries of the recalled lot: a test at a few deliveries, and a benchmark at 10 and 500
(``bash tools/bench.sh alim_coldchain``)."""

import logging
import sys
import time
from datetime import timedelta

from odoo.tests import tagged

from .common import ColdChainCommon

_logger = logging.getLogger(__name__)


class RecallCostCommon(ColdChainCommon):
    def _recalled_lot(self, name, deliveries):
        """A lot received, then delivered ``deliveries`` times, to as many groceries."""
        lot = self._lot(self.yoghurt, name, self.now + timedelta(days=20))
        self._move(
            self.yoghurt,
            lot,
            deliveries + 5,
            self.supplier_location,
            self.room,
            self.now - timedelta(days=3),
            picking_type=self.warehouse.in_type_id,
        )
        groceries = self.env["res.partner"].create(
            [{"name": f"{name} grocery {i}", "is_grocery": True} for i in range(deliveries)]
        )
        for grocery in groceries:
            self._move(
                self.yoghurt,
                lot,
                1,
                self.room,
                self.customer_location,
                self.now - timedelta(days=1),
                grocery,
                self.warehouse.out_type_id,
            )
        return lot

    def _open_and_tally(self, lot):
        """Queries and seconds to open a recall of ``lot`` (trace, hold) and read its tally."""
        recall = (
            self.env["alim.recall"]
            .with_user(self.manager)
            .create({"name": f"Recall {lot.name}", "lot_id": lot.id})
        )
        self.env.flush_all()
        self.env.invalidate_all()
        cr = self.env.cr
        queries = cr.sql_log_count
        started = time.perf_counter()
        recall.action_open()
        located = recall.tally_located_percent
        groceries = recall.grocery_count
        self.env.flush_all()
        return recall, cr.sql_log_count - queries, time.perf_counter() - started, located, groceries


@tagged("post_install", "-at_install")
class TestRecallCost(RecallCostCommon):
    def test_queries_do_not_grow_with_the_deliveries(self):
        self._open_and_tally(self._recalled_lot("WARM", 1))  # caches filled once
        _recall, few, _seconds, located, groceries = self._open_and_tally(self._recalled_lot("FEW", 3))
        self.assertEqual((located, groceries), (100.0, 3))
        _recall, many, _seconds, located, groceries = self._open_and_tally(self._recalled_lot("MANY", 15))
        self.assertEqual((located, groceries), (100.0, 15))
        self.assertEqual(few, many, "opening and tallying a recall costs more queries with more deliveries")


@tagged("gesmip_bench", "-standard", "post_install", "-at_install")
class TestBenchRecall(RecallCostCommon):
    def test_bench_recall_open_and_tally(self):
        self._open_and_tally(self._recalled_lot("WARM", 1))  # caches filled once
        for deliveries in (10, 500):
            _recall, queries, seconds, located, groceries = self._open_and_tally(
                self._recalled_lot(f"BENCH-{deliveries}", deliveries)
            )
            assert groceries == deliveries and located == 100.0
            line = f"BENCH|recall: trace, hold and tally|{deliveries} deliveries|{queries}|{seconds:.2f}|"
            sys.stdout.write(line + "\n")
            _logger.info(line)
