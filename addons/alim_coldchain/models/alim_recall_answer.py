from odoo import api, fields, models
from odoo.exceptions import UserError


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
        if any((vals.get(name) or 0) < 0 for name in ("destroyed_qty", "returned_qty", "given_out_qty")):
            raise UserError(self.env._("The quantities of an answer cannot be negative."))

    def write(self, vals):
        if self:
            raise UserError(
                self.env._("An answer to a recall cannot be changed once sent: send a new answer.")
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(self.env._("An answer to a recall cannot be deleted: send a new answer."))
