"""Tracing and holding a recall through receipt -> repack -> deliveries costs the same number
of SQL queries whatever the number of deliveries of the packs, as Odoo's own lot
traceability report does: a test at a few deliveries, and a benchmark at 10 and 500
deliveries beside Odoo's report (``bash tools/bench.sh gesmip_suite``)."""

import logging
import sys
import time
from datetime import datetime, timedelta

from odoo import fields
from odoo.tests import Form, new_test_user, tagged

from odoo.addons.alim_coldchain.tests.common import done_move
from odoo.addons.base.tests.common import BaseCommon

_logger = logging.getLogger(__name__)


class RecallRepackCostCommon(BaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.quality = new_test_user(
            cls.env, login="bench_quality", groups="alim_food.alim_food_group_manager"
        )
        cls.lab = new_test_user(cls.env, login="bench_lab", groups="alim_repack.alim_repack_group_lab")
        cls.warehouse = cls.env["stock.warehouse"].search([("company_id", "=", cls.env.company.id)], limit=1)
        cls.stock = cls.warehouse.lot_stock_id
        common = {"is_storable": True, "food_date_type": "ddm", "storage_class": "dry"}
        cls.bulk = cls.env["product.product"].create(dict(common, name="Bench rice (sack)", weight=25.0))
        cls.pack = cls.env["product.product"].create(dict(common, name="Bench rice 10 g", weight=0.01))

    def _packs_delivered(self, name, deliveries):
        """A bulk lot received, repacked into packs, the packs delivered ``deliveries`` times
        to as many groceries. Returns (bulk lot, pack lot)."""
        now = fields.Datetime.now()
        bulk_lot = self.env["stock.lot"].create(
            {"name": name, "product_id": self.bulk.id, "expiration_date": datetime(2030, 6, 30, 12)}
        )
        done_move(
            self.env,
            self.bulk,
            bulk_lot,
            1,
            self.env.ref("stock.stock_location_suppliers"),
            self.stock,
            now - timedelta(days=3),
            picking_type=self.warehouse.in_type_id,
        )
        with Form(self.env["alim.repack.order"].with_user(self.lab)) as form:
            form.product_id = self.pack
            with form.input_ids.new() as line:
                line.lot_id = bulk_lot
                line.quantity = 1.0
            form.packs_made = 2500
        order = form.record
        order.with_user(self.lab).action_done()
        pack_lot = order.output_lot_id
        groceries = self.env["res.partner"].create(
            [
                {"name": f"{name} grocery {i}", "is_grocery": True, "grocery_status": "active"}
                for i in range(deliveries)
            ]
        )
        for grocery in groceries:
            done_move(
                self.env,
                self.pack,
                pack_lot,
                1,
                self.stock,
                self.env.ref("stock.stock_location_customers"),
                now - timedelta(days=1),
                grocery,
                self.warehouse.out_type_id,
            )
        return bulk_lot, pack_lot

    def _measure(self, function):
        self.env.flush_all()
        self.env.invalidate_all()
        cr = self.env.cr
        queries = cr.sql_log_count
        started = time.perf_counter()
        result = function()
        self.env.flush_all()
        return result, cr.sql_log_count - queries, time.perf_counter() - started

    def _recall(self, bulk_lot):
        """Open a recall of the bulk lot (trace down to the packs, hold, tally) and read who
        received them."""
        recall = (
            self.env["alim.recall"]
            .with_user(self.quality)
            .create({"name": f"Recall {bulk_lot.name}", "lot_id": bulk_lot.id})
        )

        def run():
            recall.action_open()
            return recall.grocery_count, recall.tally_located_percent, len(recall.held_lot_ids)

        return self._measure(run)

    def _odoo_traceability(self, lot):
        """Odoo's own lot traceability report (Inventory > Lots > Traceability) of ``lot``."""
        report = self.env["stock.traceability.report"].with_user(self.quality)
        return self._measure(
            lambda: len(report.with_context(active_id=lot.id, model="stock.lot").get_lines())
        )


@tagged("post_install", "-at_install")
class TestRecallRepackCost(RecallRepackCostCommon):
    def test_recall_through_a_repack_costs_the_same_queries_at_any_number_of_deliveries(self):
        self._recall(self._packs_delivered("WARM", 1)[0])  # caches filled once
        (groceries, located, held), few, _seconds = self._recall(self._packs_delivered("FEW", 3)[0])
        self.assertEqual((groceries, located, held), (3, 100.0, 2))
        (groceries, located, held), many, _seconds = self._recall(self._packs_delivered("MANY", 15)[0])
        self.assertEqual((groceries, located, held), (15, 100.0, 2))
        self.assertEqual(few, many, "a recall through a repack costs more queries with more deliveries")


@tagged("gesmip_bench", "-standard", "post_install", "-at_install")
class TestBenchRecallRepack(RecallRepackCostCommon):
    def test_bench_recall_through_repack(self):
        self._recall(self._packs_delivered("WARM", 1)[0])
        self._odoo_traceability(self._packs_delivered("WARM2", 1)[1])
        for deliveries in (10, 500):
            bulk_lot, pack_lot = self._packs_delivered(f"BENCH-{deliveries}", deliveries)
            (_lines), odoo_queries, odoo_seconds = self._odoo_traceability(pack_lot)
            (groceries, located, _held), queries, seconds = self._recall(bulk_lot)
            assert groceries == deliveries and located == 100.0
            for what, count, spent, note in (
                ("recall through a repack: trace, hold, tally", queries, seconds, "must not grow"),
                ("Odoo lot traceability report (pack lot)", odoo_queries, odoo_seconds, "Odoo's own"),
            ):
                line = f"BENCH|{what}|{deliveries} deliveries|{count}|{spent:.2f}|{note}"
                sys.stdout.write(line + "\n")
                _logger.info(line)
