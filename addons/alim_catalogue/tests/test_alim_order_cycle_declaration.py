"""The groceries' monthly figures in the catalogue: the households of the latest declared
month weigh in the fair allocation, and, when the company says so, a grocery that owes last
month's figures cannot order, by any way in (the portal's form, JSON-RPC of staff, the
standing order applied at a cycle's opening), and reads why on its cycle page."""

import json
import re
from html import unescape

from odoo import Command, fields, http
from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.gesmip_network.lib.declaration import previous_month

from .common import CYCLE_MANAGER_GROUPS, AlimCatalogueHttpCommon


@tagged("post_install", "-at_install")
class TestOrderCycleDeclaration(AlimCatalogueHttpCommon):
    manager_groups = CYCLE_MANAGER_GROUPS

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the same households on their forms: only what they declare tells them apart
        cls.big, cls.small = cls._create_groceries(
            [
                {"name": "Épicerie grande", "households_count": 20},
                {"name": "Épicerie petite", "households_count": 20},
            ]
        )
        cls.portal_big = cls._create_grocery_user(cls.big, "declaration_big")
        (cls.rice,) = cls._create_stocked_products([{"name": "Riz déclaration"}], 30)
        cls.last_month = previous_month(fields.Date.context_today(cls.env["gesmip.grocery.declaration"]))
        cls.company = cls.env.company

    def _declare(self, grocery, households, month=None):
        return self.env["gesmip.grocery.declaration"].create(
            {
                "grocery_id": grocery.id,
                "month": month or self.last_month,
                "households_count": households,
                "people_count": households * 2,
                "state": "declared",
            }
        )

    def _allocate(self):
        cycle = self._open_cycle(self.big | self.small, self.rice)
        orders = self._create_order(cycle, self.big, {self.rice: 30}) | self._create_order(
            cycle, self.small, {self.rice: 30}
        )
        Cycle = cycle.with_user(self.manager)
        Cycle.with_context(alim_close_early=True).action_close()
        Cycle.action_allocate()
        return {order.partner_id: order.order_line.product_uom_qty for order in orders}

    # --- fair allocation ---------------------------------------------------------------------
    def test_allocation_follows_the_declared_households(self):
        # 30 of rice asked twice: shared by the households of the latest declared month
        self._declare(self.big, 10, month=previous_month(self.last_month))  # an older month
        self._declare(self.big, 50)
        self._declare(self.small, 10)
        shares = self._allocate()
        self.assertEqual(shares, {self.big: 25, self.small: 5})
        self.assertEqual(self.big.households_count, 20)  # the form is untouched

    def test_allocation_by_the_form_without_declaration(self):
        self.assertEqual(self._allocate(), {self.big: 15, self.small: 15})

    def test_quota_per_household_follows_the_declared_households(self):
        cycle = self._create_cycle(self.big, self.rice)
        line = cycle.line_ids
        line.quota_per_household = 0.5
        self.assertEqual(line._grocery_limit(self.big), 10)
        self._declare(self.big, 40)
        self.big.invalidate_recordset()
        self.assertEqual(line._grocery_limit(self.big), 20)

    # --- ordering waits for last month's figures ---------------------------------------------
    def _call_kw(self, model, method, args, kwargs=None):
        response = self.url_open(
            f"/web/dataset/call_kw/{model}/{method}",
            data=json.dumps(
                {
                    "jsonrpc": "2.0",
                    "method": "call",
                    "params": {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
                }
            ),
            headers={"Content-Type": "application/json"},
        )
        return response.json()

    @mute_logger("odoo.http")
    def test_ordering_waits_for_the_figures_when_the_company_says_so(self):
        self.company.alim_declaration_required = True
        cycle = self._open_cycle(self.big, self.rice)
        line = cycle.line_ids
        # the portal: the cycle page says why, and offers no quantity to type
        self.authenticate(self.portal_big.login, self.portal_big.login)
        page = unescape(self.url_open(f"/my/cycles/{cycle.id}").text)
        self.assertIn("o_alim_declaration_wait", page)
        self.assertIn("must first declare its figures", page)
        self.assertIn('href="/my/declarations"', page)
        self.assertNotIn("o_alim_save", page)
        # the portal's form, posted all the same
        response = self.url_open(
            f"/my/cycles/{cycle.id}/order",
            data={f"qty_{line.id}": "3", "csrf_token": http.Request.csrf_token(self)},
        )
        self.assertIn("must first declare its figures", unescape(response.text))
        with self.assertRaisesRegex(UserError, "must first declare its figures"):
            cycle.with_user(self.portal_big)._alim_portal_set_quantities({line.id: "3"})
        # staff over JSON-RPC
        self.authenticate(self.manager.login, self.manager.login)
        answer = self._call_kw("sale.order", "create", [{"partner_id": self.big.id, "cycle_id": cycle.id}])
        self.assertIn("must first declare its figures", answer["error"]["data"]["message"])
        self.assertFalse(cycle.order_ids)
        # declared: the grocery orders
        self._declare(self.big, 25)
        order = cycle.with_user(self.portal_big)._alim_portal_set_quantities({line.id: "3"})
        self.assertEqual(order.sudo().order_line.product_uom_qty, 3)
        self.authenticate(self.portal_big.login, self.portal_big.login)
        self.assertNotIn("o_alim_declaration_wait", self.url_open(f"/my/cycles/{cycle.id}").text)

    def test_ordering_allowed_when_the_setting_is_off(self):
        self.assertFalse(self.company.alim_declaration_required)
        cycle = self._open_cycle(self.big, self.rice)
        order = cycle.with_user(self.portal_big)._alim_portal_set_quantities({cycle.line_ids.id: "3"})
        self.assertEqual(order.sudo().order_line.product_uom_qty, 3)
        self.authenticate(self.portal_big.login, self.portal_big.login)
        self.assertNotIn("o_alim_declaration_wait", self.url_open(f"/my/cycles/{cycle.id}").text)

    def test_standing_order_waits_for_the_figures(self):
        self.company.alim_declaration_required = True
        self.env["alim.standing.order"].create(
            [
                {
                    "partner_id": grocery.id,
                    "line_ids": [Command.create({"product_id": self.rice.id, "quantity": 4})],
                }
                for grocery in self.big | self.small
            ]
        )
        self._declare(self.small, 10)
        cycle = self._create_cycle(self.big | self.small, self.rice)
        cycle.with_user(self.manager).action_open()
        self.assertEqual(cycle.order_ids.partner_id, self.small)
        bodies = [str(body) for body in cycle.message_ids.mapped("body")]
        self.assertTrue(any(re.search("Épicerie grande.*last month", body) for body in bodies), bodies)
        # the standing order itself stays the grocery's to change
        standing = self.env["alim.standing.order"].search([("partner_id", "=", self.big.id)])
        standing.with_user(self.portal_big)._alim_portal_save({standing.line_ids.id: "6"}, True)
        self.assertEqual(standing.line_ids.quantity, 6)
