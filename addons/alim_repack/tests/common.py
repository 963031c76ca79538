"""The world the lab's tests share; each test class says only what differs."""

from datetime import datetime

from odoo import Command
from odoo.tests import Form, new_test_user

from odoo.addons.alim_food.tests.common import AlimFoodFixtures, measured
from odoo.addons.base.tests.common import BaseCommon


class RepackFixtures(AlimFoodFixtures):
    """The lab's world: a lab operator and a lab manager, a dry shelf in the stock, a 25 kg
    sack of bulgur (lot BULK-1, 1 sack in stock) and its 1 kg pack, a grocery."""

    manager_login = None  # the lab manager is the one who allows what the lab may not
    warehouse_login = "test_repack_warehouse"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.lab = new_test_user(cls.env, login="test_lab", groups="alim_repack.alim_repack_group_lab")
        cls.lab_manager = new_test_user(
            cls.env, login="test_lab_manager", groups="alim_repack.alim_repack_group_lab_manager"
        )
        cls.shelf = cls.env["stock.location"].create({"name": "Dry shelf", "location_id": cls.stock.id})
        cls.gluten = cls.env.ref("alim_food.allergen_gluten")
        cls.milk = cls.env.ref("alim_food.allergen_milk")
        category = cls.env["product.category"].create(
            {"name": "Repack test (average cost)", "property_cost_method": "average"}
        )
        common = {
            "is_storable": True,
            "tracking": "lot",
            "categ_id": category.id,
            "food_date_type": "ddm",
            "storage_class": "dry",
        }
        cls.bulk = cls.env["product.product"].create(
            dict(
                common,
                name="Bulgur (sack 25 kg)",
                weight=25.0,
                origin="Lauragais, France",
                allergen_ids=[Command.set(cls.gluten.ids)],
            )
        )
        cls.pack = cls.env["product.product"].create(
            dict(common, name="Bulgur 1 kg", weight=1.0, origin="Lauragais, France", standard_price=5.0)
        )
        cls.best_before = datetime(2030, 6, 30, 12, 0)
        cls.bulk_lot = cls._receive(cls.bulk, "BULK-1", 1.0, 18.0, cls.best_before)
        cls.grocery = cls.env["res.partner"].create({"name": "Épicerie du Mirail", "is_grocery": True})

    @classmethod
    def _receive(cls, product, lot_name, quantity, price, date, location=None):
        lot = cls.env["stock.lot"].create(
            {"name": lot_name, "product_id": product.id, "expiration_date": date}
        )
        move = cls.env["stock.move"].create(
            {
                "name": lot_name,
                "product_id": product.id,
                "product_uom": product.uom_id.id,
                "product_uom_qty": quantity,
                "price_unit": price,
                "location_id": cls.env.ref("stock.stock_location_suppliers").id,
                "location_dest_id": (location or cls.shelf).id,
            }
        )
        move._action_confirm()
        move.move_line_ids = [
            Command.clear(),
            Command.create(
                {
                    "product_id": product.id,
                    "product_uom_id": product.uom_id.id,
                    "quantity": quantity,
                    "lot_id": lot.id,
                    "location_id": move.location_id.id,
                    "location_dest_id": move.location_dest_id.id,
                    **measured(product),
                }
            ),
        ]
        move.picked = True
        move._action_done()
        return lot

    def _product(self, name, **vals):
        return self.env["product.product"].create(
            dict(
                {
                    "name": name,
                    "is_storable": True,
                    "tracking": "lot",
                    "categ_id": self.bulk.categ_id.id,
                    "food_date_type": "ddm",
                    "storage_class": "dry",
                    "weight": 25.0,
                },
                **vals,
            )
        )

    def _order(self, lots, packs_made=0, user=None, **vals):
        user = user or self.lab
        with Form(self.env["alim.repack.order"].with_user(user)) as form:
            form.product_id = self.pack
            for lot in lots:
                with form.input_ids.new() as line:
                    line.lot_id = lot
            form.packs_made = packs_made
            for name, value in vals.items():
                setattr(form, name, value)
        return form.record

    def _delivery(self, product, quantity):
        """A delivery of ``quantity`` of ``product`` to the grocery, confirmed and reserved by
        the warehouse volunteer."""
        customers = self.customer_location
        picking = (
            self.env["stock.picking"]
            .with_user(self.warehouse_user)
            .create(
                {
                    "picking_type_id": self.warehouse.out_type_id.id,
                    "partner_id": self.grocery.id,
                    "location_id": self.stock.id,
                    "location_dest_id": customers.id,
                    "move_ids": [
                        Command.create(
                            {
                                "name": product.name,
                                "product_id": product.id,
                                "product_uom": product.uom_id.id,
                                "product_uom_qty": quantity,
                                "location_id": self.stock.id,
                                "location_dest_id": customers.id,
                            }
                        )
                    ],
                }
            )
        )
        picking.action_confirm()
        picking.action_assign()
        return picking


class RepackCommon(RepackFixtures, BaseCommon):
    """The lab's world for a ``BaseCommon`` (``RepackFixtures`` is the mixin an ``HttpCase``
    takes)."""
