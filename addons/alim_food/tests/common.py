"""The world the food tests share: the platform's staff in their real groups, the company's
warehouse, and helpers for what each test class adds to it (rooms, food products, dated lots
in stock, receptions). A class sets only what differs; addons that depend on alim_food build
their own fixtures on this one."""

from odoo import Command
from odoo.tests import new_test_user

from odoo.addons.base.tests.common import BaseCommon

# what makes a product dated: lot tracked with the expiry dates of product_expiry
DATED = {"is_storable": True, "tracking": "lot", "use_expiration_date": True}
# what the dock volunteer measures in cold goods at unloading, within their maximum
MEASURED = {"chilled": 3.0, "frozen": -19.0}


def measured(product):
    """The values of a reception line of ``product``: its temperature, for cold goods."""
    value = MEASURED.get(product.storage_class)
    return {} if value is None else {"alim_reception_temp": value}


class AlimFoodFixtures:
    """A platform manager and a warehouse volunteer, the company's warehouse and its stock.

    A mixin, so that an ``HttpCase`` gets the same world (``AlimFoodCommon`` is the one for a
    ``BaseCommon``, where Odoo's mail and tracking are off)."""

    manager_login = "alim_manager"
    manager_groups = "alim_food.alim_food_group_manager"
    warehouse_login = "alim_warehouse"
    warehouse_groups = "alim_food.alim_food_group_warehouse"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        if cls.manager_login:  # a class that wants no manager sets it to None
            cls.manager = new_test_user(cls.env, login=cls.manager_login, groups=cls.manager_groups)
        cls.warehouse_user = new_test_user(cls.env, login=cls.warehouse_login, groups=cls.warehouse_groups)
        cls.warehouse = cls.env["stock.warehouse"].search([("company_id", "=", cls.env.company.id)], limit=1)
        cls.stock = cls.warehouse.lot_stock_id
        cls.supplier_location = cls.env.ref("stock.stock_location_suppliers")
        cls.customer_location = cls.env.ref("stock.stock_location_customers")

    @classmethod
    def _create_room(cls, name, storage_class, parent=None, **vals):
        """A room of the stock (or of ``parent``) for goods of ``storage_class``."""
        return cls.env["stock.location"].create(
            {
                "name": name,
                "location_id": (parent or cls.stock).id,
                "storage_class": storage_class,
                **vals,
            }
        )

    @classmethod
    def _create_product(cls, name, **vals):
        """A storable product; ``vals`` adds or overrides its fields."""
        return cls.env["product.product"].create({"name": name, "is_storable": True, **vals})

    @classmethod
    def _create_dated_product(cls, name, date_type="dlc", **vals):
        """A lot-tracked product with a use-by (``dlc``) or best-before (``ddm``) date."""
        return cls.env["product.product"].create({"name": name, **DATED, "food_date_type": date_type, **vals})

    @classmethod
    def _create_lot(cls, product, name, expiration=None):
        vals = {"name": name, "product_id": product.id}
        if expiration:
            vals["expiration_date"] = expiration
        return cls.env["stock.lot"].create(vals)

    @classmethod
    def _put_in_stock(cls, product, qty, location=None, lot=None):
        """``qty`` of ``product`` (of ``lot``) available in ``location`` (the stock)."""
        cls.env["stock.quant"]._update_available_quantity(product, location or cls.stock, qty, lot_id=lot)
        return lot

    @classmethod
    def _create_reception(cls, lines, dest=None, partner=None, user=None):
        """A confirmed reception from the suppliers into ``dest`` (the stock), made by ``user``
        (the warehouse volunteer); ``lines`` is a list of (product, quantity)."""
        dest = dest or cls.stock
        vals = {
            "picking_type_id": cls.warehouse.in_type_id.id,
            "location_id": cls.supplier_location.id,
            "location_dest_id": dest.id,
            "move_ids": [
                Command.create(
                    {
                        "name": product.name,
                        "product_id": product.id,
                        "product_uom": product.uom_id.id,
                        "product_uom_qty": qty,
                        "location_id": cls.supplier_location.id,
                        "location_dest_id": dest.id,
                    }
                )
                for product, qty in lines
            ],
        }
        if partner:
            vals["partner_id"] = partner.id
        picking = cls.env["stock.picking"].with_user(user or cls.warehouse_user).create(vals)
        picking.action_confirm()
        return picking

    @classmethod
    def _measure(cls, picking, user=None):
        """The temperature of each line of cold goods, measured by ``user`` (the volunteer)."""
        for line in picking.move_line_ids.with_user(user or cls.warehouse_user):
            if measured(line.product_id):
                line.write(measured(line.product_id))
        return picking


class AlimFoodCommon(AlimFoodFixtures, BaseCommon):
    pass
