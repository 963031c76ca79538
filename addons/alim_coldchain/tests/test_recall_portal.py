from datetime import timedelta

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user, tagged

from .common import done_move


@tagged("post_install", "-at_install")
class TestRecallPortal(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.grocery_a = cls.env["res.partner"].create({"name": "Grocery A", "is_grocery": True})
        cls.grocery_c = cls.env["res.partner"].create({"name": "Grocery C", "is_grocery": True})
        cls.user_a = new_test_user(
            cls.env, login="recall_portal_a", groups="gesmip_network.gesmip_network_group_grocery"
        )
        cls.user_a.partner_id.parent_id = cls.grocery_a
        cls.user_c = new_test_user(
            cls.env, login="recall_portal_c", groups="gesmip_network.gesmip_network_group_grocery"
        )
        cls.user_c.partner_id.parent_id = cls.grocery_c
        manager = new_test_user(cls.env, login="recall_manager", groups="alim_food.alim_food_group_manager")
        product = cls.env["product.product"].create(
            {"name": "Recalled cheese", "is_storable": True, "tracking": "lot"}
        )
        lot = cls.env["stock.lot"].create({"name": "CHEESE-1", "product_id": product.id})
        warehouse = cls.env["stock.warehouse"].search([("company_id", "=", cls.env.company.id)], limit=1)
        now = cls.env.cr.now()
        done_move(
            cls.env,
            product,
            lot,
            5,
            cls.env.ref("stock.stock_location_suppliers"),
            warehouse.lot_stock_id,
            now - timedelta(days=2),
        )
        done_move(
            cls.env,
            product,
            lot,
            5,
            warehouse.lot_stock_id,
            cls.env.ref("stock.stock_location_customers"),
            now - timedelta(days=1),
            cls.grocery_a,
            warehouse.out_type_id,
        )
        cls.recall = (
            cls.env["alim.recall"]
            .with_user(manager)
            .create({"name": "Listeria cheese", "lot_id": lot.id, "reason": "Do not give it."})
        )
        cls.recall.with_user(manager).action_notify()
        cls.draft = cls.env["alim.recall"].with_user(manager).create({"name": "Not sent", "lot_id": lot.id})

    def test_grocery_sees_its_recalls_only(self):
        Recall = self.env["alim.recall"]
        self.assertEqual(Recall.with_user(self.user_a).search([]), self.recall)
        self.assertFalse(Recall.with_user(self.user_c).search([]))
        self.authenticate("recall_portal_a", "recall_portal_a")
        page = self.url_open("/my/recalls")
        self.assertEqual(page.status_code, 200)
        self.assertIn("Listeria cheese", page.text)
        self.assertNotIn("Not sent", page.text)
        detail = self.url_open(f"/my/recalls/{self.recall.id}")
        self.assertIn("CHEESE-1", detail.text)
        self.assertEqual(self.url_open(f"/my/recalls/{self.draft.id}").status_code, 404)

    def test_other_grocery_cannot_open_the_recall(self):
        self.authenticate("recall_portal_c", "recall_portal_c")
        response = self.url_open(f"/my/recalls/{self.recall.id}")
        self.assertEqual(response.status_code, 404)
        self.assertNotIn("Listeria cheese", response.text)
        self.assertNotIn("Listeria cheese", self.url_open("/my/recalls").text)

    def test_a_grocery_is_not_told_who_else_received_the_lot(self):
        """Read as the grocery (as over JSON-RPC): the recall's groceries, deliveries and
        notified groceries are staff-only, and its messages are its own notification only."""
        recall = self.recall.with_user(self.user_a)
        self.assertEqual(recall.read(["name"])[0]["name"], "Listeria cheese")
        for field in ("grocery_ids", "notified_partner_ids", "move_line_ids", "lot_ids", "grocery_count"):
            self.assertNotIn(field, recall.fields_get())
            with self.assertRaises(AccessError):
                recall.read([field])
        messages = (
            self.env["mail.message"]
            .with_user(self.user_a)
            .search([("model", "=", "alim.recall"), ("res_id", "=", self.recall.id)])
        )
        self.assertFalse(messages.sudo().partner_ids - self.grocery_a - self.user_a.partner_id)
        sent = self.env["mail.message"].search(
            [
                ("model", "=", "alim.recall"),
                ("res_id", "=", self.recall.id),
                ("message_type", "=", "user_notification"),
            ]
        )
        self.assertEqual(sent.partner_ids, self.grocery_a, "the grocery's own notification, naming only it")

    def test_grocery_cannot_read_who_else_was_notified(self):
        recall = self.recall.with_user(self.user_a)
        self.assertEqual(recall.read(["name"])[0]["name"], "Listeria cheese")
        for field in ("notified_partner_ids", "grocery_ids", "move_line_ids", "held_lot_ids", "tally_html"):
            with self.assertRaises(AccessError, msg=field):
                recall.read([field])
