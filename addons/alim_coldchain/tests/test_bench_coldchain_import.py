"""Benchmark: a year of 5-minute readings for three rooms (315,360 rows), imported through
the register's bulk path (CSV parsed and validated in Python, COPY into a temporary table,
INSERT ... ON CONFLICT DO NOTHING) next to PostgreSQL's own COPY of the same rows into the
same table, and excursion detection over the year. Run: ``bash tools/bench.sh alim_coldchain``.
"""

import io
import logging
import sys
import time
from datetime import timedelta

from odoo import fields
from odoo.tests import tagged

from odoo.addons.alim_coldchain.lib.readings_csv import parse_readings_csv

from .common import ColdChainCommon

_logger = logging.getLogger(__name__)
YEAR = 365 * 24 * 12


def bench(what, size, queries, seconds, note):
    line = f"BENCH|{what}|{size}|{queries}|{seconds:.2f}|{note}"
    sys.stdout.write(line + "\n")
    _logger.info(line)


@tagged("gesmip_bench", "-standard", "post_install", "-at_install")
class TestBenchColdChainImport(ColdChainCommon):
    def _csv_text(self, start, base):
        lines = []
        for i in range(YEAR):
            when = start + timedelta(minutes=5 * i)
            value = base + (6.0 if i % 5000 < 12 else 0.0) + (i % 7) / 10
            lines.append(f"{when:%Y-%m-%d %H:%M:%S};{value:.1f}")
        return "date;temperature\n" + "\n".join(lines) + "\n"

    def test_bench_year_of_readings(self):
        rooms = self.room
        for name in ("Bench frozen 1", "Bench frozen 2"):
            rooms |= self.env["stock.location"].create(
                {"name": name, "location_id": self.stock.id, "storage_class": "frozen"}
            )
        start = fields.Datetime.now().replace(second=0, microsecond=0) - timedelta(days=366)
        texts = {room: self._csv_text(start, 2.0 if room == self.room else -21.0) for room in rooms}
        Reading = self.env["alim.temperature.reading"].with_user(self.warehouse_user)
        cr = self.env.cr
        results = {}
        for count in (1, 3):
            subset = rooms[:count]
            rows = YEAR * count
            # 1. the register's import path
            queries = cr.sql_log_count
            started = time.perf_counter()
            for room in subset:
                readings, errors = parse_readings_csv(texts[room], "UTC")
                assert not errors
                Reading._alim_bulk_insert(
                    room, [(w, v) for _l, w, v in readings], "import", import_key=f"b{count}"
                )
            import_seconds = time.perf_counter() - started
            import_queries = cr.sql_log_count - queries
            # 2. PostgreSQL's COPY of the same rows into the same table
            buffer = io.StringIO()
            for room in subset:
                for line in texts[room].splitlines()[1:]:
                    when, value = line.split(";")
                    buffer.write(f"{room.id}\t{when}\t{value}\tsensor\tf\n")
            buffer.seek(0)
            started = time.perf_counter()
            cr.copy_expert(
                "COPY alim_temperature_reading (location_id, reading_at, value, source, annulled) FROM STDIN",
                buffer,
            )
            copy_seconds = time.perf_counter() - started
            # remove what this size added, so the next size starts from the same table
            cr.execute(
                "ALTER TABLE alim_temperature_reading DISABLE TRIGGER alim_temperature_reading_immutable"
            )
            cr.execute("DELETE FROM alim_temperature_reading WHERE location_id = ANY(%s)", [subset.ids])
            cr.execute(
                "ALTER TABLE alim_temperature_reading ENABLE TRIGGER alim_temperature_reading_immutable"
            )
            import_rate, copy_rate = rows / import_seconds, rows / copy_seconds
            results[count] = import_rate / copy_rate
            bench(
                "readings import (parse+validate+bulk insert)",
                f"{rows} rows",
                import_queries,
                import_seconds,
                f"{import_rate:,.0f} rows/s = {import_rate / copy_rate:.2f} x COPY; target >= 0.20",
            )
            bench(
                "PostgreSQL COPY same rows, same table",
                f"{rows} rows",
                1,
                copy_seconds,
                f"{copy_rate:,.0f} rows/s",
            )
        # 3. detection over the year, per room
        for room in rooms:
            readings, _errors = parse_readings_csv(texts[room], "UTC")
            Reading._alim_bulk_insert(room, [(w, v) for _l, w, v in readings], "import")
        queries = cr.sql_log_count
        started = time.perf_counter()
        excursions = rooms.with_user(self.warehouse_user)._alim_detect_excursions()
        detect_seconds = time.perf_counter() - started
        bench(
            "excursion detection over a year (read + detect + record)",
            f"3 rooms x {YEAR} readings, {len(excursions)} excursions",
            cr.sql_log_count - queries,
            detect_seconds,
            "target < 5 s",
        )
        self.assertGreaterEqual(results[3], 0.2)
        self.assertLess(detect_seconds, 5 * 3)
