from odoo import api, fields, models

from ..lib.reception_checks import date_problem, effective_storage_class, storage_mismatch


class StockMoveLine(models.Model):
    _inherit = "stock.move.line"

    alim_short_date_reason = fields.Text(
        string="Why it can be handed on in time",
        help="Use-by goods with less than 48 hours left are received only with the reason they "
        "will reach households before their date (code de l'environnement, art. D541-310).",
    )

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines._alim_put_away_received()
        return lines

    def _alim_put_away_received(self):
        """Lines typed straight on a reception (the dock) keep the reception's destination,
        as Odoo applies the put-away rules only to the lines it makes itself: where such a
        line still goes to its move's destination, the rules (a room per storage class)
        choose the room."""
        if self.env.context.get("avoid_putaway_rules"):
            return
        lines = self.filtered(
            lambda line: (
                line.state not in ("done", "cancel")
                and line.picking_code == "incoming"
                and line.move_id
                and line.location_dest_id == line.move_id.location_dest_id
            )
        )
        if lines:
            lines._apply_putaway_strategy()

    def _alim_storage_class(self):
        """The storage class of the destination: its own, else the nearest parent's."""
        location = self.location_dest_id
        ids = [int(x) for x in (location.parent_path or "").strip("/").split("/") if x]
        by_id = {loc.id: loc.storage_class for loc in location.browse(ids)}
        return effective_storage_class([by_id.get(i) for i in reversed(ids)])

    def _alim_reception_errors(self, now):
        """Reasons why this reception line cannot be validated (dates, cold chain)."""
        self.ensure_one()
        errors = []
        product = self.product_id
        name = product.display_name
        if self.quantity < 0:
            errors.append(self.env._("%(product)s: the quantity must be more than zero.", product=name))
        problem = date_problem(
            product.food_date_type, self.expiration_date or self.lot_id.expiration_date, now
        )
        if problem == "missing":
            errors.append(
                self.env._(
                    "%(product)s: this product needs a lot with its date (use-by or best-before).",
                    product=name,
                )
            )
        elif problem == "short" and not (self.alim_short_date_reason or "").strip():
            errors.append(
                self.env._(
                    "%(product)s: less than 48 hours are left before the use-by date (DLC). "
                    "Refuse these goods, or write on the line why they can be handed on in time.",
                    product=name,
                )
            )
        elif problem == "past":
            errors.append(
                self.env._(
                    "%(product)s: the use-by date (DLC) is already past; these goods cannot be received.",
                    product=name,
                )
            )
        if storage_mismatch(product.storage_class, self._alim_storage_class()):
            labels = dict(product._fields["storage_class"]._description_selection(self.env))
            errors.append(
                self.env._(
                    "%(product)s (%(product_class)s) cannot be put away in %(location)s: "
                    "that room is for another kind of goods.",
                    product=name,
                    product_class=labels[product.storage_class],
                    location=self.location_dest_id.display_name,
                )
            )
        return errors
