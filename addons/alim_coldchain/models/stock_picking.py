from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..lib.temperature_profiles import TOLERATED_MARGIN, judge

# The temperature at reception is measured on each line of the reception (alim_food's
# stock.move.line.alim_reception_temp): one truck brings chilled and frozen goods together.
TEMP_STAMPS = {
    "alim_loading_temp": ("alim_loading_temp_at", "alim_loading_temp_user_id"),
}


class StockPicking(models.Model):
    _inherit = "stock.picking"

    alim_cold_required = fields.Boolean(
        string="Cold delivery",
        compute="_compute_alim_cold_required",
        help="A delivery with chilled or frozen products: the temperature at loading is recorded.",
    )
    alim_loading_temp = fields.Float(string="Temperature at loading (°C)", digits=(5, 1), copy=False)
    alim_loading_temp_at = fields.Datetime(string="Loading checked at", readonly=True, copy=False)
    alim_loading_temp_user_id = fields.Many2one(
        "res.users", string="Loading checked by", readonly=True, copy=False
    )
    alim_temp_reason = fields.Text(
        string="Why accepted at this temperature",
        copy=False,
        help="Goods measured at loading above their maximum, within the tolerated margin (3 °C), "
        "are shipped only with the reason (a brief rise while loading, measured again). At "
        "reception the reason is written on the line, under “Why accepted”.",
    )
    alim_has_ddm_passed = fields.Boolean(
        string="Best-before passed",
        compute="_compute_alim_has_ddm_passed",
        help="Some lots are past best-before.",
    )

    @api.depends("picking_type_code", "move_ids.product_id.storage_class")
    def _compute_alim_cold_required(self):
        for picking in self:
            picking.alim_cold_required = picking.picking_type_code == "outgoing" and any(
                storage in ("chilled", "frozen")
                for storage in picking.move_ids.product_id.mapped("storage_class")
            )

    @api.depends("move_line_ids.lot_id", "move_line_ids.alim_ddm_passed")
    def _compute_alim_has_ddm_passed(self):
        now = fields.Datetime.now()
        for picking in self:
            picking.alim_has_ddm_passed = any(
                line.alim_ddm_passed or (line.lot_id and line.lot_id._alim_date_state_at(now) == "ddm_passed")
                for line in picking.move_line_ids
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            vals.update(self._alim_temp_stamps(vals))
        return super().create(vals_list)

    def write(self, vals):
        stamps = self._alim_temp_stamps(vals)
        return super().write(dict(vals, **stamps) if stamps else vals)

    def _alim_temp_stamps(self, vals):
        """Who recorded a temperature, and when."""
        stamps = {}
        for field, (at, user) in TEMP_STAMPS.items():
            if field in vals:
                stamps.update({at: fields.Datetime.now(), user: self.env.uid})
        return stamps

    def _alim_check_temperature(self, value, moment):
        """Judge a temperature measured at reception or loading against the maximum of each
        cold product of the picking (arrêté of 21 December 2009, annex I): beyond the
        tolerated margin the goods are refused; within it, only with the reason written."""
        self.ensure_one()
        refused, tolerated = [], []
        for product in self.move_ids.product_id:
            limit = product._alim_temp_max()
            verdict = judge(value, limit)
            if verdict == "refused":
                refused.append(f"{product.display_name} ({limit:+g} °C)")
            elif verdict == "tolerated":
                tolerated.append(f"{product.display_name} ({limit:+g} °C)")
        # formatted before the messages: the translation extractor reads their arguments
        shown, margin = f"{value:+g}", f"{TOLERATED_MARGIN:g}"
        if refused:
            raise UserError(
                self.env._(
                    "%(picking)s: %(value)s °C measured at %(moment)s is beyond the maximum of "
                    "%(products)s by more than %(margin)s °C. These goods cannot be accepted: refuse "
                    "them or set them aside for destruction.",
                    picking=self.name,
                    value=shown,
                    moment=moment,
                    products=", ".join(refused),
                    margin=margin,
                )
            )
        if tolerated and not (self.alim_temp_reason or "").strip():
            raise UserError(
                self.env._(
                    "%(picking)s: %(value)s °C measured at %(moment)s is above the maximum of "
                    "%(products)s. Measure again, or write why the goods are accepted (a brief rise "
                    "while handling, within %(margin)s °C).",
                    picking=self.name,
                    value=shown,
                    moment=moment,
                    products=", ".join(tolerated),
                    margin=margin,
                )
            )

    def _alim_check_deliverable(self, loading=True):
        """Refuse to ship held lots, lots past their use-by date or past the best-before
        tolerance, and cold goods without the temperature at loading."""
        now = fields.Datetime.now()
        for picking in self.filtered(lambda p: p.picking_type_code == "outgoing"):
            lines = picking.move_line_ids.filtered(lambda line: line.lot_id and line.quantity)
            recalled = lines.lot_id.filtered("alim_recalled")
            if recalled:
                raise UserError(
                    self.env._(
                        "%(picking)s cannot be validated: lot(s) %(lots)s are held by the recall "
                        "%(recalls)s. Take them out of the delivery; they stay in the warehouse "
                        "until the recall decides on them.",
                        picking=picking.name,
                        lots=", ".join(recalled.mapped("name")),
                        recalls=", ".join(
                            recalled.alim_recall_ids.filtered(
                                lambda recall: recall.state in ("open", "notified")
                            ).mapped("name")
                        ),
                    )
                )
            held = lines.lot_id.filtered("alim_on_hold")
            if held:
                raise UserError(
                    self.env._(
                        "%(picking)s cannot be validated: lot(s) %(lots)s are on hold after a "
                        "temperature excursion.",
                        picking=picking.name,
                        lots=", ".join(held.mapped("name")),
                    )
                )
            blocked = lines.lot_id.filtered(lambda lot: lot._alim_date_state_at(now) == "blocked")
            if blocked:
                raise UserError(
                    self.env._(
                        "%(picking)s cannot be validated: lot(s) %(lots)s are past their use-by date "
                        "(or past the best-before tolerance). Take them out and propose them "
                        "for destruction.",
                        picking=picking.name,
                        lots=", ".join(blocked.mapped("name")),
                    )
                )
            short = picking._alim_short_life_lots(lines, now)
            if short:
                raise UserError(
                    self.env._(
                        "%(picking)s cannot be validated: lot(s) %(lots)s have less life left before "
                        "their use-by date than the platform's minimum for a delivery to a grocery.",
                        picking=picking.name,
                        lots=", ".join(short.mapped("name")),
                    )
                )
            if loading and picking.alim_cold_required and not picking.alim_loading_temp_at:
                raise UserError(
                    self.env._(
                        "%(picking)s carries chilled or frozen goods: record the temperature "
                        "at loading first.",
                        picking=picking.name,
                    )
                )

    def _alim_short_life_lots(self, lines, now):
        """Use-by lots of ``lines`` with fewer days left than the company's minimum for the
        product's storage class (a delivery to a grocery only)."""
        self.ensure_one()
        if self.location_dest_id.usage != "customer":
            return self.env["stock.lot"]
        company = self.company_id or self.env.company
        short = self.env["stock.lot"]
        for line in lines:
            lot = line.lot_id
            days = company._alim_min_life_days(line.product_id.storage_class)
            if days and line.product_id.food_date_type == "dlc" and lot.expiration_date:
                if lot.expiration_date - now < timedelta(days=days):
                    short |= lot
        return short

    def _pre_action_done_hook(self):
        self._alim_check_deliverable()
        for picking in self:
            if picking.picking_type_code == "outgoing" and picking.alim_loading_temp_at:
                picking._alim_check_temperature(picking.alim_loading_temp, self.env._("loading"))
        self._alim_check_reception_temperatures()
        return super()._pre_action_done_hook()

    def _alim_check_reception_temperatures(self):
        """Each line measured at reception against its product's maximum: beyond the margin
        the goods are refused; within it, only with the reason written on the line."""
        refused, tolerated = [], []
        for line in self.move_line_ids.filtered(lambda ml: ml.quantity > 0 and ml.alim_reception_temp_at):
            verdict = line._alim_temp_verdict(line.alim_reception_temp)
            if verdict == "refused":
                refused.append(line._alim_temp_warning(line.alim_reception_temp))
            elif verdict == "tolerated" and not (line.alim_short_date_reason or "").strip():
                tolerated.append(line._alim_temp_warning(line.alim_reception_temp))
        if refused or tolerated:
            raise UserError(
                self.env._(
                    "This reception cannot be validated:\n%(errors)s",
                    errors="\n".join(dict.fromkeys(refused + tolerated)),
                )
            )

    def _check_expired_lots(self):
        """Best-before lots within tolerance are given knowingly: no expiry confirmation."""
        now = fields.Datetime.now()
        expired = super()._check_expired_lots()
        return expired.filtered(
            lambda picking: any(
                line.lot_id.product_expiry_alert and line.lot_id._alim_date_state_at(now) != "ddm_passed"
                for line in picking.move_line_ids
            )
        )

    def _action_done(self):
        now = fields.Datetime.now()
        for picking in self.filtered(lambda p: p.picking_type_code == "outgoing"):
            flagged = picking.move_line_ids.filtered(
                lambda line: line.lot_id and line.lot_id._alim_date_state_at(now) == "ddm_passed"
            )
            flagged.alim_ddm_passed = True
        self._alim_check_deliverable(loading=False)
        self.filtered(lambda p: p.picking_type_code == "incoming")._alim_check_reception_temperatures()
        return super()._action_done()
