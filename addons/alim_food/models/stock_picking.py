from odoo import api, fields, models
from odoo.exceptions import UserError

from ..lib.reception_checks import donation_excluded


class StockPicking(models.Model):
    _inherit = "stock.picking"

    alim_weight_kg = fields.Float(string="Weight (kg)", digits=(12, 3), compute="_compute_alim_weight_kg")

    @api.depends("move_ids.alim_weight_kg", "move_ids.state")
    def _compute_alim_weight_kg(self):
        for picking in self:
            moves = picking.move_ids.filtered(lambda m: m.state != "cancel")
            picking.alim_weight_kg = sum(moves.mapped("alim_weight_kg"))

    # ------------------------------------------------------------------ reception checks
    def _alim_reception_errors(self):
        """Human-readable reasons why these receptions cannot be validated."""
        errors = []
        now = fields.Datetime.now()
        for picking in self.filtered(lambda p: p.picking_type_code == "incoming"):
            for move in picking.move_ids.filtered(lambda m: m.state != "cancel"):
                product = move.product_id.display_name
                if (
                    move.product_uom_qty < 0
                    or move.quantity < 0
                    or (move.product_uom_qty <= 0 and move.quantity <= 0)
                ):
                    errors.append(
                        self.env._("%(product)s: the quantity must be more than zero.", product=product)
                    )
                if move.alim_weight_kg < 0:
                    errors.append(
                        self.env._("%(product)s: the weight cannot be below zero.", product=product)
                    )
            for line in picking.move_line_ids.filtered(lambda ml: ml.quantity or ml.lot_name or ml.lot_id):
                errors += line._alim_reception_errors(now)
            if picking._alim_is_donation_reception():
                errors += picking._alim_donation_exclusion_errors()
        return errors

    def _alim_is_donation_reception(self):
        """A reception of given goods: any reception but those the donations addon records as
        bought, from a public programme or from another platform."""
        self.ensure_one()
        source = self.alim_source_type if "alim_source_type" in self._fields else False
        return source not in ("purchase", "public_programme", "transfer")

    def _alim_donation_exclusion_errors(self):
        """Food the law excludes from donation (arrêté of 7 January 2021)."""
        self.ensure_one()
        exemption = self.partner_id.commercial_partner_id.food_donation_exemption
        errors = []
        for product in self.move_ids.filtered(lambda m: m.state != "cancel").product_id:
            if donation_excluded(product.food_animal_origin, product.food_loose, exemption):
                errors.append(
                    self.env._(
                        "%(product)s: food of animal origin that is not prepacked is excluded from "
                        "donation (arrêté of 7 January 2021), unless the donor is an approved "
                        "establishment or a collective caterer. Refuse these goods.",
                        product=product.display_name,
                    )
                )
        return errors

    def _alim_check_reception(self):
        errors = self._alim_reception_errors()
        if errors:
            raise UserError(
                self.env._(
                    "This reception cannot be validated:\n%(errors)s", errors="\n".join(dict.fromkeys(errors))
                )
            )

    def button_validate(self):
        self._alim_check_reception()
        return super().button_validate()

    def _action_done(self):
        self._alim_check_reception()
        return super()._action_done()
