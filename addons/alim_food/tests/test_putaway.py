import importlib.util
from pathlib import Path

from odoo import Command
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
            self._measure(picking)
            picking.with_user(self.warehouse_user).button_validate()
        return picking

    def _stored_in(self, product):
        return (
            self.env["stock.quant"]
            .with_user(self.warehouse_user)
            .search(
                [
                    ("product_id", "=", product.id),
                    ("location_id.usage", "=", "internal"),
                    ("quantity", ">", 0),
                ]
            )
            .location_id
        )

    def test_receipt_whose_lines_odoo_prepares(self):
        """A receipt whose lines Odoo prepares itself from its moves (a purchase order's
        receipt, a collection round's): each line is put away in the room of its class."""
        picking = self._create_reception([(self.yogurt, 4), (self.peas, 3), (self.rice, 5)])
        self.assertEqual(
            {(line.product_id, line.location_dest_id) for line in picking.move_line_ids},
            {(self.yogurt, self.cold_room), (self.peas, self.freezer), (self.rice, self.dry_zone)},
        )

    def test_stock_counted_by_hand_goes_to_the_room_of_its_class(self):
        """An inventory adjustment typed in the stock (a quant created by hand, or imported)
        by the warehouse user lands in the room of the product's class."""
        Quant = self.env["stock.quant"].with_user(self.warehouse_user).with_context(inventory_mode=True)
        counted = Quant.create(
            [
                {"product_id": self.yogurt.id, "location_id": self.stock.id, "inventory_quantity": 6},
                {"product_id": self.peas.id, "location_id": self.stock.id, "inventory_quantity": 2},
                {"product_id": self.rice.id, "location_id": self.stock.id, "inventory_quantity": 9},
            ]
        )
        self.assertEqual(counted.location_id, self.cold_room | self.freezer | self.dry_zone)
        counted.action_apply_inventory()
        self.assertEqual(self._stored_in(self.yogurt), self.cold_room)
        self.assertEqual(self._stored_in(self.peas), self.freezer)
        self.assertEqual(self._stored_in(self.rice), self.dry_zone)
        # a room chosen by hand is kept
        Quant.create({"product_id": self.rice.id, "location_id": self.lab.id, "inventory_quantity": 1})
        self.assertEqual(
            Quant.search(
                [("product_id", "=", self.rice.id), ("location_id", "=", self.lab.id)]
            ).inventory_quantity,
            1,
        )
        # the import of a count goes through the same create
        Quant.with_context(import_file=True).load(
            ["product_id/.id", "location_id/.id", "inventory_quantity"],
            [[str(self.yogurt.id), str(self.stock.id), "3"]],
        )
        self.assertFalse(
            Quant.search([("product_id", "=", self.yogurt.id), ("location_id", "=", self.stock.id)])
        )

    def test_returned_goods_go_back_to_the_room_of_their_class(self):
        """Goods a grocery sends back (the return of a delivery) go to the room of their class."""
        self._receive(self.yogurt, self.rice)
        out_type = self.warehouse.out_type_id
        delivery = (
            self.env["stock.picking"]
            .with_user(self.warehouse_user)
            .create(
                {
                    "picking_type_id": out_type.id,
                    "location_id": self.stock.id,
                    "location_dest_id": self.customer_location.id,
                    "move_ids": [
                        Command.create(
                            {
                                "name": product.name,
                                "product_id": product.id,
                                "product_uom_qty": 4,
                                "product_uom": product.uom_id.id,
                                "location_id": self.stock.id,
                                "location_dest_id": self.customer_location.id,
                            }
                        )
                        for product in (self.yogurt, self.rice)
                    ],
                }
            )
        )
        delivery.action_confirm()
        delivery.action_assign()
        delivery.move_ids.picked = True
        if "alim_loading_temp" in delivery._fields:  # the cold chain asks for it at loading
            delivery.alim_loading_temp = 3.0
        delivery.button_validate()
        self.assertEqual(delivery.state, "done")
        wizard = (
            self.env["stock.return.picking"]
            .with_user(self.warehouse_user)
            .with_context(active_id=delivery.id, active_model="stock.picking")
            .create({})
        )
        wizard.product_return_moves.quantity = 4
        returned = self.env["stock.picking"].browse(wizard.action_create_returns()["res_id"])
        returned = returned.with_user(self.warehouse_user)
        returned.move_ids.picked = True
        returned.button_validate()
        self.assertEqual(returned.state, "done")
        lines = {line.product_id: line.location_dest_id for line in returned.move_line_ids}
        self.assertEqual(lines[self.yogurt], self.cold_room)
        self.assertEqual(lines[self.rice], self.dry_zone)

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
