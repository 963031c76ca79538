from datetime import timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.osv import expression

DATE_STATES = [
    ("ok", "In date"),
    ("near", "Near date"),
    ("ddm_passed", "Best-before passed (still given)"),
    ("blocked", "Blocked (past use-by or tolerance)"),
]


class StockLot(models.Model):
    _inherit = "stock.lot"

    alim_excursion_ids = fields.Many2many(
        "alim.temperature.excursion",
        "alim_excursion_lot_rel",
        "lot_id",
        "excursion_id",
        string="Excursions",
        readonly=True,
    )
    alim_recall_ids = fields.Many2many(
        "alim.recall",
        "alim_recall_held_lot_rel",
        "lot_id",
        "recall_id",
        string="Held by recalls",
        readonly=True,
    )
    alim_on_hold = fields.Boolean(
        string="On hold",
        compute="_compute_alim_on_hold",
        store=True,
        index=True,
        help="Held by an open recall or an open temperature excursion: it cannot be reserved "
        "nor delivered, and is out of the catalogue.",
    )
    alim_recalled = fields.Boolean(
        string="Recalled",
        compute="_compute_alim_on_hold",
        store=True,
        help="Held by an open recall.",
    )
    alim_date_state = fields.Selection(
        DATE_STATES,
        string="Date status",
        compute="_compute_alim_date_state",
        search="_search_alim_date_state",
    )
    alim_frozen_on = fields.Date(
        string="Frozen on",
        readonly=True,
        copy=False,
        help='The day the platform froze this lot ("congelé le"): it is never frozen again.',
    )
    alim_frozen_from_lot_id = fields.Many2one(
        "stock.lot",
        string="Frozen from",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="The chilled use-by lot this lot was frozen from.",
    )
    alim_freeze_allowed = fields.Boolean(
        string="May be frozen",
        compute="_compute_alim_freeze_allowed",
        help="Only chilled food with a use-by date, before that date, never frozen before and "
        "not on hold may be frozen (the Freeze button shows only then).",
    )
    alim_routing = fields.Selection(
        [("next_cycle", "Push in the next cycle"), ("repack", "Repack lab"), ("destroy", "Destroy")],
        string="Routing",
        tracking=True,
        help="What to do with a near-date lot.",
    )

    def _alim_derived_lots(self):
        """The lots frozen from these lots (a recall follows them)."""
        lots = super()._alim_derived_lots()
        if self.ids:
            lots |= self.search([("alim_frozen_from_lot_id", "in", self.ids)])
        return lots

    def _alim_label_day(self):
        """The day of the lot's date as a French label shows it (in Europe/Paris)."""
        self.ensure_one()
        if not self.expiration_date:
            return False
        return pytz.utc.localize(self.expiration_date).astimezone(pytz.timezone("Europe/Paris")).date()

    @api.depends(
        "product_id.storage_class",
        "product_id.food_date_type",
        "expiration_date",
        "alim_frozen_on",
        "alim_frozen_from_lot_id",
        "alim_on_hold",
    )
    def _compute_alim_freeze_allowed(self):
        for lot in self:
            lot.alim_freeze_allowed = not lot._alim_freeze_refusal()

    def _alim_freeze_refusal(self):
        """Why the goods of this lot may not be frozen, in a sentence, or an empty string:
        only chilled food with a use-by date, before that date, is frozen; never dry goods,
        never goods already frozen (by the platform or bought frozen), never a held lot. The
        freezing wizard adds the platform's authorisation, the room and the quantity."""
        self.ensure_one()
        product = self.product_id
        if self.alim_frozen_on or self.alim_frozen_from_lot_id:
            return self.env._("Lot %(lot)s was frozen already: food is never frozen twice.", lot=self.name)
        if product.storage_class != "chilled" or product.food_date_type != "dlc":
            return self.env._("Only chilled food with a use-by date (DLC) is frozen before its date.")
        if not self.expiration_date or self.expiration_date.date() < fields.Date.context_today(self):
            return self.env._("Lot %(lot)s is past its use-by date: it cannot be frozen.", lot=self.name)
        if self.alim_on_hold:
            return self.env._("Lot %(lot)s is on hold: it cannot be frozen.", lot=self.name)
        return ""

    def action_alim_freeze(self):
        self.ensure_one()
        refusal = self._alim_freeze_refusal()
        if refusal:
            raise UserError(refusal)
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Freeze the lot"),
            "res_model": "alim.lot.freeze",
            "view_mode": "form",
            "target": "new",
            "context": {"default_lot_id": self.id},
        }

    @api.model
    def _alim_blocked_domain(self):
        return expression.OR([super()._alim_blocked_domain(), [("alim_on_hold", "=", True)]])

    @api.depends("alim_excursion_ids.state", "alim_recall_ids.state")
    def _compute_alim_on_hold(self):
        for lot in self:
            lot.alim_recalled = any(recall.state in ("open", "notified") for recall in lot.alim_recall_ids)
            lot.alim_on_hold = lot.alim_recalled or any(exc.state == "open" for exc in lot.alim_excursion_ids)

    def _alim_unreserve_held(self):
        """Take these lots out of the reservations not done yet and reserve again (other
        lots where there are some): a held lot must not leave on a delivery prepared
        before the hold."""
        lines = (
            self.env["stock.move.line"]
            .sudo()
            .search(
                [("lot_id", "in", self.filtered("alim_on_hold").ids), ("state", "not in", ("done", "cancel"))]
            )
        )
        moves = lines.move_id.filtered(lambda move: move.picking_code != "incoming")
        if moves:
            moves._do_unreserve()
            moves._action_assign()

    def _alim_scrap_stock(self, origin):
        """Scrap what these lots still have in the warehouse."""
        quants = (
            self.env["stock.quant"]
            .sudo()
            .search(
                [("lot_id", "in", self.ids), ("location_id.usage", "=", "internal"), ("quantity", ">", 0)]
            )
        )
        for quant in quants:
            scrap = self.env["stock.scrap"].create(
                {
                    "product_id": quant.product_id.id,
                    "lot_id": quant.lot_id.id,
                    "location_id": quant.location_id.id,
                    "package_id": quant.package_id.id,
                    "scrap_qty": quant.quantity,
                    "product_uom_id": quant.product_id.uom_id.id,
                    "origin": origin,
                }
            )
            scrap.action_validate()

    @api.model
    def _alim_near_days(self):
        return int(self.env["ir.config_parameter"].sudo().get_param("alim_coldchain.near_date_days", 7))

    def _alim_date_state_at(self, when):
        """Date status of this lot at ``when`` (a datetime)."""
        self.ensure_one()
        expiry = self.expiration_date
        product = self.product_id.product_tmpl_id
        if not expiry or product.food_date_type not in ("dlc", "ddm"):
            return "ok"
        if expiry >= when:
            return "near" if expiry <= when + timedelta(days=self._alim_near_days()) else "ok"
        if product.food_date_type == "ddm":
            tolerance = product.food_category_id.ddm_tolerance_days
            if expiry + timedelta(days=tolerance) >= when:
                return "ddm_passed"
        return "blocked"

    @api.depends(
        "expiration_date", "product_id.food_date_type", "product_id.food_category_id.ddm_tolerance_days"
    )
    def _compute_alim_date_state(self):
        now = fields.Datetime.now()
        for lot in self:
            lot.alim_date_state = lot._alim_date_state_at(now)

    def _search_alim_date_state(self, operator, value):
        if operator not in ("=", "!=", "in", "not in"):
            return expression.FALSE_DOMAIN
        states = {value} if isinstance(value, str) else set(value or [])
        now = fields.Datetime.now()
        near_limit = now + timedelta(days=self._alim_near_days())
        dated = [("product_id.food_date_type", "in", ["dlc", "ddm"]), ("expiration_date", "!=", False)]
        # best-before passed within the tolerance of each category
        ddm_passed = [expression.FALSE_LEAF]
        categories = (
            self.env["alim.food.category"]
            .with_context(active_test=False)
            .search([("ddm_tolerance_days", ">", 0)])
        )
        for category in categories:
            ddm_passed = expression.OR(
                [
                    ddm_passed,
                    [
                        ("product_id.food_category_id", "=", category.id),
                        ("expiration_date", ">=", now - timedelta(days=category.ddm_tolerance_days)),
                    ],
                ]
            )
        ddm_passed = expression.AND(
            [
                dated,
                [("product_id.food_date_type", "=", "ddm"), ("expiration_date", "<", now)],
                ddm_passed,
            ]
        )
        domains = {
            "near": expression.AND(
                [dated, [("expiration_date", ">=", now), ("expiration_date", "<=", near_limit)]]
            ),
            "ddm_passed": ddm_passed,
            "blocked": expression.AND(
                [dated, [("expiration_date", "<", now)], ["!", *ddm_passed]],
            ),
        }
        domains["ok"] = ["!", *expression.OR([domains["near"], domains["ddm_passed"], domains["blocked"]])]
        domain = expression.OR([domains[state] for state in states if state in domains]) if states else []
        if operator in ("!=", "not in"):
            return ["!", *domain] if domain else []
        return domain or expression.FALSE_DOMAIN
