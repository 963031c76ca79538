from datetime import timedelta

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..lib.recall_answer import AnswerError, read_answer
from ..lib.recall_tally import tally, total


def _tally_figure(string, digits=(12, 3)):
    """A figure of the recall's running tally (état chiffré): computed, for the staff only."""
    return fields.Float(
        string=string, compute="_compute_tally", groups="alim_food.alim_food_group_warehouse", digits=digits
    )


class AlimRecall(models.Model):
    """A product recall: from a supplier lot (or a product received between two dates),
    every delivery to a grocery, through repackaged lots too, and their notification.

    Opening it holds every traced lot at once (Reg. EC 178/2002 art. 19: withdraw from the
    market); releasing or destroying held stock is a decision recorded with its reason."""

    _name = "alim.recall"
    _description = "Product Recall"
    _inherit = ["gesmip.state.machine.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "id desc"
    _state_transitions = {
        "open": (("draft",), "open"),
        "notify": (("draft", "open"), "notified"),
        "close": (("open", "notified"), "closed"),
    }
    _state_transition_depends = (
        "grocery_ids",
        "held_lot_ids",
        "unanswered_partner_ids",
        "close_reason",
        "own_pack_lot_ids",
        "rappelconso_ref",
    )

    name = fields.Char(string="Title", required=True, tracking=True)
    reason = fields.Text(help="Why the product is recalled and what groceries must do.")
    lot_id = fields.Many2one("stock.lot", tracking=True)
    product_id = fields.Many2one("product.product", tracking=True)
    date_from = fields.Date(string="Received from")
    date_to = fields.Date(string="Received to")
    state = fields.Selection(
        [("draft", "Draft"), ("open", "Open"), ("notified", "Notified"), ("closed", "Closed")],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
    )
    # staff only: a grocery never learns which other groceries received the lots
    lot_ids = fields.Many2many(
        "stock.lot",
        compute="_compute_deliveries",
        string="Traced lots",
        groups="alim_food.alim_food_group_warehouse",
    )
    move_line_ids = fields.Many2many(
        "stock.move.line",
        compute="_compute_deliveries",
        string="Deliveries",
        groups="alim_food.alim_food_group_warehouse",
    )
    grocery_ids = fields.Many2many(
        "res.partner",
        compute="_compute_deliveries",
        string="Groceries",
        groups="alim_food.alim_food_group_warehouse",
    )
    grocery_count = fields.Integer(
        compute="_compute_deliveries", groups="alim_food.alim_food_group_warehouse"
    )
    held_lot_ids = fields.Many2many(
        "stock.lot",
        "alim_recall_held_lot_rel",
        "recall_id",
        "lot_id",
        string="Held lots",
        readonly=True,
        groups="alim_food.alim_food_group_warehouse",
        help="The lots this recall holds: not reservable, not deliverable, out of the catalogue.",
    )
    opened_date = fields.Datetime(string="Opened on", readonly=True)
    closed_date = fields.Datetime(string="Closed on", readonly=True)
    rappelconso_ref = fields.Char(
        string="RappelConso reference",
        tracking=True,
        groups="alim_food.alim_food_group_warehouse",
        help="The number of the recall sheet declared on https://pro.rappel.conso.gouv.fr "
        "(code de la consommation L. 423-3, code rural L. 205-7-1).",
    )
    own_pack_lot_ids = fields.Many2many(
        "stock.lot",
        compute="_compute_deliveries",
        string="Packs made by the platform",
        groups="alim_food.alim_food_group_warehouse",
        help="Traced lots the platform packed itself: it put them on the market and must "
        "declare their recall on RappelConso.",
    )
    tally_received_qty = _tally_figure("Received")
    tally_in_stock_qty = _tally_figure("In stock (held)")
    tally_delivered_qty = _tally_figure("Delivered")
    tally_destroyed_qty = _tally_figure("Destroyed")
    tally_returned_qty = _tally_figure("Returned to the supplier")
    tally_located_percent = _tally_figure("Located (%)", digits=(5, 1))
    tally_html = fields.Html(
        string="Tally", compute="_compute_tally", groups="alim_food.alim_food_group_warehouse", sanitize=True
    )
    notified_partner_ids = fields.Many2many(
        "res.partner",
        "alim_recall_notified_partner_rel",
        string="Notified groceries",
        readonly=True,
        groups="alim_food.alim_food_group_warehouse",
    )
    notified_date = fields.Datetime(readonly=True)
    notice = fields.Html(readonly=True, sanitize=True, help="What was sent to the groceries.")
    # staff only: each grocery reads its own answers through their record rule
    answer_ids = fields.One2many(
        "alim.recall.answer", "recall_id", string="Answers", groups="alim_food.alim_food_group_warehouse"
    )
    unanswered_partner_ids = fields.Many2many(
        "res.partner",
        compute="_compute_unanswered",
        string="Not answered",
        groups="alim_food.alim_food_group_warehouse",
        help="Notified groceries that have not answered the recall yet.",
    )
    unanswered_count = fields.Integer(
        compute="_compute_unanswered",
        string="Groceries without answer",
        groups="alim_food.alim_food_group_warehouse",
    )
    close_reason = fields.Text(
        string="Closed without every answer because",
        groups="alim_food.alim_food_group_warehouse",
        help="Needed to close the recall while some notified groceries have not answered.",
    )
    is_action_open_allowed = fields.Boolean(compute="_compute_is_action_allowed")
    is_action_notify_allowed = fields.Boolean(compute="_compute_is_action_allowed")
    is_action_close_allowed = fields.Boolean(compute="_compute_is_action_allowed")

    @api.constrains("name", "lot_id", "product_id", "date_from", "date_to")
    def _check_scope(self):
        for recall in self:
            if not recall.lot_id and not recall.product_id:
                raise UserError(self.env._("A recall needs a lot, or a product and its reception dates."))
            if recall.date_from and recall.date_to and recall.date_from > recall.date_to:
                raise UserError(self.env._("The start date must be before the end date."))

    def _source_lots(self):
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
            lots = recall._source_lots() if (recall.lot_id or recall.product_id) else self.env["stock.lot"]
            lines = lots._alim_delivered_move_lines()
            recall.lot_ids = lots._alim_trace_downstream()
            recall.own_pack_lot_ids = recall.lot_ids._alim_platform_packs()
            recall.move_line_ids = lines
            groceries = lines.mapped(
                lambda line: line.picking_partner_id or line.move_id.partner_id
            ).commercial_partner_id
            recall.grocery_ids = groceries
            recall.grocery_count = len(groceries)

    @api.depends("notified_partner_ids", "answer_ids.grocery_id")
    def _compute_unanswered(self):
        for recall in self:
            recall.unanswered_partner_ids = recall.notified_partner_ids - recall.answer_ids.grocery_id
            recall.unanswered_count = len(recall.unanswered_partner_ids)

    def _tally(self):
        """{lot: LotTally} of the traced lots, from their done movements and their stock
        (a grouped query and the moves read in batch: the number of queries does not
        grow with the deliveries)."""
        self.ensure_one()
        lots = self.lot_ids
        if not lots:
            return {}
        MoveLine = self.env["stock.move.line"].sudo()
        groups = MoveLine._read_group(
            [("lot_id", "in", lots.ids), ("state", "=", "done")],
            ["lot_id", "location_id", "location_dest_id", "move_id"],
            ["quantity_product_uom:sum"],
        )
        movements = [
            (
                lot,
                source.usage,
                dest.usage,
                dest.scrap_location,
                (move.picking_id.partner_id or move.partner_id).commercial_partner_id,
                qty,
            )
            for lot, source, dest, move, qty in groups
        ]
        stock = dict(
            self.env["stock.quant"]
            .sudo()
            ._read_group(
                [("lot_id", "in", lots.ids), ("location_id.usage", "=", "internal")],
                ["lot_id"],
                ["quantity:sum"],
            )
        )
        return tally(movements, stock)

    @api.depends("lot_id", "product_id", "date_from", "date_to", "state")
    def _compute_tally(self):
        for recall in self:
            rows = recall._tally()
            summed = total(rows, {lot: lot.product_id.weight for lot in rows})
            recall.tally_received_qty = summed.received
            recall.tally_in_stock_qty = summed.in_stock
            recall.tally_delivered_qty = summed.delivered
            recall.tally_destroyed_qty = summed.destroyed
            recall.tally_returned_qty = summed.returned
            recall.tally_located_percent = summed.located_percent
            recall.tally_html = recall._tally_html(rows)

    def _tally_html(self, rows):
        head = Markup("").join(
            Markup("<th>%s</th>") % label
            for label in (
                self.env._("Lot"),
                self.env._("Product"),
                self.env._("Received"),
                self.env._("In stock (held)"),
                self.env._("Delivered"),
                self.env._("Destroyed"),
                self.env._("Returned to the supplier"),
                self.env._("Used in the lab"),
                self.env._("Located (%)"),
            )
        )
        body = Markup("")
        for lot, row in sorted(rows.items(), key=lambda item: item[0].name):
            cells = [lot.name, lot.product_id.display_name] + [
                f"{value:g}"
                for value in (
                    row.received,
                    row.in_stock,
                    row.delivered,
                    row.destroyed,
                    row.returned,
                    row.transformed,
                )
            ]
            cells.append(f"{row.located_percent:.0f} %")
            body += Markup("<tr>%s</tr>") % Markup("").join(Markup("<td>%s</td>") % cell for cell in cells)
            for grocery, qty in sorted(row.by_grocery.items(), key=lambda item: item[0].name or ""):
                body += Markup(
                    '<tr><td></td><td colspan="3">%s</td><td>%s</td><td colspan="4"></td></tr>'
                ) % (
                    grocery.name or "",
                    f"{qty:g}",
                )
        return Markup('<table class="table table-sm"><thead><tr>%s</tr></thead><tbody>%s</tbody></table>') % (
            head,
            body,
        )

    def _action_refusal(self, action):
        refusal = super()._action_refusal(action)
        if refusal:
            return refusal
        if action == "notify" and not self.grocery_ids:
            return self.env._("No grocery received these lots: there is nobody to notify.")
        if action == "close" and self.held_lot_ids.filtered(lambda lot: lot.product_qty > 0):
            return self.env._(
                "Held lots are still in stock: release or destroy them, with the reason, "
                "before closing the recall."
            )
        if action == "close" and self.own_pack_lot_ids and not (self.rappelconso_ref or "").strip():
            return self.env._(
                "This recall concerns packs the platform made (%(lots)s): declare it on RappelConso "
                "and write the reference of its sheet before closing.",
                lots=", ".join(self.own_pack_lot_ids.mapped("name")),
            )
        if action == "close" and self.unanswered_partner_ids and not (self.close_reason or "").strip():
            return self.env._(
                "%(count)s notified grocery(ies) have not answered (%(names)s): wait for their "
                "answer or write why the recall is closed without it.",
                count=len(self.unanswered_partner_ids),
                names=", ".join(self.unanswered_partner_ids.mapped("name")),
            )
        return ""

    def action_open(self):
        """Open the recall: hold at once every lot it traces, whether or not a grocery
        received any (a recall of goods still in the warehouse only holds them)."""
        self._check_is_action_allowed("open")
        self._action_open()
        return True

    def _action_open(self):
        for recall in self:
            lots = recall.lot_ids
            recall._transition(
                "open", opened_date=fields.Datetime.now(), held_lot_ids=[fields.Command.set(lots.ids)]
            )
            recall.message_post(
                body=self.env._(
                    "Recall opened: %(count)s lot(s) held (%(lots)s).",
                    count=len(lots),
                    lots=", ".join(lots.mapped("name")),
                )
            )
            if recall.own_pack_lot_ids and not recall.rappelconso_ref:
                recall.activity_schedule(
                    "mail.mail_activity_data_todo",
                    summary=self.env._("Declare the recall on RappelConso"),
                    note=self.env._(
                        "The platform packed some of the recalled lots: declare the recall on "
                        "https://pro.rappel.conso.gouv.fr and write the reference of its sheet on the recall."
                    ),
                    user_id=self.env.uid,
                )
        self.held_lot_ids._alim_unreserve_held()

    def action_close(self):
        return self._transition("close", closed_date=fields.Datetime.now())

    def _report_groceries(self):
        """For the recall report: each notified grocery (or each that received the lots),
        what it received (in kg, as the tally), and its latest answer (or none)."""
        self.ensure_one()
        rows = self._tally()
        delivered = total(rows, {lot: lot.product_id.weight for lot in rows}).by_grocery
        latest = {}
        for answer in self.answer_ids.sorted("id"):
            latest[answer.grocery_id] = answer
        groceries = self.notified_partner_ids | self.grocery_ids
        return [
            {"grocery": grocery, "delivered": delivered.get(grocery, 0.0), "answer": latest.get(grocery)}
            for grocery in groceries.sorted("name")
        ]

    def _alim_decide(self, lots, decision, reason):
        """Release (the lots are safe after all) or destroy (scrap what is left in stock)
        held lots of this recall, with the reason, kept in the recall's and the lots'
        history."""
        self.ensure_one()
        if not self.env.user.has_group("alim_food.alim_food_group_manager"):
            raise UserError(
                self.env._("Only a quality or platform manager can release or destroy held lots.")
            )
        if self.state not in ("open", "notified"):
            raise UserError(self.env._("Only the lots of an open recall can be released or destroyed."))
        if not (reason or "").strip():
            raise UserError(self.env._("Write the reason of this decision."))
        lots &= self.held_lot_ids
        if not lots:
            raise UserError(self.env._("Choose lots held by this recall."))
        labels = {"release": self.env._("released"), "destroy": self.env._("destroyed")}
        body = self.env._(
            "Lot(s) %(lots)s %(decision)s: %(reason)s",
            lots=", ".join(lots.mapped("name")),
            decision=labels[decision],
            reason=reason.strip(),
        )
        if decision == "destroy":
            lots._alim_scrap_stock(self.name)
        else:
            self.held_lot_ids = [fields.Command.unlink(lot.id) for lot in lots]
        self.message_post(body=body)
        for lot in lots:
            lot.sudo().message_post(body=body)
        return True

    def action_notify(self):
        """Send the recall to every grocery that received the lots (mail, and their portal
        inbox through the message)."""
        self._check_is_action_allowed("notify")
        self.filtered(lambda recall: recall.state == "draft")._action_open()
        for recall in self:
            groceries = recall.grocery_ids
            # each grocery reads it in its own language; the notice kept on the recall (its
            # portal page) and the staff's note in the company's
            company_lang = self.env.company.partner_id.lang or self.env.lang
            for grocery in groceries:
                in_lang = recall.with_context(lang=grocery.lang or company_lang)
                # one private notification per grocery: a message's recipients are visible to
                # each of them (mail headers, JSON-RPC), so none is told who else received the lots
                recall.message_notify(
                    body=in_lang._notice_body(),
                    subject=in_lang.env._("Product recall: %(title)s", title=recall.name),
                    partner_ids=grocery.ids,
                    subtype_xmlid="mail.mt_comment",
                )
            body = recall.with_context(lang=company_lang)._notice_body()
            # the staff's trace on the recall itself (an internal note)
            recall.message_post(body=body, subtype_xmlid="mail.mt_note", message_type="comment")
            recall._transition(
                "notify",
                notified_partner_ids=[fields.Command.set(groceries.ids)],
                notified_date=fields.Datetime.now(),
                notice=body,
            )
        return True

    def _notice_body(self):
        """The recall as the groceries read it, in the context's language: the products and
        lots only (a grocery is not told who else received them)."""
        self.ensure_one()
        lines = Markup("").join(
            Markup("<li>%s, %s %s</li>") % (product.display_name, self.env._("lot"), lot.name)
            for product, lot in sorted(
                {(line.product_id, line.lot_id) for line in self.move_line_ids},
                key=lambda pair: (pair[0].display_name, pair[1].name),
            )
        )
        return Markup("<p><strong>%s</strong></p><p>%s</p><ul>%s</ul>") % (
            self.env._("Product recall: %(title)s", title=self.name),
            self.reason or self.env._("Set aside these products and do not give them."),
            lines,
        )

    def _alim_portal_answer(self, post):
        """Record the answer of the current user's grocery, from the portal form's text
        ``post`` (destroyed, returned, given_out, note): read with the user's own rights,
        refused whole with a translated message when a quantity is not one."""
        self.ensure_one()
        grocery = self.env.user._gesmip_member_grocery()
        if not grocery:
            raise UserError(self.env._("Only a member grocery can answer a recall."))
        labels = {
            "destroyed": self.env._("Destroyed"),
            "returned": self.env._("Returned to the platform"),
            "given_out": self.env._("Already given out"),
        }
        try:
            quantities = read_answer({field: post.get(field) for field in labels})
        except AnswerError as error:
            if error.code == "empty":
                raise UserError(
                    self.env._("Give at least one quantity: destroyed, returned or already given out.")
                ) from None
            messages = {
                "negative": self.env._("%(field)s: a quantity cannot be negative."),
                "over_cap": self.env._("%(field)s: this quantity is too large."),
            }
            message = messages.get(error.code, self.env._("%(field)s: write a number, such as 12 or 2.5."))
            raise UserError(message % {"field": labels[error.field]}) from None
        note = post.get("note") or ""
        if not isinstance(note, str) or len(note) > 2000:
            raise UserError(self.env._("The note is too long (2,000 characters at most)."))
        return self.env["alim.recall.answer"].create(
            {
                "recall_id": self.id,
                "grocery_id": grocery.id,
                "destroyed_qty": quantities["destroyed"],
                "returned_qty": quantities["returned"],
                "given_out_qty": quantities["given_out"],
                "note": note.strip() or False,
            }
        )
