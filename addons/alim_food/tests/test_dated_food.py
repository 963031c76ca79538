import importlib.util
from datetime import timedelta
from pathlib import Path

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .common import AlimFoodCommon

MIGRATION = Path(__file__).parents[1] / "migrations" / "18.0.1.1.0" / "post-migrate.py"


@tagged("post_install", "-at_install")
class TestDatedFood(AlimFoodCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cold_room = cls._create_room("Dates cold room", "chilled")
        # not dated by the helper: its tracking comes from its date type alone
        cls.cream = cls._create_product("Crème fraîche", food_date_type="dlc", storage_class="chilled")

    def test_a_new_dated_product_is_lot_tracked_with_expiry_dates(self):
        with Form(self.env["product.template"].with_user(self.manager)) as form:
            form.name = "Lentilles 500 g"
            form.is_storable = True
            form.food_date_type = "ddm"
        product = form.record
        self.assertEqual((product.tracking, product.use_expiration_date), ("lot", True))
        undated = (
            self.env["product.template"]
            .with_user(self.manager)
            .create({"name": "Sacs kraft", "is_storable": True})
        )
        self.assertEqual(undated.tracking, "none")
        # created as a variant too (Odoo recomputes the tracking after the template's create)
        self.assertEqual((self.cream.tracking, self.cream.use_expiration_date), ("lot", True))
        undated.food_date_type = "dlc"
        self.assertEqual((undated.tracking, undated.use_expiration_date), ("lot", True))

    def test_migration_tracks_existing_dated_products(self):
        self.env.cr.execute(
            "UPDATE product_template SET tracking = 'none', use_expiration_date = false WHERE id = %s",
            [self.cream.product_tmpl_id.id],
        )
        self.env.invalidate_all()
        spec = importlib.util.spec_from_file_location("alim_food_migrate_18_0_1_1_0", MIGRATION)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        module.migrate(self.env.cr, "18.0.1.0.0")
        self.env.invalidate_all()
        self.assertEqual((self.cream.tracking, self.cream.use_expiration_date), ("lot", True))

    def _reception(self, hours_left):
        picking = self._create_reception([(self.cream, 6)], dest=self.cold_room)
        picking.move_ids.move_line_ids.write(
            {
                "lot_name": "CR-20H",
                "quantity": 6,
                "expiration_date": fields.Datetime.now() + timedelta(hours=hours_left),
            }
        )
        picking.move_ids.picked = True
        return self._measure(picking)

    def test_use_by_with_20_hours_left_refused_without_a_reason(self):
        picking = self._reception(20)
        with self.assertRaisesRegex(UserError, "less than 48 hours"), self.env.cr.savepoint():
            picking.with_user(self.warehouse_user).button_validate()
        self.assertEqual(picking.state, "assigned")
        self.assertFalse(self.env["stock.lot"].search([("name", "=", "CR-20H")]))

    def test_use_by_with_20_hours_left_accepted_with_a_reason(self):
        picking = self._reception(20)
        picking.move_line_ids.with_user(
            self.warehouse_user
        ).alim_short_date_reason = (
            "Delivered tomorrow morning to the Minimes grocery, handed out the same day."
        )
        picking.with_user(self.warehouse_user).button_validate()
        self.assertEqual(picking.state, "done")

    def test_use_by_with_three_days_left_accepted(self):
        picking = self._reception(72)
        picking.with_user(self.warehouse_user).button_validate()
        self.assertEqual(picking.state, "done")
