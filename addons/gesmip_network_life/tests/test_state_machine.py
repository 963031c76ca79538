import re
from datetime import timedelta

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.gesmip_network.tests.common import GesmipNetworkCommon

MIXIN = "gesmip.state.machine.mixin"


@tagged("post_install", "-at_install")
class TestStateMachine(GesmipNetworkCommon):
    """The shared state machine, walked on the calls for projects: every action from every
    state, by the coordinator who clicks the buttons."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.funder = cls.env["res.partner"].create({"name": "Fondation Solidarité"})
        cls.Call = cls.env["gesmip.call.project"].with_user(cls.coordinator)
        cls.labels = dict(cls.Call._fields["state"]._description_selection(cls.env))

    def _call(self, state, **vals):
        return self.Call.create(
            {
                "name": f"Call {state}",
                "funder_id": self.funder.id,
                "deadline": fields.Date.today() + timedelta(days=30),
                "amount": 1000,
                "applicant_grocery_ids": [fields.Command.set(self.grocery_a.ids)],
                "state": state,
                **vals,
            }
        )

    def test_every_transition(self):
        transitions = self.Call._state_transitions
        self.assertEqual(
            set(transitions),
            {"share", "apply", "submit", "win", "lose", "reset"},
            "the whole table is walked",
        )
        walked = 0
        for action, (sources, target) in transitions.items():
            for state in self.labels:
                with self.subTest(action=action, state=state):
                    call = self._call(state)
                    flag = call[f"is_action_{action}_allowed"]
                    if state in sources:
                        self.assertTrue(flag)
                        self.assertIs(getattr(call, f"action_{action}")(), True)
                        self.assertEqual(call.state, target)
                    else:
                        self.assertFalse(flag)
                        if state == target:
                            message = f'Call for Projects Call {state} is already "{self.labels[state]}".'
                        else:
                            message = (
                                f"Call for Projects Call {state} cannot go from "
                                f'"{self.labels[state]}" to "{self.labels[target]}".'
                            )
                        with self.assertRaisesRegex(UserError, f"^{re.escape(message)}$"):
                            getattr(call, f"action_{action}")()
                        self.assertEqual(call.state, state, "a refused action writes nothing")
                    walked += 1
        self.assertEqual(walked, len(transitions) * len(self.labels))

    def test_refusal_in_french(self):
        self.env["res.lang"]._activate_lang("fr_FR")
        self.env["ir.module.module"]._load_module_terms(["gesmip_base", "gesmip_network_life"], ["fr_FR"])
        won, shared = self._call("won"), self._call("shared")
        refused = "^Appel à projets Call won ne peut pas passer de l'état « Gagné » à l'état « Partagé ».$"
        with self.assertRaisesRegex(UserError, refused):
            won.with_context(lang="fr_FR").action_share()
        already = "^Appel à projets Call shared est déjà à l'état « Partagé ».$"
        with self.assertRaisesRegex(UserError, already):
            shared.with_context(lang="fr_FR").action_share()

    def test_condition_beyond_the_state(self):
        call = self._call("shared", applicant_grocery_ids=[])
        self.assertFalse(call.is_action_apply_allowed)
        with self.assertRaisesRegex(UserError, "add at least one grocery applying first"):
            call.action_apply()
        self.assertEqual(call.state, "shared")
        call.applicant_grocery_ids = self.grocery_b
        self.assertTrue(call.is_action_apply_allowed, "the flag follows the field the condition reads")
        call.action_apply()
        self.assertEqual(call.state, "applying")

    def test_one_refused_record_stops_the_batch(self):
        spotted, won = self._call("spotted"), self._call("won")
        with self.assertRaisesRegex(UserError, "Call won cannot go from"):
            (spotted | won).action_share()
        self.assertEqual(spotted.state, "spotted")
        self.assertEqual(won.state, "won")

    def test_write_with_the_transition(self):
        call = self._call("submitted", amount_won=0)
        call.action_win()
        self.assertEqual(call.amount_won, 1000, "extra values are written with the state")
        call.reminder_sent = True
        call.action_reset()
        self.assertEqual((call.state, call.reminder_sent, call.amount_won), ("spotted", False, 0))

    def test_every_state_machine_is_complete(self):
        """Each model on the mixin (of every addon installed) has, for each action of its
        table, the flag its views use, the button's method, and real states."""
        models = [name for name in self.env[MIXIN]._inherit_children if not self.env[name]._abstract]
        self.assertIn("gesmip.call.project", models)
        for name in models:
            model = self.env[name]
            states = {value for value, _label in model._fields["state"]._description_selection(self.env)}
            self.assertTrue(model._state_transitions, name)
            for action, (sources, target) in model._state_transitions.items():
                with self.subTest(model=name, action=action):
                    self.assertIsInstance(sources, tuple)
                    self.assertLessEqual({*sources, target} - {None}, states)
                    field = model._fields.get(f"is_action_{action}_allowed")
                    self.assertTrue(field, f"{name}.is_action_{action}_allowed is declared")
                    self.assertEqual(field.compute, "_compute_is_action_allowed")
                    self.assertTrue(callable(getattr(model, f"action_{action}", None)))
