import importlib.util
from pathlib import Path

from odoo.tests import tagged

from odoo.addons.base.tests.common import BaseCommon

MIGRATION = Path(__file__).parents[1] / "migrations" / "18.0.1.1.0" / "post-migrate.py"


def _load_migration():
    spec = importlib.util.spec_from_file_location("alim_catalogue_migrate_18_0_1_1_0", MIGRATION)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@tagged("post_install", "-at_install")
class TestPricingMigration(BaseCommon):
    def test_shipped_discount_becomes_the_fee_per_kg_and_edited_rules_are_kept(self):
        member = self.env.ref("alim_catalogue.pricelist_member_item")
        partner = self.env.ref("alim_catalogue.pricelist_partner_item")
        # as they were shipped by 18.0.1.0.0; the partner rule edited by the platform since
        old = {"alim_supply_mode": False, "compute_price": "percentage", "base": "list_price"}
        member.write(dict(old, percent_price=30.0))
        partner.write(dict(old, percent_price=12.0))
        _load_migration().migrate(self.env.cr, "18.0.1.0.0")
        self.env.invalidate_all()
        self.assertEqual(
            (member.alim_supply_mode, member.compute_price, member.base, member.alim_fee_per_kg),
            ("donated", "formula", "alim_weight", 0.10),
        )
        self.assertEqual((partner.compute_price, partner.percent_price), ("percentage", 12.0))
        rice = self.env["product.product"].create({"name": "Migrated rice", "weight": 2.0})
        price = member.pricelist_id._get_product_price(rice, 1.0)
        self.assertAlmostEqual(price, 0.20)
