import importlib.util
from pathlib import Path

from odoo.tests import tagged

from .common import GesmipNetworkCommon

MIGRATION = Path(__file__).parents[1] / "migrations" / "18.0.1.0.1" / "post-migrate.py"


def _load_migration():
    spec = importlib.util.spec_from_file_location("gesmip_network_migrate_18_0_1_0_1", MIGRATION)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@tagged("post_install", "-at_install")
class TestMigration(GesmipNetworkCommon):
    def test_status_since_filled_from_opening_date(self):
        self.grocery_a.grocery_opening_date = "2015-04-01"
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE res_partner SET grocery_status_since = NULL WHERE id IN %s",
            [(self.grocery_a.id, self.grocery_b.id)],
        )
        _load_migration().migrate(self.env.cr, "18.0.1.0.0")
        self.env.invalidate_all()
        self.assertEqual(str(self.grocery_a.grocery_status_since), "2015-04-01")
        self.assertEqual(self.grocery_b.grocery_status_since, self.grocery_b.create_date.date())

    def test_fresh_install_does_nothing(self):
        self.env.cr.execute(
            "UPDATE res_partner SET grocery_status_since = NULL WHERE id = %s", [self.grocery_a.id]
        )
        _load_migration().migrate(self.env.cr, None)
        self.env.invalidate_all()
        self.assertFalse(self.grocery_a.grocery_status_since)
