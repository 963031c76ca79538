from datetime import timedelta

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError


class AlimRecall(models.Model):
    """A product recall: from a supplier lot (or a product received between two dates),
    every delivery to a grocery, through repackaged lots too, and their notification."""

    _name = "alim.recall"
    _description = "Product Recall"
    _inherit = ["gesmip.state.machine.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "id desc"
    _state_transitions = {"notify": (("draft",), "notified")}
    _state_transition_depends = ("grocery_ids",)

    name = fields.Char(string="Title", required=True, tracking=True)
    reason = fields.Text(help="Why the product is recalled and what groceries must do.")
    lot_id = fields.Many2one("stock.lot", tracking=True)
    product_id = fields.Many2one("product.product", tracking=True)
    date_from = fields.Date(string="Received from")
    date_to = fields.Date(string="Received to")
    state = fields.Selection(
        [("draft", "Draft"), ("notified", "Notified")],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
    )
    lot_ids = fields.Many2many(
        "stock.lot", compute="_compute_deliveries", string="Traced lots", groups="base.group_user"
    )
    move_line_ids = fields.Many2many(
        "stock.move.line", compute="_compute_deliveries", string="Deliveries", groups="base.group_user"
    )
    # Staff only: a grocery is never told which other groceries received the lots.
    grocery_ids = fields.Many2many(
        "res.partner", compute="_compute_deliveries", string="Groceries", groups="base.group_user"
    )
    grocery_count = fields.Integer(compute="_compute_deliveries", groups="base.group_user")
    notified_partner_ids = fields.Many2many(
        "res.partner",
        "alim_recall_notified_partner_rel",
        string="Notified groceries",
        readonly=True,
        groups="base.group_user",
    )
    notified_date = fields.Datetime(readonly=True)
    notice = fields.Html(readonly=True, sanitize=True, help="What was sent to the groceries.")
    is_action_notify_allowed = fields.Boolean(compute="_compute_is_action_allowed")

    @api.constrains("name", "lot_id", "product_id", "date_from", "date_to")
    def _check_scope(self):
        for recall in self:
            if not recall.lot_id and not recall.product_id:
                raise UserError(self.env._("A recall needs a lot, or a product and its reception dates."))
            if recall.date_from and recall.date_to and recall.date_from > recall.date_to:
                raise UserError(self.env._("The start date must be before the end date."))

    def _alim_source_lots(self):
        self.ensure_one()
        if self.lot_id:
            return self.lot_id
        domain = [
            ("product_id", "=", self.product_id.id),
            ("state", "=", "done"),
            ("lot_id", "!=", False),
            ("location_id.usage", "=", "supplier"),
        ]
        if self.date_from:
            domain.append(("date", ">=", fields.Datetime.to_datetime(self.date_from)))
        if self.date_to:
            domain.append(("date", "<", fields.Datetime.to_datetime(self.date_to) + timedelta(days=1)))
        return self.env["stock.move.line"].search(domain).lot_id

    @api.depends("lot_id", "product_id", "date_from", "date_to")
    def _compute_deliveries(self):
        for recall in self:
            lots = (
                recall._alim_source_lots() if (recall.lot_id or recall.product_id) else self.env["stock.lot"]
            )
            lines = lots._alim_delivered_move_lines()
            recall.lot_ids = lots._alim_trace_downstream()
            recall.move_line_ids = lines
            groceries = lines.mapped(
                lambda line: line.picking_partner_id or line.move_id.partner_id
            ).commercial_partner_id
            recall.grocery_ids = groceries
            recall.grocery_count = len(groceries)

    def _action_refusal(self, action):
        refusal = super()._action_refusal(action)
        if not refusal and action == "notify" and not self.grocery_ids:
            return self.env._("No grocery received these lots: there is nobody to notify.")
        return refusal

    def action_notify(self):
        """Send the recall to every grocery that received the lots (mail, and their portal
        inbox through the message)."""
        self._check_is_action_allowed("notify")
        for recall in self:
            groceries = recall.grocery_ids
            # the products and lots only: a grocery is not told who else received them
            lines = Markup("").join(
                Markup("<li>%s, %s %s</li>") % (product.display_name, self.env._("lot"), lot.name)
                for product, lot in sorted(
                    {(line.product_id, line.lot_id) for line in recall.move_line_ids},
                    key=lambda pair: (pair[0].display_name, pair[1].name),
                )
            )
            body = Markup("<p><strong>%s</strong></p><p>%s</p><ul>%s</ul>") % (
                self.env._("Product recall: %(title)s", title=recall.name),
                recall.reason or self.env._("Set aside these products and do not give them."),
                lines,
            )
            # one private notification per grocery: a message's recipients are visible to
            # each of them (mail headers, JSON-RPC), so none is told who else received the lots
            for grocery in groceries:
                recall.message_notify(
                    body=body,
                    subject=self.env._("Product recall: %(title)s", title=recall.name),
                    partner_ids=grocery.ids,
                    subtype_xmlid="mail.mt_comment",
                )
            # the staff's trace on the recall itself (an internal note)
            recall.message_post(
                body=body,
                subtype_xmlid="mail.mt_note",
                message_type="comment",
            )
            recall._transition(
                "notify",
                notified_partner_ids=[fields.Command.set(groceries.ids)],
                notified_date=fields.Datetime.now(),
                notice=body,
            )
        return True
