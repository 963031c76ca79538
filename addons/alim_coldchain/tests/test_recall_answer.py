"""Groceries answer a recall in their portal (what they destroyed, returned, had given
out); each sees its own answers only, never who else was notified; staff see who has not
answered, and closing needs every answer or a written reason."""

import json
from datetime import timedelta

from odoo import http
from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from .common import done_move

GROCERY = "gesmip_network.gesmip_network_group_grocery"


@tagged("post_install", "-at_install")
class TestRecallAnswer(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        Partner = env["res.partner"]
        cls.grocery_a = Partner.create({"name": "Épicerie Réponse A", "is_company": True, "is_grocery": True})
        cls.grocery_b = Partner.create({"name": "Épicerie Réponse B", "is_company": True, "is_grocery": True})
        cls.user_a = new_test_user(env, login="answer_a", groups=GROCERY)
        cls.user_a.partner_id.parent_id = cls.grocery_a
        cls.user_b = new_test_user(env, login="answer_b", groups=GROCERY)
        cls.user_b.partner_id.parent_id = cls.grocery_b
        cls.manager = new_test_user(env, login="answer_manager", groups="alim_food.alim_food_group_manager")
        cls.warehouse_user = new_test_user(
            env, login="answer_wh", groups="alim_food.alim_food_group_warehouse"
        )
        warehouse = env["stock.warehouse"].search([("company_id", "=", env.company.id)], limit=1)
        supplier = env.ref("stock.stock_location_suppliers")
        customer = env.ref("stock.stock_location_customers")
        product = env["product.product"].create(
            {"name": "Fromage rappelé", "is_storable": True, "tracking": "lot"}
        )
        now = env.cr.now()
        cls.lot, cls.lot_b = env["stock.lot"].create(
            [{"name": "FROM-AB", "product_id": product.id}, {"name": "FROM-B", "product_id": product.id}]
        )
        for lot in (cls.lot, cls.lot_b):
            done_move(env, product, lot, 20, supplier, warehouse.lot_stock_id, now - timedelta(days=3))
        for lot, grocery in ((cls.lot, cls.grocery_a), (cls.lot, cls.grocery_b), (cls.lot_b, cls.grocery_b)):
            done_move(
                env,
                product,
                lot,
                5,
                warehouse.lot_stock_id,
                customer,
                now - timedelta(days=1),
                grocery,
                warehouse.out_type_id,
            )
        Recall = env["alim.recall"].with_user(cls.manager)
        cls.recall = Recall.create(
            {"name": "Listeria fromage", "lot_id": cls.lot.id, "reason": "Ne pas donner."}
        )
        cls.recall_b = Recall.create({"name": "Rappel de B seulement", "lot_id": cls.lot_b.id})
        (cls.recall | cls.recall_b).action_notify()
        cls.Answer = env["alim.recall.answer"]

    def _post(self, recall_id, data):
        return self.url_open(
            f"/my/recalls/{recall_id}/answer", data=dict(data, csrf_token=http.Request.csrf_token(self))
        )

    def test_grocery_answers_and_a_correction_is_a_new_answer(self):
        self.authenticate("answer_a", "answer_a")
        page = self.url_open(f"/my/recalls/{self.recall.id}")
        self.assertIn("has not answered this recall yet", page.text)
        response = self._post(
            self.recall.id, {"destroyed": "3", "returned": "", "given_out": "2", "note": "Jeté"}
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("Your answer is sent", response.text)
        answer = self.Answer.search([("recall_id", "=", self.recall.id)])
        self.assertEqual(len(answer), 1)
        self.assertEqual(answer.grocery_id, self.grocery_a)
        self.assertEqual(answer.user_id, self.user_a)
        self.assertEqual((answer.destroyed_qty, answer.returned_qty, answer.given_out_qty), (3, 0, 2))
        # a correction is a new answer; the first one stays as it was
        self._post(self.recall.id, {"destroyed": "4", "given_out": "1"})
        answers = self.Answer.search([("recall_id", "=", self.recall.id)], order="id")
        self.assertEqual(len(answers), 2)
        self.assertEqual(answers[0].destroyed_qty, 3)
        self.assertEqual(answers.filtered("is_current"), answers[1])
        listing = self.url_open("/my/recalls")
        self.assertIn("Answered", listing.text)

    def test_home_banner_units_note_field_and_notice_in_the_grocerys_language(self):
        """While a recall waits for its answer, /my says so at the top; the answer form gives
        the unit of each quantity and a note field; the notice reads in the grocery's
        language even when staff work in another."""
        self.authenticate("answer_a", "answer_a")
        home = self.url_open("/my").text
        self.assertIn("o_alim_recall_banner", home)
        self.assertIn("Listeria fromage", home)
        page = self.url_open(f"/my/recalls/{self.recall.id}").text
        self.assertRegex(page, r'for="destroyed">Destroyed \(Units?\)')
        self.assertRegex(page, r'<textarea id="note"[^>]*></textarea>')
        self._post(self.recall.id, {"destroyed": "5"})
        self.assertNotIn("o_alim_recall_banner", self.url_open("/my").text)
        # the notice in French for a French grocery, whoever notified it
        self.env["res.lang"]._activate_lang("fr_FR")
        self.env["ir.module.module"].search([("name", "=", "alim_coldchain")])._update_translations("fr_FR")
        self.grocery_a.lang = "fr_FR"
        self.manager.lang = "en_US"
        recall = (
            self.env["alim.recall"]
            .with_user(self.manager)
            .create({"name": "Rappel en français", "lot_id": self.lot.id})
        )
        recall.action_notify()
        to_a = self.env["mail.message"].search(
            [
                ("model", "=", "alim.recall"),
                ("res_id", "=", recall.id),
                ("partner_ids", "in", self.grocery_a.ids),
            ]
        )
        self.assertIn("Rappel de produit", to_a.body)
        self.assertNotIn("Product recall", to_a.body)

    def test_an_answer_is_never_changed_nor_deleted(self):
        answer = self.recall.with_user(self.user_a)._alim_portal_answer({"destroyed": "5"})
        for user in (self.user_a, self.manager):
            with self.assertRaisesRegex(UserError, "cannot be changed"):
                answer.with_user(user).write({"destroyed_qty": 1})
            with self.assertRaises(AccessError):
                answer.with_user(user).unlink()
        # not even the administrator
        with self.assertRaisesRegex(UserError, "cannot be changed"):
            answer.sudo().write({"note": "corrigé"})
        with self.assertRaisesRegex(UserError, "cannot be deleted"):
            answer.sudo().unlink()
        self.assertEqual(answer.destroyed_qty, 5)

    def test_a_grocery_never_sees_another_grocerys_answers_nor_who_else_was_notified(self):
        answer_b = self.recall.with_user(self.user_b)._alim_portal_answer(
            {"returned": "5", "note": "Rendu au chauffeur de B"}
        )
        self.authenticate("answer_a", "answer_a")
        page = self.url_open(f"/my/recalls/{self.recall.id}")
        self.assertEqual(page.status_code, 200)
        self.assertIn("Listeria fromage", page.text)
        for leak in ("Épicerie Réponse B", "Rendu au chauffeur", "answer_b"):
            self.assertNotIn(leak, page.text)
        self.assertNotIn("Épicerie Réponse B", self.url_open("/my/recalls").text)
        # B's own recall: no page, no answer
        self.assertEqual(self.url_open(f"/my/recalls/{self.recall_b.id}").status_code, 404)
        with mute_logger("odoo.http"):
            response = self._post(self.recall_b.id, {"destroyed": "1"})
        self.assertEqual(response.status_code, 404)
        self.assertNotIn("Rappel de B", response.text)
        self.assertFalse(self.Answer.search([("recall_id", "=", self.recall_b.id)]))
        # read as the grocery over the ORM (as JSON-RPC would): its own answers only
        Answer = self.Answer.with_user(self.user_a)
        self.assertFalse(Answer.search([]))
        with self.assertRaises(AccessError):
            answer_b.with_user(self.user_a).read(["note"])
        recall = self.recall.with_user(self.user_a)
        for field in ("answer_ids", "unanswered_partner_ids", "notified_partner_ids", "close_reason"):
            with self.assertRaises(AccessError, msg=field):
                recall.read([field])
        # nor answer for another grocery, nor a recall it was not sent
        with self.assertRaisesRegex(UserError, "for itself only"):
            Answer.create({"recall_id": self.recall.id, "grocery_id": self.grocery_b.id, "destroyed_qty": 1})
        with self.assertRaises(AccessError):
            Answer.create(
                {"recall_id": self.recall_b.id, "grocery_id": self.grocery_a.id, "destroyed_qty": 1}
            )
        self.assertEqual(self.Answer.search([("grocery_id", "=", self.grocery_a.id)]).ids, [])

    def test_bad_input_is_refused_with_a_message_and_writes_nothing(self):
        self.authenticate("answer_a", "answer_a")
        cases = [
            ({"destroyed": "-2"}, "cannot be negative"),
            ({"returned": "beaucoup"}, "write a number"),
            ({"given_out": "1e5"}, "write a number"),
            ({"destroyed": "NaN"}, "write a number"),
            ({"destroyed": "9999999"}, "too large"),
            ({"destroyed": "0", "returned": ""}, "Give at least one quantity"),
            ({"destroyed": "1", "note": "x" * 2001}, "too long"),
        ]
        for data, message in cases:
            with self.subTest(data=data):
                response = self._post(self.recall.id, data)
                self.assertEqual(response.status_code, 400)
                self.assertIn(message, response.text)
        for bad_id in ("abc", "-1", "99999999999", str(self.recall_b.id)):
            with self.subTest(recall_id=bad_id), mute_logger("odoo.http", "werkzeug"):
                self.assertEqual(self._post(bad_id, {"destroyed": "1"}).status_code, 404)
        self.assertFalse(self.Answer.search([]))

    def test_staff_see_who_has_not_answered_and_closing_needs_answers_or_a_reason(self):
        recall = self.recall.with_user(self.manager)
        self.assertEqual(recall.unanswered_partner_ids, self.grocery_a | self.grocery_b)
        recall.with_user(self.user_a)._alim_portal_answer({"given_out": "5"})
        recall.invalidate_recordset()
        self.assertEqual(recall.with_user(self.warehouse_user).unanswered_partner_ids, self.grocery_b)
        self.assertEqual(recall.answer_ids.grocery_id, self.grocery_a)
        recall._alim_decide(recall.held_lot_ids, "destroy", "Détruit sur place.")
        self.assertFalse(recall.is_action_close_allowed)
        with self.assertRaisesRegex(UserError, "have not answered .*Épicerie Réponse B"):
            recall.action_close()
        recall.close_reason = "B a fermé, joint par téléphone: rien ne reste."
        recall.action_close()
        self.assertEqual(recall.state, "closed")
        # a closed recall takes no more answers
        with self.assertRaisesRegex(UserError, "not closed"):
            recall.with_user(self.user_b)._alim_portal_answer({"destroyed": "1"})

    def test_closing_when_every_grocery_answered(self):
        recall = self.recall_b.with_user(self.manager)
        recall._alim_decide(recall.held_lot_ids, "destroy", "Détruit sur place.")
        with self.assertRaisesRegex(UserError, "have not answered"):
            recall.action_close()
        # a manager records an answer given by phone
        self.Answer.with_user(self.manager).create(
            {
                "recall_id": recall.id,
                "grocery_id": self.grocery_b.id,
                "destroyed_qty": 5,
                "note": "Par téléphone",
            }
        )
        recall.action_close()
        self.assertEqual(recall.state, "closed")

    def _rpc_create(self, vals):
        """The grocery's own session calling the model as the web client would (JSON-RPC)."""
        return self.url_open(
            "/web/dataset/call_kw/alim.recall.answer/create",
            data=json.dumps(
                {
                    "jsonrpc": "2.0",
                    "method": "call",
                    "params": {
                        "model": "alim.recall.answer",
                        "method": "create",
                        "args": [vals],
                        "kwargs": {},
                    },
                }
            ),
            headers={"Content-Type": "application/json"},
        ).json()

    def test_json_rpc_refuses_what_the_portal_form_refuses(self):
        """What the answer form refuses, a grocery's JSON-RPC call refuses too, and writes
        nothing: another user's name, a date of its choosing, a quantity beyond the cap or
        with more than 3 decimals, infinity, nothing at all, a note over 2,000 characters."""
        self.authenticate("answer_a", "answer_a")
        base = {"recall_id": self.recall.id, "grocery_id": self.grocery_a.id, "destroyed_qty": 1}
        forged = {
            "another user's name": {"user_id": self.user_b.id},
            "a date of its choosing": {"date": "2020-01-01 00:00:00"},
            "a quantity beyond the cap": {"destroyed_qty": 1e12},
            "more than 3 decimals": {"returned_qty": 0.0001},
            "nothing at all": {"destroyed_qty": 0},
            "a note of 100,000 characters": {"note": "x" * 100_000},
        }
        for what, vals in forged.items():
            with self.subTest(what), mute_logger("odoo.http"):
                reply = self._rpc_create(dict(base, **vals))
                self.assertIn("error", reply, f"{what} was accepted over JSON-RPC")
                self.assertEqual(reply["error"]["data"]["name"], "odoo.exceptions.UserError")
        self.assertFalse(self.Answer.search([("recall_id", "=", self.recall.id)]))
        reply = self._rpc_create(dict(base, note="Jeté"))
        answer = self.Answer.browse(reply["result"])
        self.assertEqual(
            (answer.user_id, answer.grocery_id, answer.destroyed_qty), (self.user_a, self.grocery_a, 1)
        )

    def test_staff_cannot_forge_who_answered_or_when_either(self):
        """A manager records an answer given by phone under its own name, dated now."""
        Answer = self.Answer.with_user(self.manager)
        base = {"recall_id": self.recall.id, "grocery_id": self.grocery_b.id, "given_out_qty": 2}
        for vals in (
            {"user_id": self.user_b.id},
            {"date": "2020-01-01 00:00:00"},
            {"given_out_qty": float("inf")},
        ):
            with self.subTest(vals), self.assertRaises(UserError):
                Answer.create(dict(base, **vals))
        answer = Answer.create(base)
        self.assertEqual(answer.user_id, self.manager)
