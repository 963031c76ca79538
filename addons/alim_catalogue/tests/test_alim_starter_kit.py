from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .common import AlimCatalogueCommon


@tagged("post_install", "-at_install")
class TestStarterKit(AlimCatalogueCommon):
    warehouse_groups = "alim_food.alim_food_group_warehouse,sales_team.group_sale_salesman_all_leads"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.grocery = cls._create_grocery("Brand new grocery", households=25)
        cls.rice, cls.oil = env["product.product"].create(
            [{"name": "Kit rice", "weight": 1.0}, {"name": "Kit oil", "weight": 0.92}]
        )
        cls.kit = env["alim.starter.kit"].create(
            {
                "name": "Test kit",
                "reference_households": 10,
                "line_ids": [
                    Command.create({"product_id": cls.rice.id, "quantity": 10}),
                    Command.create({"product_id": cls.oil.id, "quantity": 3}),
                ],
            }
        )

    def _wizard(self, **values):
        context = {"default_partner_id": self.grocery.id}
        form = Form(
            self.env["alim.starter.kit.wizard"].with_user(self.warehouse_user).with_context(**context)
        )
        form.kit_id = self.kit
        for name, value in values.items():
            setattr(form, name, value)
        return form.save()

    def test_kit_scaled_to_households_becomes_the_first_order(self):
        wizard = self._wizard()
        self.assertEqual(wizard.households, 25)
        action = wizard.action_create_order()
        order = self.env["sale.order"].browse(action["res_id"])
        self.assertEqual(order.partner_id, self.grocery)
        self.assertEqual(order.state, "draft")
        self.assertEqual(
            {line.product_id: line.product_uom_qty for line in order.order_line}, {self.rice: 25, self.oil: 8}
        )
        self.assertIn("25 households", order.message_ids[0].body)

    def test_refusals(self):
        with self.assertRaisesRegex(UserError, "households"):
            self._wizard(households=0).action_create_order()
        order = self.env["sale.order"].browse(self._wizard().action_create_order()["res_id"])
        order.action_confirm()
        with self.assertRaisesRegex(UserError, "already has confirmed orders"):
            self._wizard().action_create_order()

    def test_only_managers_edit_kits(self):
        with self.assertRaises(AccessError):
            self.kit.with_user(self.warehouse_user).write({"name": "Mine"})
