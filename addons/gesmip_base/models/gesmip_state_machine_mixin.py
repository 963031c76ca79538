from odoo import api, models
from odoo.exceptions import UserError


class GesmipStateMachineMixin(models.AbstractModel):
    """One way for every workflow of the suite to move its ``state`` (the state machine of
    OCA's ``stock_release_channel``, written once).

    A model inherits it, gives its table of transitions, and declares one flag per action,
    which its form uses to show the button (``invisible="not is_action_plan_allowed"``)::

        _state_transitions = {
            "plan": (("draft",), "planned"),
            "cancel": (("draft", "planned"), "cancel"),
        }
        is_action_plan_allowed = fields.Boolean(compute="_compute_is_action_allowed")
        is_action_cancel_allowed = fields.Boolean(compute="_compute_is_action_allowed")

        def action_plan(self):
            ...  # checks and work of the action
            return self._transition("plan")

    The button and the server apply the same rule: ``_action_refusal``. A model extends it
    for a condition beyond the state (and lists the fields it reads in
    ``_state_transition_depends``, so that the flags follow them).
    """

    _name = "gesmip.state.machine.mixin"
    _description = "State Machine"

    # {action: (states the action is allowed from, state it leads to)}; an action that keeps
    # the state (e.g. printing, replacing) has None as its target
    _state_transitions = {}
    # fields besides ``state`` that ``_action_refusal`` reads
    _state_transition_depends = ()

    @api.depends(lambda self: ("state", *self._state_transition_depends))
    def _compute_is_action_allowed(self):
        for record in self:
            for action in record._state_transitions:
                record[f"is_action_{action}_allowed"] = not record._action_refusal(action)

    def _action_refusal(self, action):
        """Why this record cannot do ``action``, in a sentence for the user, or an empty string
        when it can."""
        self.ensure_one()
        sources, target = self._state_transitions[action]
        if self.state in sources:
            return ""
        states = dict(self._fields["state"]._description_selection(self.env))
        values = {
            "model": self.env["ir.model"]._get(self._name).name,
            "record": self.display_name,
            "state": states.get(self.state, self.state),
            "target": states.get(target, target),
        }
        if target is None:
            return self.env._(
                '%(model)s %(record)s is "%(state)s": this is only possible when it is %(allowed)s.',
                allowed=" / ".join(states.get(source, source) for source in sources),
                **values,
            )
        if self.state == target:
            return self.env._('%(model)s %(record)s is already "%(state)s".', **values)
        return self.env._('%(model)s %(record)s cannot go from "%(state)s" to "%(target)s".', **values)

    def _check_is_action_allowed(self, action):
        """The guard of every action: a ``UserError`` naming the first record that may not."""
        for record in self:
            refusal = record._action_refusal(action)
            if refusal:
                raise UserError(refusal)

    def _transition(self, action, **values):
        """Guard, then move to the action's state (writing ``values`` with it)."""
        self._check_is_action_allowed(action)
        target = self._state_transitions[action][1]
        self.write({**values, "state": target} if target else values)
        return True
