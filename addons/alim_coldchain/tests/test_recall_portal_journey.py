"""A grocery answers a recall from its portal in a real browser, in French, on a phone
(390x844) and on a desktop (1366x900), each page checked for sideways scrolling (issue 31):
from the recall banner of /my to the answer with its note."""

from datetime import timedelta

from odoo.tests import HttpCase, new_test_user, tagged

from .common import done_move

PHONE, DESKTOP = "390x844", "1366x900"


@tagged("post_install", "-at_install")
class TestRecallPortalJourney(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        env["res.lang"]._activate_lang("fr_FR")
        env["ir.module.module"].search(
            [("name", "in", ["portal", "alim_coldchain", "gesmip_base"])]
        )._update_translations("fr_FR")
        cls.grocery = env["res.partner"].create({"name": "Journey grocery", "is_grocery": True})
        cls.user = new_test_user(
            env,
            login="recall_journey",
            groups="gesmip_network.gesmip_network_group_grocery",
            lang="fr_FR",
            tz="Europe/Paris",
        )
        cls.user.partner_id.parent_id = cls.grocery
        product = env["product.product"].create(
            {"name": "Raw milk cheese", "is_storable": True, "tracking": "lot"}
        )
        lot = env["stock.lot"].create({"name": "JOURNEY-1", "product_id": product.id})
        warehouse = env["stock.warehouse"].search([("company_id", "=", env.company.id)], limit=1)
        now = env.cr.now()
        done_move(
            env, product, lot, 6, env.ref("stock.stock_location_suppliers"), warehouse.lot_stock_id,
            now - timedelta(days=2),
        )  # fmt: skip
        done_move(
            env, product, lot, 6, warehouse.lot_stock_id, env.ref("stock.stock_location_customers"),
            now - timedelta(days=1), cls.grocery, warehouse.out_type_id,
        )  # fmt: skip
        cls.recall = env["alim.recall"].create(
            {"name": "Listeria in raw milk cheese", "lot_id": lot.id, "reason": "Do not give it out."}
        )
        cls.recall.action_notify()

    def _answer(self, size):
        self.browser_size = size
        self.touch_enabled = size == PHONE
        self.start_tour("/my", "alim_coldchain_portal_recall_answer", login=self.user.login)
        answer = self.env["alim.recall.answer"].search([("recall_id", "=", self.recall.id)])
        self.assertEqual(
            (answer.destroyed_qty, answer.returned_qty, answer.given_out_qty, answer.note),
            (4, 0, 2, "Two portions given on Saturday, families called."),
        )
        self.assertEqual(answer.grocery_id, self.grocery)

    def test_answer_on_a_phone(self):
        self._answer(PHONE)

    def test_answer_on_a_desktop(self):
        self._answer(DESKTOP)
