from odoo import api, fields, models
from odoo.exceptions import UserError


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
            if "alim_loading_temp" in vals:
                vals.update(
                    alim_loading_temp_at=fields.Datetime.now(), alim_loading_temp_user_id=self.env.uid
                )
        return super().create(vals_list)

    def write(self, vals):
        if "alim_loading_temp" in vals:
            vals = dict(
                vals, alim_loading_temp_at=fields.Datetime.now(), alim_loading_temp_user_id=self.env.uid
            )
        return super().write(vals)

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
            if loading and picking.alim_cold_required and not picking.alim_loading_temp_at:
                raise UserError(
                    self.env._(
                        "%(picking)s carries chilled or frozen goods: record the temperature "
                        "at loading first.",
                        picking=picking.name,
                    )
                )

    def _pre_action_done_hook(self):
        self._alim_check_deliverable()
        return super()._pre_action_done_hook()

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
        return super()._action_done()
