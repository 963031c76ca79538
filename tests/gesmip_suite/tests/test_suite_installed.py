from odoo.tests import TransactionCase, new_test_user, tagged

from .suite_addons import SUITE


@tagged("post_install", "-at_install")
class TestSuiteInstalled(TransactionCase):
    def test_five_addons_installed(self):
        modules = self.env["ir.module.module"].search([("name", "in", SUITE)])
        self.assertEqual(set(modules.mapped("state")), {"installed"})
        self.assertEqual(len(modules), len(SUITE))

    def test_grocery_is_a_customer_of_the_platform(self):
        """A grocery kept by the network is the customer the platform sells to."""
        coordinator = new_test_user(
            self.env, login="suite_coordinator", groups="gesmip_network.gesmip_network_group_coordinator"
        )
        grocery = (
            self.env["res.partner"]
            .with_user(coordinator)
            .create(
                {
                    "name": "Épicerie de Castres",
                    "is_company": True,
                    "is_grocery": True,
                    "grocery_status": "active",
                    "households_count": 60,
                }
            )
        )
        salesman = new_test_user(
            self.env, login="suite_salesman", groups="sales_team.group_sale_salesman_all_leads"
        )
        product = self.env["product.product"].create({"name": "Riz 1 kg", "weight": 1.0, "list_price": 0.5})
        order = (
            self.env["sale.order"]
            .with_user(salesman)
            .create(
                {
                    "partner_id": grocery.id,
                    "order_line": [(0, 0, {"product_id": product.id, "product_uom_qty": 10})],
                }
            )
        )
        self.assertEqual(order.partner_id.households_count, 60)
        # no member tier: the non-member rate for donated goods, 0.40 per kg
        self.assertEqual(order.amount_untaxed, 4.0)
