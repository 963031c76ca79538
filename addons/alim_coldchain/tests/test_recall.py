from datetime import timedelta

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import ColdChainCommon


@tagged("post_install", "-at_install")
class TestRecall(ColdChainCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.grocery_a = cls.env["res.partner"].create(
            {"name": "Grocery A", "is_grocery": True, "email": "a@example.com"}
        )
        cls.grocery_b = cls.env["res.partner"].create(
            {"name": "Grocery B", "is_grocery": True, "email": "b@example.com"}
        )
        cls.grocery_c = cls.env["res.partner"].create({"name": "Grocery C", "is_grocery": True})
        cls.lot = cls._lot(cls.yoghurt, "SUP-2417", cls.now + timedelta(days=20))
        cls.other_lot = cls._lot(cls.yoghurt, "SUP-9999", cls.now + timedelta(days=20))
        wh = cls.warehouse
        # receipt, internal move to the cold room, deliveries to two groceries
        cls._receive(cls.lot, 30, cls.now - timedelta(days=3), dest=cls.stock)
        cls._move(
            cls.yoghurt,
            cls.lot,
            30,
            cls.stock,
            cls.room,
            cls.now - timedelta(days=2),
            picking_type=wh.int_type_id,
        )
        cls._deliver(cls.lot, 10, cls.grocery_a, cls.now - timedelta(days=1))
        cls._deliver(cls.lot, 5, cls.grocery_b, cls.now - timedelta(days=1))
        # another lot went to a third grocery
        cls._move(
            cls.yoghurt, cls.other_lot, 5, cls.supplier_location, cls.stock, cls.now - timedelta(days=30)
        )
        cls._deliver(cls.other_lot, 5, cls.grocery_c, cls.now - timedelta(days=1), source=cls.stock)

    def test_recall_finds_every_grocery_of_the_lot_and_notifies_them(self):
        recall = (
            self.env["alim.recall"]
            .with_user(self.manager)
            .create({"name": "Listeria", "lot_id": self.lot.id, "reason": "Bring the yoghurts back."})
        )
        self.assertEqual(recall.grocery_ids, self.grocery_a | self.grocery_b)
        self.assertEqual(len(recall.move_line_ids), 2)
        self.assertEqual(sum(recall.move_line_ids.mapped("quantity")), 15)
        self.assertTrue(recall.is_action_notify_allowed)
        recall.with_user(self.manager).action_notify()
        self.assertEqual(recall.state, "notified")
        self.assertEqual(recall.notified_partner_ids, self.grocery_a | self.grocery_b)
        # each grocery gets its own notification, naming no other grocery
        sent = self.env["mail.message"].search(
            [
                ("model", "=", "alim.recall"),
                ("res_id", "=", recall.id),
                ("message_type", "=", "user_notification"),
            ]
        )
        self.assertEqual(len(sent), 2)
        self.assertEqual(sent.partner_ids, self.grocery_a | self.grocery_b)
        for message in sent:
            self.assertEqual(len(message.partner_ids), 1)
            self.assertIn("SUP-2417", message.body)
            self.assertNotIn("Grocery A", message.body)
            self.assertNotIn("Grocery B", message.body)
        with self.assertRaisesRegex(UserError, 'is already "Notified"'):
            recall.with_user(self.manager).action_notify()

    def test_recall_by_product_and_reception_dates(self):
        recall = (
            self.env["alim.recall"]
            .with_user(self.manager)
            .create(
                {
                    "name": "Supplier alert",
                    "product_id": self.yoghurt.id,
                    "date_from": (self.now - timedelta(days=5)).date(),
                    "date_to": self.now.date(),
                }
            )
        )
        self.assertEqual(recall.lot_ids, self.lot)
        self.assertEqual(recall.grocery_ids, self.grocery_a | self.grocery_b)
        recall.date_from = (self.now - timedelta(days=40)).date()
        self.assertEqual(recall.grocery_ids, self.grocery_a | self.grocery_b | self.grocery_c)

    def test_recall_rules(self):
        with self.assertRaises(AccessError):
            self.env["alim.recall"].with_user(self.warehouse_user).create(
                {"name": "x", "lot_id": self.lot.id}
            )
        with self.assertRaisesRegex(UserError, "needs a lot"):
            self.env["alim.recall"].with_user(self.manager).create({"name": "x"})
        nobody = self._lot(self.yoghurt, "NEVER-SHIPPED")
        recall = self.env["alim.recall"].with_user(self.manager).create({"name": "x", "lot_id": nobody.id})
        self.assertFalse(recall.is_action_notify_allowed)
        with self.assertRaisesRegex(UserError, "nobody to notify"):
            recall.with_user(self.manager).action_notify()
