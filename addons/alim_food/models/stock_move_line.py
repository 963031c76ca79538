from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..lib.reception_checks import (
    date_problem,
    effective_storage_class,
    format_temperature,
    parse_temperature,
    storage_mismatch,
    temperature_required,
)

TEMP_VERDICTS = [
    ("ok", "Within the limit"),
    ("tolerated", "Above the limit, tolerated with a reason"),
    ("refused", "Beyond the limit: refuse"),
]


class StockMoveLine(models.Model):
    _inherit = "stock.move.line"

    alim_short_date_reason = fields.Text(
        string="Why accepted",
        help="Use-by goods with less than 48 hours left are received only with the reason they "
        "will reach households before their date (code de l'environnement, art. D541-310); cold "
        "goods measured a little above their maximum, only with the reason they are accepted.",
    )
    # The temperature measured in the goods at unloading: 0 °C is a measure, so "not measured"
    # is the empty stamp, and the screens show the text field, empty until measured.
    alim_reception_temp = fields.Float(
        string="Measured temperature (°C)",
        digits=(5, 1),
        copy=False,
        help="Measured in the goods at unloading. Writing it (even 0) records who measured it and "
        "when; writing nothing (False) leaves the line not measured.",
    )
    alim_reception_temp_at = fields.Datetime(string="Temperature measured at", readonly=True, copy=False)
    alim_reception_temp_user_id = fields.Many2one(
        "res.users", string="Temperature measured by", readonly=True, copy=False
    )
    alim_reception_temp_entry = fields.Char(
        string="Temperature at reception (°C)",
        compute="_compute_alim_reception_temp_entry",
        inverse="_inverse_alim_reception_temp_entry",
        help="Type the temperature measured in the goods (e.g. 3,5 or -18). Empty until measured; "
        "required for chilled and frozen goods before the reception is validated.",
    )
    alim_reception_temp_required = fields.Boolean(
        string="Temperature required",
        compute="_compute_alim_reception_temp_required",
        help="Chilled or frozen goods received from outside: their temperature is measured.",
    )
    alim_reception_temp_verdict = fields.Selection(
        TEMP_VERDICTS,
        string="Temperature verdict",
        compute="_compute_alim_reception_temp_verdict",
        help="The measured temperature against the product's maximum (cold chain).",
    )

    @api.depends("alim_reception_temp", "alim_reception_temp_at")
    @api.depends_context("lang")
    def _compute_alim_reception_temp_entry(self):
        decimal_point = self.env["res.lang"]._get_data(code=self.env.lang or "en_US").decimal_point or ","
        for line in self:
            line.alim_reception_temp_entry = (
                format_temperature(line.alim_reception_temp, decimal_point)
                if line.alim_reception_temp_at
                else ""
            )

    def _inverse_alim_reception_temp_entry(self):
        for line in self:
            value = self._alim_parse_temperature(line.alim_reception_temp_entry)
            if value is None and not line.alim_reception_temp_at:
                continue
            if value is not None and line.alim_reception_temp_at and value == line.alim_reception_temp:
                continue
            line.write({"alim_reception_temp": False if value is None else value})

    @api.model
    def _alim_parse_temperature(self, text):
        try:
            return parse_temperature(text)
        except ValueError:
            raise ValidationError(
                self.env._(
                    "“%(text)s” is not a temperature: type the degrees measured, e.g. 3,5 or -18.",
                    text=text,
                )
            ) from None

    @api.depends("product_id.storage_class", "location_id.usage", "picking_code")
    def _compute_alim_reception_temp_required(self):
        for line in self:
            line.alim_reception_temp_required = line._alim_temp_required()

    def _alim_temp_required(self):
        """Cold goods coming in from outside (a donor, a supplier, another platform)."""
        self.ensure_one()
        return bool(
            temperature_required(self.product_id.storage_class)
            and self.location_id.usage == "supplier"
            and self.location_dest_id.usage == "internal"
        )

    @api.depends("alim_reception_temp_entry", "product_id")
    def _compute_alim_reception_temp_verdict(self):
        """From what is typed, so that the line turns red or orange as soon as it is typed."""
        for line in self:
            try:
                value = parse_temperature(line.alim_reception_temp_entry)
            except ValueError:
                value = None
            line.alim_reception_temp_verdict = line._alim_temp_verdict(value) if value is not None else False

    def _alim_temp_verdict(self, value):
        """``ok``, ``tolerated`` or ``refused``: a measured temperature against the product's
        maximum. Hook: the cold chain (alim_coldchain) judges it; without it, every measure is
        recorded as it is."""
        return "ok"

    def _alim_temp_warning(self, value):
        """The warning shown at once to whoever types ``value`` on this line, or None. Hook:
        the cold chain writes it for a temperature above the product's maximum."""
        return None

    @api.onchange("alim_reception_temp_entry")
    def _onchange_alim_reception_temp_entry(self):
        """Tell the person who types a temperature out of range at once, before any save."""
        try:
            value = parse_temperature(self.alim_reception_temp_entry)
        except ValueError:
            return {
                "warning": {
                    "title": self.env._("Not a temperature"),
                    "message": self.env._(
                        "“%(text)s” is not a temperature: type the degrees measured, e.g. 3,5 or -18.",
                        text=self.alim_reception_temp_entry,
                    ),
                }
            }
        message = value is not None and self._alim_temp_warning(value)
        if message:
            return {
                "warning": {
                    "title": self.env._("Temperature out of range"),
                    "message": message,
                    "type": "dialog",
                }
            }
        return None

    @api.model_create_multi
    def create(self, vals_list):
        vals_list = [self._alim_temp_stamps(vals) for vals in vals_list]
        lines = super().create(vals_list)
        # a line added to a validated reception is done at once, without _action_done
        lines.filtered(lambda line: line.state == "done")._alim_check_measured()
        lines._alim_put_away_received()
        return lines

    def write(self, vals):
        if {"alim_reception_temp", "alim_reception_temp_entry"} & set(vals):
            done = self.filtered(lambda line: line.state == "done" and line._alim_temp_required())
            if done:
                raise UserError(
                    self.env._(
                        "%(products)s: the reception is validated; the temperature measured at "
                        "reception can no longer be changed.",
                        products=", ".join(done.product_id.mapped("display_name")),
                    )
                )
        return super().write(self._alim_temp_stamps(vals))

    def _alim_temp_stamps(self, vals):
        """Who measured the temperature, and when; a temperature written empty is not measured."""
        if "alim_reception_temp" not in vals:
            return vals
        measured = vals["alim_reception_temp"] is not False and vals["alim_reception_temp"] is not None
        return dict(
            vals,
            alim_reception_temp=vals["alim_reception_temp"] if measured else 0.0,
            alim_reception_temp_at=fields.Datetime.now() if measured else False,
            alim_reception_temp_user_id=self.env.uid if measured else False,
        )

    def _action_done(self):
        """The last door of every way goods are done: cold goods received from outside without
        their measured temperature are refused (a line added to a validated reception too)."""
        self._alim_check_measured()
        return super()._action_done()

    def _alim_check_measured(self):
        missing = self.filtered(
            lambda line: line.quantity > 0 and line._alim_temp_required() and not line.alim_reception_temp_at
        )
        if missing:
            raise UserError(missing._alim_temp_missing_message())

    def _alim_temp_missing_message(self):
        return self.env._(
            "Type the temperature measured in the goods on the reception line of %(products)s "
            "(chilled and frozen goods are received only once measured).",
            products=", ".join(dict.fromkeys(line._alim_line_label() for line in self)),
        )

    def _alim_line_label(self):
        self.ensure_one()
        lot = self.lot_id.name or self.lot_name
        name = self.product_id.display_name
        return self.env._("%(product)s, lot %(lot)s", product=name, lot=lot) if lot else name

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
                    "Refuse these goods, or write on the line, under “Why accepted”, why they can "
                    "be handed on in time.",
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
        if self.quantity > 0 and self._alim_temp_required() and not self.alim_reception_temp_at:
            errors.append(self._alim_temp_missing_message())
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
