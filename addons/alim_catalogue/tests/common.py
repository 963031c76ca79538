"""The world the catalogue tests share, on top of alim_food's: member groceries with their
households, their portal users in the real grocery group, products in stock, an order cycle
open to the groceries, and a grocery's order in it. A class sets only what differs."""

from datetime import timedelta

from odoo import Command, fields
from odoo.tests import HttpCase, new_test_user

from odoo.addons.alim_food.tests.common import AlimFoodFixtures
from odoo.addons.base.tests.common import BaseCommon

GROCERY_GROUP = "gesmip_network.gesmip_network_group_grocery"
# a manager who closes cycles and confirms their sale orders
CYCLE_MANAGER_GROUPS = "alim_food.alim_food_group_manager,sales_team.group_sale_manager"


class AlimCatalogueFixtures(AlimFoodFixtures):
    """alim_food's staff and warehouse, and the helpers that make groceries, stock, cycles
    and orders (a mixin: ``AlimCatalogueCommon`` and ``AlimCatalogueHttpCommon`` use it)."""

    @classmethod
    def _create_groceries(cls, vals_list):
        """Member groceries (companies, active unless said); each dict gives at least the name."""
        return cls.env["res.partner"].create(
            [
                {"is_company": True, "is_grocery": True, "grocery_status": "active", **vals}
                for vals in vals_list
            ]
        )

    @classmethod
    def _create_grocery(cls, name, households=10, **vals):
        return cls._create_groceries([{"name": name, "households_count": households, **vals}])

    @classmethod
    def _create_grocery_user(cls, grocery, login):
        """A portal user of ``grocery`` in the grocery group (password: the login)."""
        user = new_test_user(cls.env, login=login, groups=GROCERY_GROUP)
        user.partner_id.parent_id = grocery
        return user

    @classmethod
    def _create_stocked_products(cls, vals_list, qty, location=None):
        """Storable products, ``qty`` of each available in ``location`` (the stock); none
        in stock when ``qty`` is 0."""
        products = cls.env["product.product"].create([{"is_storable": True, **vals} for vals in vals_list])
        for product in products if qty else ():
            cls._put_in_stock(product, qty, location)
        return products

    @classmethod
    def _create_cycle(cls, groceries, products=(), name="Test week", user=None, **vals):
        """A draft cycle of ``groceries`` offering ``products``, opened an hour ago and closing
        in a day, made by ``user`` (the manager); ``vals`` adds or overrides its fields."""
        now = fields.Datetime.now()
        values = {
            "name": name,
            "date_open": now - timedelta(hours=1),
            "date_close": now + timedelta(days=1),
            "grocery_ids": [Command.set(groceries.ids)],
            "line_ids": [Command.create({"product_id": product.id}) for product in products],
            **vals,
        }
        return cls.env["alim.order.cycle"].with_user(user or cls.manager).create(values)

    @classmethod
    def _open_cycle(cls, groceries, products=(), name="Test week", user=None, **vals):
        """The same cycle, open to the groceries' orders."""
        cycle = cls._create_cycle(groceries, products, name, user, **vals)
        cycle.action_open()
        return cycle

    @classmethod
    def _create_order(cls, cycle, grocery, quantities):
        """``grocery``'s order in ``cycle`` with ``quantities`` ({product: quantity}) added."""
        order = cycle._get_grocery_order(grocery, create=True)
        cls.env["sale.order.line"].create(
            [
                {"order_id": order.id, "product_id": product.id, "product_uom_qty": qty}
                for product, qty in quantities.items()
            ]
        )
        return order


class AlimCatalogueCommon(AlimCatalogueFixtures, BaseCommon):
    pass


class AlimCatalogueHttpCommon(AlimCatalogueFixtures, HttpCase):
    pass
