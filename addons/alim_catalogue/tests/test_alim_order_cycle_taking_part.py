"""Only groceries that take part in the network (new or active) are invited to a cycle, get
their standing order applied, an order or a delivery; a project, a suspended grocery or one
that left take part in nothing, whatever the way in (the cycle's form, the ORM or JSON-RPC
of staff, the portal, the opening of a cycle, its allocation and confirmation)."""

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import AlimCatalogueCommon


@tagged("post_install", "-at_install")
class TestOrderCycleTakingPart(AlimCatalogueCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.active, cls.suspended, cls.left, cls.project = cls._create_groceries(
            [
                {"name": "Épicerie active", "grocery_status": "active", "households_count": 10},
                {"name": "Épicerie suspendue", "grocery_status": "suspended", "households_count": 10},
                {"name": "Épicerie partie", "grocery_status": "left", "households_count": 10},
                {"name": "Épicerie en projet", "grocery_status": "project", "households_count": 10},
            ]
        )
        cls.portal_active = cls._create_grocery_user(cls.active, "taking_part_active")
        (cls.rice,) = cls._create_stocked_products([{"name": "Riz participation"}], 100)

    def _suspend(self, grocery):
        grocery.sudo().grocery_status = "suspended"

    def test_only_groceries_taking_part_are_invited(self):
        for grocery in self.suspended | self.left | self.project:
            with self.subTest(grocery.grocery_status), self.assertRaisesRegex(ValidationError, "take part"):
                with self.env.cr.savepoint():
                    self._create_cycle(self.active | grocery, self.rice)
        cycle = self._create_cycle(self.active, self.rice)
        with self.assertRaisesRegex(ValidationError, "take part"), self.env.cr.savepoint():
            cycle.with_user(self.manager).write({"grocery_ids": [Command.link(self.left.id)]})
        # a grocery suspended once invited stays on the cycle's list: the cycle can still change
        self._suspend(self.active)
        cycle.with_user(self.manager).write({"name": "Semaine renommée"})

    def test_a_suspended_grocerys_standing_order_is_not_applied(self):
        self.env["alim.standing.order"].create(
            {
                "partner_id": self.active.id,
                "line_ids": [Command.create({"product_id": self.rice.id, "quantity": 4})],
            }
        )
        cycle = self._create_cycle(self.active, self.rice)
        self._suspend(self.active)
        cycle.with_user(self.manager).action_open()
        self.assertFalse(cycle.order_ids)

    def test_no_order_for_a_grocery_not_taking_part(self):
        cycle = self._open_cycle(self.active, self.rice)
        self._suspend(self.active)
        with self.assertRaisesRegex(UserError, "does not take part"), self.env.cr.savepoint():
            self.env["sale.order"].with_user(self.manager).create(
                {"partner_id": self.active.id, "cycle_id": cycle.id}
            )
        line = cycle.line_ids
        with self.assertRaisesRegex(UserError, "does not take part"), self.env.cr.savepoint():
            cycle.with_user(self.portal_active)._alim_portal_set_quantities({line.id: "3"})
        self.assertFalse(cycle.order_ids)

    def test_orders_of_a_grocery_suspended_after_ordering_are_cancelled_at_allocation(self):
        other = self._create_grocery("Épicerie toujours active", grocery_status="active")
        cycle = self._open_cycle(self.active | other, self.rice)
        order = self._create_order(cycle, self.active, {self.rice: 5})
        kept = self._create_order(cycle, other, {self.rice: 5})
        self._suspend(self.active)
        Cycle = cycle.with_user(self.manager)
        Cycle.with_context(alim_close_early=True).action_close()
        Cycle.action_allocate()
        self.assertEqual(order.state, "cancel")
        self.assertIn("Épicerie active", cycle.message_ids[0].body)
        Cycle.action_confirm()
        self.assertEqual(kept.state, "sale")
        self.assertFalse(order.picking_ids)
