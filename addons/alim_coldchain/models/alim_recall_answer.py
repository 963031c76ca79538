import math

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..lib.recall_answer import HARD_CAP

QUANTITIES = ("destroyed_qty", "returned_qty", "given_out_qty")
NOTE_MAX = 2000


class AlimRecallAnswer(models.Model):
    """A grocery's answer to a recall it was notified of: what it destroyed, returned to the
    platform and had already given out before the recall (Reg. EC 178/2002 art. 19: the
    operator informs and cooperates on the withdrawal; the état chiffré of the recall).

    Sent once, never changed: a correction is a new answer, and the latest one counts."""

    _name = "alim.recall.answer"
    _description = "Grocery Answer to a Recall"
    _order = "id desc"
    _rec_name = "recall_id"

    recall_id = fields.Many2one("alim.recall", required=True, readonly=True, index=True, ondelete="restrict")
    grocery_id = fields.Many2one("res.partner", required=True, readonly=True, index=True, ondelete="restrict")
    user_id = fields.Many2one(
        "res.users", string="Sent by", required=True, readonly=True, default=lambda self: self.env.user
    )
    date = fields.Datetime(string="Sent on", required=True, readonly=True, default=fields.Datetime.now)
    destroyed_qty = fields.Float(string="Destroyed", digits=(12, 3), readonly=True)
    returned_qty = fields.Float(string="Returned to the platform", digits=(12, 3), readonly=True)
    given_out_qty = fields.Float(string="Already given out", digits=(12, 3), readonly=True)
    note = fields.Text(readonly=True)
    is_current = fields.Boolean(
        string="Latest", compute="_compute_is_current", help="The grocery's latest answer to this recall."
    )

    _sql_constraints = [
        (
            "quantities_positive",
            "CHECK(destroyed_qty >= 0 AND returned_qty >= 0 AND given_out_qty >= 0)",
            "The quantities of an answer cannot be negative.",
        ),
    ]

    @api.depends("recall_id", "grocery_id")
    def _compute_is_current(self):
        latest = {}
        for answer in self.search(
            [("recall_id", "in", self.recall_id.ids), ("grocery_id", "in", self.grocery_id.ids)], order="id"
        ):
            latest[answer.recall_id.id, answer.grocery_id.id] = answer.id
        for answer in self:
            answer.is_current = latest.get((answer.recall_id.id, answer.grocery_id.id)) == answer.id

    @api.model_create_multi
    def create(self, vals_list):
        # checked before anything is written
        for vals in vals_list:
            self._check_answer_vals(vals)
        return super().create(vals_list)

    @api.model
    def _check_answer_vals(self, vals):
        """A grocery answers for itself, a recall it was notified of and that is not closed;
        a manager may record an answer given by phone for any notified grocery."""
        recall = self.env["alim.recall"].browse(vals.get("recall_id")).exists()
        grocery = self.env["res.partner"].browse(vals.get("grocery_id")).exists()
        if not recall or not grocery:
            raise UserError(self.env._("An answer needs its recall and its grocery."))
        if recall.state != "notified":
            raise UserError(self.env._("Only a recall sent to the groceries and not closed can be answered."))
        is_staff = self.env.su or self.env.user.has_group("alim_food.alim_food_group_manager")
        if not is_staff and grocery != self.env.user.commercial_partner_id:
            raise UserError(self.env._("A grocery answers a recall for itself only."))
        # the notified groceries are a staff-only field: read, never written, here
        if grocery not in recall.sudo().notified_partner_ids:
            raise UserError(self.env._("This grocery was not notified of the recall."))
        self._check_answer_author(vals)
        self._check_answer_figures(vals)

    @api.model
    def _check_answer_author(self, vals):
        """Who sent an answer and when is the server's to say, on every path (the portal form,
        JSON-RPC, a manager's phone answer): the user who creates it, now."""
        if self.env.su:
            return
        if vals.get("user_id", self.env.uid) != self.env.uid:
            raise UserError(self.env._("An answer is sent in the name of the user who sends it."))
        if vals.get("date"):
            raise UserError(self.env._("An answer is dated when it is sent."))

    @api.model
    def _check_answer_figures(self, vals):
        """The limits of the portal's answer form (lib/recall_answer.py), for every path:
        finite quantities from 0 to the cap with at most 3 decimals, one at least above 0, a
        note of at most 2,000 characters."""
        quantities = [vals.get(name) or 0 for name in QUANTITIES]
        for quantity in quantities:
            if not isinstance(quantity, int | float) or not math.isfinite(quantity):
                raise UserError(self.env._("The quantities of an answer must be numbers."))
            if quantity < 0:
                raise UserError(self.env._("The quantities of an answer cannot be negative."))
            if quantity > HARD_CAP:
                raise UserError(self.env._("A quantity of an answer is too large."))
            if abs(quantity * 1000 - round(quantity * 1000)) > 1e-6:
                raise UserError(self.env._("The quantities of an answer have at most 3 decimals."))
        if not any(quantities):
            raise UserError(
                self.env._("Give at least one quantity: destroyed, returned or already given out.")
            )
        note = vals.get("note") or ""
        if not isinstance(note, str) or len(note) > NOTE_MAX:
            raise UserError(self.env._("The note is too long (2,000 characters at most)."))

    def write(self, vals):
        if self:
            raise UserError(
                self.env._("An answer to a recall cannot be changed once sent: send a new answer.")
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(self.env._("An answer to a recall cannot be deleted: send a new answer."))
