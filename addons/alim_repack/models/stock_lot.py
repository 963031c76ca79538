from odoo import api, fields, models
from odoo.exceptions import UserError


class StockLot(models.Model):
    _inherit = "stock.lot"

    alim_repack_order_id = fields.Many2one(
        "alim.repack.order", string="Made by Repack Order", readonly=True, copy=False, index="btree_not_null"
    )
    alim_source_lot_ids = fields.Many2many(
        "stock.lot",
        "stock_lot_alim_source_rel",
        "lot_id",
        "source_lot_id",
        string="Made From",
        readonly=True,
        copy=False,
        help="The bulk lots this lot was repacked from.",
    )
    alim_derived_lot_ids = fields.Many2many(
        "stock.lot",
        string="Made Into",
        compute="_compute_alim_derived_lot_ids",
        help="The lots repacked from this lot.",
    )
    alim_derived_lot_count = fields.Integer(compute="_compute_alim_derived_lot_ids")
    alim_date_type = fields.Selection(
        [("dlc", "Use-by date (DLC)"), ("ddm", "Best-before date (DDM)"), ("none", "No date")],
        string="Date Type",
        compute="_compute_alim_date_type",
        store=True,
        readonly=False,
    )
    alim_allergen_ids = fields.Many2many(
        "alim.allergen",
        "stock_lot_alim_allergen_rel",
        "lot_id",
        "allergen_id",
        string="Allergens",
        compute="_compute_alim_allergen_ids",
        store=True,
        readonly=False,
    )
    alim_origin = fields.Char(
        string="Origin of the Goods", compute="_compute_alim_origin", store=True, readonly=False
    )

    @api.depends("product_id")
    def _compute_alim_date_type(self):
        for lot in self:
            lot.alim_date_type = lot.alim_date_type or lot.product_id.food_date_type or "none"

    @api.depends("product_id")
    def _compute_alim_allergen_ids(self):
        for lot in self:
            if not lot.alim_allergen_ids:
                lot.alim_allergen_ids = lot.product_id.allergen_ids

    @api.depends("product_id")
    def _compute_alim_origin(self):
        for lot in self:
            lot.alim_origin = lot.alim_origin or lot.product_id.origin

    def _compute_alim_derived_lot_ids(self):
        derived = self.search([("alim_source_lot_ids", "in", self.ids)]) if self.ids else self.browse()
        for lot in self:
            lot.alim_derived_lot_ids = derived.filtered(lambda d, lot=lot: lot in d.alim_source_lot_ids)
            lot.alim_derived_lot_count = len(lot.alim_derived_lot_ids)

    def action_alim_print_labels(self):
        """Print (again) the labels of a pack lot the lab made: the same labels as its repack
        order's, allergens in bold."""
        self.ensure_one()
        if not self.alim_repack_order_id:
            raise UserError(
                self.env._("Lot %(lot)s was not made by the lab: it has no pack labels.", lot=self.name)
            )
        return self.alim_repack_order_id.action_print_labels()

    def _alim_derived_lots(self):
        """The pack lots repacked from these lots (used by recalls through
        ``_alim_trace_downstream``)."""
        lots = super()._alim_derived_lots()
        if self.ids:
            lots |= self.search([("alim_source_lot_ids", "in", self.ids)])
        return lots

    def _alim_source_lots(self):
        sources = super()._alim_source_lots()
        for lot in self.filtered("alim_source_lot_ids"):
            sources[lot.id] |= lot.alim_source_lot_ids
        return sources

    def _alim_platform_packs(self):
        return super()._alim_platform_packs() | self.filtered("alim_repack_order_id")

    def action_alim_view_derived_lots(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Made into"),
            "res_model": "stock.lot",
            "view_mode": "list,form",
            "domain": [("id", "in", self._alim_trace_downstream().ids), ("id", "!=", self.id)],
        }

    def action_alim_view_deliveries(self):
        """Every delivery to a grocery of this lot or of a pack made from it."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Deliveries of %s and its packs", self.name),
            "res_model": "stock.move.line",
            "view_mode": "list,form",
            "domain": [("id", "in", self._alim_delivered_move_lines().ids)],
            "context": {"create": False},
        }
