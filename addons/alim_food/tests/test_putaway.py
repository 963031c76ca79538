import importlib.util
from pathlib import Path

from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval

from .common import AlimFoodCommon

MIGRATION = Path(__file__).parents[1] / "migrations" / "18.0.1.2.0" / "post-migrate.py"


@tagged("post_install", "-at_install")
class TestPutawayByStorageClass(AlimFoodCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Location = cls.env["stock.location"].with_user(cls.manager)
        cls.dry_zone, cls.cold_room, cls.freezer, cls.freezer_2 = Location.create(
            [
                {
                    "name": "Zone sèche",
                    "location_id": cls.stock.id,
                    "storage_class": "dry",
                    "pallet_places": 300,
                },
                {"name": "Chambre froide positive", "location_id": cls.stock.id, "storage_class": "chilled"},
                {"name": "Chambre froide négative 1", "location_id": cls.stock.id, "storage_class": "frozen"},
                {"name": "Chambre froide négative 2", "location_id": cls.stock.id, "storage_class": "frozen"},
            ]
        )
        cls.lab = Location.create(
            {"name": "Laboratoire", "location_id": cls.stock.id, "storage_class": "dry"}
        )
        cls.yogurt = cls._create_product("Yaourt nature", storage_class="chilled")
        cls.rice = cls._create_product("Riz 1 kg", storage_class="dry")
        cls.peas = cls._create_product("Petits pois surgelés", storage_class="frozen")

    def _rules(self):
        return self.env["stock.putaway.rule"].search(
            [("location_in_id", "=", self.stock.id), ("alim_storage_class", "!=", False)]
        )

    def _receive(self, *products, validate=True):
        """A reception of 10 units of each product into the stock, as the warehouse user."""
        picking = self._create_reception([(product, 10) for product in products])
        if validate:
            picking.move_ids.picked = True
            picking.button_validate()
        return picking

    def test_one_rule_per_class_to_the_first_room(self):
        rules = self._rules()
        self.assertEqual(
            {(rule.alim_storage_class, rule.location_out_id) for rule in rules},
            {("dry", self.dry_zone), ("chilled", self.cold_room), ("frozen", self.freezer)},
        )
        # a shelf inside a room is not a room of its own
        shelf = (
            self.env["stock.location"]
            .with_user(self.manager)
            .create({"name": "Étagère A", "location_id": self.cold_room.id, "storage_class": "chilled"})
        )
        self.assertFalse(self.env["stock.putaway.rule"].search([("location_out_id", "=", shelf.id)]))

    def test_received_goods_go_to_the_room_of_their_class(self):
        picking = self._receive(self.yogurt, self.rice, self.peas)
        self.assertEqual(picking.state, "done")
        Quant = self.env["stock.quant"].with_user(self.warehouse_user)

        def stored_in(product):
            return Quant.search(
                [("product_id", "=", product.id), ("location_id.usage", "=", "internal")]
            ).location_id

        self.assertEqual(stored_in(self.yogurt), self.cold_room)
        self.assertEqual(stored_in(self.rice), self.dry_zone)
        self.assertEqual(stored_in(self.peas), self.freezer)
        # the room's "Current Stock" screen shows them
        action = (
            self.env["ir.actions.act_window"]
            .with_user(self.warehouse_user)
            ._for_xml_id("stock.location_open_quants")
        )
        domain = [("location_id", "child_of", self.cold_room.ids)]
        self.assertIn("child_of", str(action["domain"]))
        self.assertEqual(Quant.search(domain).product_id, self.yogurt)
        rooms = (
            self.env["ir.actions.act_window"]
            .with_user(self.warehouse_user)
            ._for_xml_id("alim_food.stock_location_action_room")
        )
        listed = self.env["stock.location"].with_user(self.warehouse_user).search(safe_eval(rooms["domain"]))
        self.assertIn(self.cold_room, listed)

    def test_a_move_to_a_room_of_another_class_is_still_refused(self):
        picking = self._receive(self.yogurt, validate=False)
        self.assertEqual(picking.move_line_ids.location_dest_id, self.cold_room)
        picking.move_line_ids.with_user(self.warehouse_user).location_dest_id = self.dry_zone
        picking.move_ids.picked = True
        with self.assertRaisesRegex(UserError, "that room is for another kind of goods"):
            picking.with_user(self.warehouse_user).button_validate()

    def test_a_room_that_changes_class_loses_its_rule(self):
        self.cold_room.with_user(self.manager).storage_class = "frozen"
        self.assertFalse(self._rules().filtered(lambda rule: rule.alim_storage_class == "chilled"))
        self.assertEqual(
            self._rules().filtered(lambda rule: rule.alim_storage_class == "frozen").location_out_id,
            self.freezer,
        )

    def test_migration_gives_existing_rooms_their_rules(self):
        self._rules().unlink()
        self.assertEqual(self._receive(self.yogurt).move_line_ids.location_dest_id, self.stock)
        spec = importlib.util.spec_from_file_location("alim_food_putaway_migration", MIGRATION)
        migration = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(migration)
        migration.migrate(self.env.cr, "18.0.1.1.0")
        self.env.invalidate_all()
        self.assertEqual(len(self._rules()), 3)
        self.assertEqual(self._receive(self.yogurt).move_line_ids.location_dest_id, self.cold_room)
