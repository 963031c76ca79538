import hashlib
import importlib.util
from datetime import timedelta
from pathlib import Path

from odoo import fields
from odoo.tests import tagged

from odoo.addons.base.tests.common import BaseCommon

MIGRATION = Path(__file__).parents[1] / "migrations" / "18.0.1.1.0" / "post-migrate.py"


@tagged("post_install", "-at_install")
class TestSensorTokenMigration(BaseCommon):
    def test_clear_tokens_become_hashes_and_keep_working(self):
        """A database of 18.0.1.0.0 kept the tokens in clear in a ``token`` column: after the
        update only their SHA-256 is kept, the sensors still authenticate, and a sensor's
        installation date is the day it was created."""
        room = self.env.ref("stock.warehouse0").lot_stock_id
        sensor = self.env["alim.temperature.sensor"].create({"name": "Old probe", "location_id": room.id})
        cr = self.env.cr
        cr.execute("ALTER TABLE alim_temperature_sensor ADD COLUMN token varchar")
        created = (fields.Datetime.now() - timedelta(days=100)).replace(microsecond=0)
        cr.execute(
            "UPDATE alim_temperature_sensor SET token = 'old-clear-token', token_hash = NULL,"
            " create_date = %s WHERE id = %s",
            [created, sensor.id],
        )
        spec = importlib.util.spec_from_file_location("alim_coldchain_migrate_18_0_1_1_0", MIGRATION)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        module.migrate(cr, "18.0.1.0.0")
        self.env.invalidate_all()
        cr.execute("SELECT count(*) FROM alim_temperature_sensor WHERE token IS NOT NULL")
        self.assertEqual(cr.fetchone()[0], 0, "the clear tokens are gone")
        self.assertEqual(sensor.sudo().token_hash, hashlib.sha256(b"old-clear-token").hexdigest())
        self.assertEqual(self.env["alim.temperature.sensor"]._alim_authenticate("old-clear-token"), sensor)
        self.assertEqual(sensor.install_date, created)
