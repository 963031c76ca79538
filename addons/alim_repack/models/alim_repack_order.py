from datetime import datetime, time

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_compare, float_is_zero

from ..lib.repack import (
    ALLERGEN_WORDS,
    DATE_WORDING,
    NEEDS_COLD_AGREMENT,
    STORAGE_WORDING,
    MixingError,
    RepackInput,
    emphasise,
    expected_packs,
    inherit,
    label_day,
    loss,
    pack_date,
    repack_refusal,
)

LAB_MANAGER_GROUP = "alim_repack.alim_repack_group_lab_manager"


class AlimRepackOrder(models.Model):
    """A session of the lab: bulk lots in, household packs with their own lot out."""

    _name = "alim.repack.order"
    _description = "Repack Order"
    _inherit = [
        "gesmip.state.machine.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "alim.repack.stock.mixin",
    ]
    _order = "lab_date desc, id desc"
    _check_company_auto = True
    _state_transitions = {
        "plan": (("draft",), "planned"),
        "done": (("draft", "planned"), "done"),
        "cancel": (("draft", "planned"), "cancelled"),
        "draft": (("cancelled",), "draft"),
    }

    name = fields.Char(
        string="Reference",
        required=True,
        readonly=True,
        copy=False,
        default=lambda self: self.env._("New"),
    )
    state = fields.Selection(
        [("draft", "Draft"), ("planned", "Planned"), ("done", "Done"), ("cancelled", "Cancelled")],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company)
    lab_date = fields.Date(string="Lab Day", required=True, default=fields.Date.context_today, tracking=True)
    user_id = fields.Many2one(
        "res.users", string="Operator", default=lambda self: self.env.user, tracking=True, check_company=True
    )
    input_ids = fields.One2many("alim.repack.order.input", "order_id", string="Bulk Inputs", copy=True)
    input_kg = fields.Float(
        string="Bulk Weight (kg)", compute="_compute_input_kg", store=True, digits=(12, 3)
    )
    product_id = fields.Many2one(
        "product.product",
        string="Pack Product",
        required=True,
        check_company=True,
        domain="[('is_storable', '=', True)]",
        tracking=True,
    )
    pack_kg = fields.Float(
        string="Pack Size (kg)",
        compute="_compute_pack_kg",
        store=True,
        readonly=False,
        digits=(12, 3),
        help="Net weight of one pack; by default the pack product's weight.",
    )
    expected_packs = fields.Integer(compute="_compute_expected_packs", store=True, aggregator="sum")
    packs_made = fields.Integer(tracking=True, aggregator="sum")
    output_kg = fields.Float(
        string="Actual Weight (kg)",
        compute="_compute_output_kg",
        store=True,
        readonly=False,
        digits=(12, 3),
        help="Weight of the packs made, as weighed; by default packs made times pack size.",
    )
    loss_kg = fields.Float(string="Loss (kg)", compute="_compute_loss", store=True, digits=(12, 3))
    loss_pct = fields.Float(
        string="Loss (%)", compute="_compute_loss", store=True, digits=(5, 2), aggregator="avg"
    )
    loss_reason = fields.Selection(
        [
            ("spillage", "Spillage"),
            ("damaged", "Damaged goods"),
            ("sample", "Samples and checks"),
            ("weighing", "Weighing difference"),
            ("other", "Other"),
        ],
    )
    loss_note = fields.Char()
    packaging_product_id = fields.Many2one("product.product", string="Packaging", check_company=True)
    packaging_qty = fields.Integer(string="Packaging Used")
    duration_minutes = fields.Integer(string="Time Spent (min)", aggregator="sum")
    allow_mixing = fields.Boolean(
        tracking=True,
        help="Let inputs of different date types, storage classes or allergens be mixed. "
        "Only a lab manager may tick it.",
    )
    location_src_id = fields.Many2one(
        "stock.location",
        string="Take Bulk From",
        required=True,
        default=lambda self: self._default_location(),
        domain="[('usage', '=', 'internal')]",
        check_company=True,
    )
    location_dest_id = fields.Many2one(
        "stock.location",
        string="Put Packs In",
        required=True,
        default=lambda self: self._default_location(),
        domain="[('usage', '=', 'internal')]",
        check_company=True,
    )
    output_lot_id = fields.Many2one(
        "stock.lot", string="Pack Lot", readonly=True, copy=False, check_company=True
    )
    output_date = fields.Datetime(related="output_lot_id.expiration_date", string="Pack Date")
    output_date_type = fields.Selection(related="output_lot_id.alim_date_type")
    move_ids = fields.One2many("stock.move", "alim_repack_order_id", string="Stock Moves", readonly=True)
    move_count = fields.Integer(compute="_compute_move_count")
    note = fields.Html()

    is_action_plan_allowed = fields.Boolean(compute="_compute_is_action_allowed")
    is_action_done_allowed = fields.Boolean(compute="_compute_is_action_allowed")
    is_action_cancel_allowed = fields.Boolean(compute="_compute_is_action_allowed")
    is_action_draft_allowed = fields.Boolean(compute="_compute_is_action_allowed")

    @api.model
    def _default_location(self):
        warehouse = self.env["stock.warehouse"].search([("company_id", "=", self.env.company.id)], limit=1)
        return warehouse.lot_stock_id

    @api.model
    def _to_kg(self, product, quantity):
        """Kilograms of ``quantity`` of ``product`` in its own unit."""
        if not product:
            return 0.0
        kg = self.env.ref("uom.product_uom_kgm")
        if product.uom_id.category_id == kg.category_id:
            return product.uom_id._compute_quantity(quantity, kg, round=False)
        return quantity * product.weight

    @api.depends("input_ids.weight_kg")
    def _compute_input_kg(self):
        for order in self:
            order.input_kg = sum(order.input_ids.mapped("weight_kg"))

    @api.depends("product_id")
    def _compute_pack_kg(self):
        for order in self:
            order.pack_kg = self._to_kg(order.product_id, 1.0)

    @api.depends("input_kg", "pack_kg")
    def _compute_expected_packs(self):
        for order in self:
            order.expected_packs = expected_packs(order.input_kg, order.pack_kg) if order.pack_kg > 0 else 0

    @api.depends("packs_made", "pack_kg")
    def _compute_output_kg(self):
        for order in self:
            order.output_kg = order.packs_made * order.pack_kg

    @api.depends("input_kg", "output_kg", "state")
    def _compute_loss(self):
        for order in self:
            if order.state == "done" or order.output_kg:
                order.loss_kg, order.loss_pct = loss(order.input_kg, order.output_kg)
            else:
                order.loss_kg = order.loss_pct = 0.0

    def _compute_move_count(self):
        for order in self:
            order.move_count = len(order.move_ids)

    @api.constrains("allow_mixing")
    def _check_allow_mixing(self):
        if self.env.su or self.env.user.has_group(LAB_MANAGER_GROUP):
            return
        if any(order.allow_mixing for order in self):
            raise ValidationError(self.env._("Only a lab manager may allow mixing different inputs."))

    @api.constrains("pack_kg", "packs_made", "output_kg", "duration_minutes", "packaging_qty")
    def _check_positive(self):
        for order in self:
            if order.pack_kg < 0 or order.packs_made < 0 or order.output_kg < 0:
                raise ValidationError(self.env._("Pack size, packs made and weight cannot be negative."))
            if order.duration_minutes < 0 or order.packaging_qty < 0:
                raise ValidationError(self.env._("Time spent and packaging used cannot be negative."))

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name") in (None, False, "/", "New", self.env._("New")):
                vals["name"] = self.env["ir.sequence"].next_by_code("alim.repack.order") or self.env._("New")
        return super().create(vals_list)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_done(self):
        if any(order.state == "done" for order in self):
            raise UserError(self.env._("A done repack order cannot be deleted: its lots are in stock."))

    # ------------------------------------------------------------------ state machine
    def action_plan(self):
        self._check_is_action_allowed("plan")
        self._check_inputs()
        result = self._transition("plan")
        for order in self:
            order._notify_reservations_to_take()
        return result

    def action_done(self):
        self._check_is_action_allowed("done")
        for order in self:
            order._action_done()
        return True

    def action_cancel(self):
        return self._transition("cancel")

    def action_draft(self):
        return self._transition("draft")

    # ------------------------------------------------------------------ checks
    @api.model
    def _lot_food_date(self, lot):
        return lot.expiration_date or lot.use_date

    @api.model
    def _lot_is_held(self, lot):
        return any(name in lot._fields and lot[name] for name in ("alim_on_hold", "is_held", "alim_hold"))

    def _check_inputs(self):
        """Refuse orders without inputs, with held or expired lots, or that mix unlike inputs."""
        for order in self:
            if not order.input_ids:
                raise UserError(self.env._("Add at least one bulk lot to repack (%s).", order.name))
            if order.pack_kg <= 0:
                raise UserError(self.env._("Set the pack size in kilograms (%s).", order.name))
            if order.product_id.tracking != "lot":
                raise UserError(
                    self.env._("The pack product %s must be tracked by lots.", order.product_id.display_name)
                )
            order._check_authorised()
            now = fields.Datetime.now()
            for line in order.input_ids:
                lot = line.lot_id
                if float_compare(line.quantity, 0.0, precision_rounding=line.uom_id.rounding) <= 0:
                    raise UserError(self.env._("Lot %s: the quantity to take must be positive.", lot.name))
                if self._lot_is_held(lot):
                    raise UserError(
                        self.env._("Lot %s is on hold: it cannot be repacked until it is released.", lot.name)
                    )
                food_date = self._lot_food_date(lot)
                if food_date and food_date < now:
                    raise UserError(
                        self.env._(
                            "Lot %(lot)s is past its date (%(date)s): it cannot be repacked.",
                            lot=lot.name,
                            date=fields.Date.to_string(food_date.date()),
                        )
                    )
            order._inherited()
            order._check_lot_stock()

    def _check_authorised(self):
        """The lab repacks only what the company is authorised for: dry goods of non-animal
        origin, and chilled, frozen or animal-origin goods only with a recorded agrément."""
        self.ensure_one()
        company = self.company_id
        for product in self.input_ids.product_id | self.product_id:
            refusal = repack_refusal(
                product.storage_class,
                product.food_animal_origin,
                cold_allowed=bool(company.alim_repack_agrement and company.alim_repack_cold_allowed),
                animal_allowed=bool(company.alim_repack_agrement and company.alim_repack_animal_allowed),
            )
            if refusal == NEEDS_COLD_AGREMENT:
                raise UserError(
                    self.env._(
                        "%(product)s is a chilled or frozen product: the lab may repack it only "
                        "under a sanitary approval (agrément) covering cold goods, recorded on "
                        "the company.",
                        product=product.display_name,
                    )
                )
            if refusal:
                raise UserError(
                    self.env._(
                        "%(product)s is a food of animal origin: the lab may repack it only "
                        "under a sanitary approval (agrément) covering it, recorded on the company.",
                        product=product.display_name,
                    )
                )

    def _inherited(self):
        """What the pack lot inherits from the inputs (earliest date, date type, allergens)."""
        self.ensure_one()
        inputs = [
            RepackInput(
                date=self._lot_food_date(line.lot_id),
                date_type=line.product_id.food_date_type or "none",
                storage_class=line.product_id.storage_class,
                allergens=frozenset(line.product_id.allergen_ids.ids),
            )
            for line in self.input_ids
        ]
        reasons = {
            "date_type": self.env._("use-by and best-before goods"),
            "storage_class": self.env._("goods of different storage classes"),
            "allergens": self.env._("goods with different allergens"),
        }
        try:
            return inherit(inputs, allow_mixing=self.allow_mixing)
        except MixingError as error:
            raise UserError(
                self.env._(
                    "This order mixes %(what)s. Only a lab manager may allow it (%(order)s).",
                    what=reasons[error.reason],
                    order=self.name,
                )
            ) from error

    def _check_result(self):
        self.ensure_one()
        if self.packs_made <= 0:
            raise UserError(self.env._("Enter the number of packs made (%s).", self.name))
        if float_compare(self.output_kg, self.input_kg, precision_digits=3) > 0:
            raise UserError(
                self.env._(
                    "The packs weigh %(out)s kg, more than the %(in)s kg of bulk used: check the weights.",
                    out=self.output_kg,
                    **{"in": self.input_kg},
                )
            )
        if not float_is_zero(self.loss_kg, precision_digits=3) and not self.loss_reason:
            raise UserError(self.env._("Give the reason of the %s kg lost.", self.loss_kg))

    # ------------------------------------------------------------------ done: lot and stock
    def _action_done(self):
        self.ensure_one()
        self._check_inputs()
        self._check_result()
        inherited = self._inherited()
        lot = self.env["stock.lot"].create(self._prepare_output_lot_vals(inherited))
        self._action_done_stock(lot)
        self._transition("done", output_lot_id=lot.id)

    def _prepare_output_lot_vals(self, inherited):
        """The pack lot: the earliest date of the inputs, shortened by the pack product's
        shelf life after opening where one is set (a pack with no dated input then gets a
        best-before date from the lab)."""
        self.ensure_one()
        food_date = inherited.date
        if food_date and not isinstance(food_date, datetime):
            food_date = datetime.combine(food_date, time(23, 59))
        shelf_days = self.product_id.alim_opened_shelf_days
        if shelf_days:
            food_date = pack_date(food_date, self.lab_date, shelf_days)
            if inherited.date_type == "none":
                inherited = inherited.__class__(
                    date=food_date, date_type="ddm", allergens=inherited.allergens
                )
        vals = {
            "name": self.env["ir.sequence"].next_by_code("alim.repack.lot") or self.name,
            "product_id": self.product_id.id,
            "company_id": self.company_id.id,
            "alim_repack_order_id": self.id,
            "alim_source_lot_ids": [Command.set(self.input_ids.lot_id.ids)],
            "alim_date_type": inherited.date_type,
            "alim_allergen_ids": [Command.set(sorted(inherited.allergens))],
            "alim_origin": ", ".join(
                dict.fromkeys(
                    o for o in (self.input_ids.product_id.mapped("origin") or [self.product_id.origin]) if o
                )
            ),
            "expiration_date": food_date or False,
        }
        if inherited.date_type == "ddm":
            vals["use_date"] = food_date or False
        return vals

    def _prepare_move_vals(self, product, quantity, location, location_dest):
        return {
            "name": self.name,
            "origin": self.name,
            "product_id": product.id,
            "product_uom": product.uom_id.id,
            "product_uom_qty": quantity,
            "location_id": location.id,
            "location_dest_id": location_dest.id,
            "company_id": self.company_id.id,
            "alim_repack_order_id": self.id,
            "date": fields.Datetime.now(),
        }

    def _action_done_stock(self, lot):
        """Consume the bulk from its lots into production, then produce the packs in one new lot.

        The packs are valued at the value of the bulk consumed (FIFO / average cost products):
        what leaves the bulk lots enters the pack lot, losses included.
        """
        self.ensure_one()
        Move = self.env["stock.move"]
        production = self.product_id.with_company(self.company_id).property_stock_production
        lost = self._take_reservations()
        consume_moves = Move
        for line in self.input_ids:
            move = Move.create(
                self._prepare_move_vals(line.product_id, line.quantity, self.location_src_id, production)
            )
            move._action_confirm()
            move.write({"move_line_ids": self._prepare_consume_line_commands(line, move, production)})
            consume_moves |= move
        packaging = self.packaging_product_id
        if packaging.is_storable and self.packaging_qty and packaging.tracking == "none":
            # Bags and labels leave stock too; their value goes into the packs.
            consume_moves |= Move.create(
                self._prepare_move_vals(packaging, self.packaging_qty, self.location_src_id, production)
            )
            consume_moves[-1:]._action_confirm()
            consume_moves[-1:]._action_assign()
            consume_moves[-1:].quantity = self.packaging_qty
        consume_moves.picked = True
        consume_moves._action_done()
        value = -sum(consume_moves.sudo().stock_valuation_layer_ids.mapped("value"))
        # The packs go to the room of their storage class (alim_food's put-away rules).
        pack_location = self.location_dest_id._get_putaway_strategy(self.product_id, quantity=self.packs_made)
        produce = Move.create(
            dict(
                self._prepare_move_vals(self.product_id, self.packs_made, production, self.location_dest_id),
                price_unit=value / self.packs_made if value > 0 else 0.0,
            )
        )
        produce._action_confirm()
        produce.write(
            {
                "move_line_ids": [
                    Command.clear(),
                    Command.create(
                        {
                            "product_id": self.product_id.id,
                            "product_uom_id": self.product_id.uom_id.id,
                            "quantity": self.packs_made,
                            "lot_id": lot.id,
                            "location_id": production.id,
                            "location_dest_id": pack_location.id,
                        }
                    ),
                ],
                "picked": True,
            }
        )
        produce._action_done()
        # Odoo's own traceability (lot report, deliveries of a lot) follows these links.
        consume_moves.move_line_ids.write({"produce_line_ids": [Command.set(produce.move_line_ids.ids)]})
        self._reserve_again(lost)

    def _prepare_consume_line_commands(self, line, move, production):
        rounding = line.uom_id.rounding
        remaining = line.quantity
        commands = []
        quants = self.env["stock.quant"]._gather(line.product_id, self.location_src_id, lot_id=line.lot_id)
        for quant in quants.filtered(lambda q: q.lot_id == line.lot_id):
            available = quant.quantity - quant.reserved_quantity
            if float_compare(available, 0.0, precision_rounding=rounding) <= 0:
                continue
            taken = min(available, remaining)
            commands.append(
                Command.create(
                    {
                        "product_id": line.product_id.id,
                        "product_uom_id": line.uom_id.id,
                        "quantity": taken,
                        "lot_id": line.lot_id.id,
                        "location_id": quant.location_id.id,
                        "location_dest_id": production.id,
                    }
                )
            )
            remaining -= taken
            if float_is_zero(remaining, precision_rounding=rounding):
                break
        if float_compare(remaining, 0.0, precision_rounding=rounding) > 0:
            raise UserError(
                self.env._(
                    "Lot %(lot)s: only %(qty)s %(uom)s in %(location)s, not enough to take %(wanted)s.",
                    lot=line.lot_id.name,
                    qty=line.quantity - remaining,
                    uom=line.uom_id.name,
                    location=self.location_src_id.display_name,
                    wanted=line.quantity,
                )
            )
        return commands

    # ------------------------------------------------------------------ buttons
    def action_view_moves(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("stock.stock_move_action")
        action.update({"domain": [("alim_repack_order_id", "=", self.id)], "context": {}})
        return action

    def _label_lang(self):
        """The label's language: French when it is installed, whoever prints."""
        return "fr_FR" if "fr_FR" in dict(self.env["res.lang"].get_installed()) else self.env.lang

    def _label_allergens(self):
        """Allergen names of the pack lot, in French when French is installed (the label's
        language, whoever prints it)."""
        self.ensure_one()
        return self.output_lot_id.alim_allergen_ids.with_context(lang=self._label_lang()).mapped("name")

    def _label_ingredients(self):
        """The consumer's list of ingredients of the pack: the ingredients of every input
        when each has its list, else the pack product's own list. A product's name is never
        an ingredient list ("Riz long grain (sac 25 kg)" is the bulk, not what the pack holds):
        with no list the label is refused, saying which product lacks one."""
        self.ensure_one()
        lang = self._label_lang()
        inputs = self.input_ids.product_id.with_context(lang=lang)
        if inputs and all(product.alim_ingredients for product in inputs):
            return ", ".join(dict.fromkeys(product.alim_ingredients.strip() for product in inputs))
        pack = self.product_id.with_context(lang=lang)
        if pack.alim_ingredients:
            return pack.alim_ingredients.strip()
        missing = (inputs | pack).filtered(lambda product: not product.alim_ingredients)
        raise UserError(
            self.env._(
                "No list of ingredients for %(products)s: the label of %(order)s would name the "
                "bulk instead of what the pack holds. Write the list a consumer reads on the "
                "product (Food tab, Ingredients, e.g. 'Riz long grain'), then print again.",
                products=", ".join(missing.mapped("display_name")),
                order=self.name,
            )
        )

    def _alim_label_values(self):
        """What a pack's label says (Reg. EU 1169/2011 art. 9), in French whoever prints it:
        name, the consumer's list of ingredients with the allergens in bold (and, after it,
        any allergen of the lot the list does not name), net quantity, the date with its
        wording (the day in Europe/Paris), storage conditions, operator's name and address,
        lot and origin."""
        self.ensure_one()
        lot = self.output_lot_id
        lang = self._label_lang()
        allergens = lot.alim_allergen_ids.with_context(lang=lang)
        xmlids = allergens.get_external_id()
        words_of = {
            allergen: [allergen.name, *ALLERGEN_WORDS.get(xmlids[allergen.id].partition(".")[2], ())]
            for allergen in allergens
        }
        ingredients = emphasise(self._label_ingredients(), [w for words in words_of.values() for w in words])
        named = {segment.casefold() for segment, bold in ingredients if bold}
        not_named = [
            allergen.name
            for allergen, words in words_of.items()
            if not named & {word.casefold() for word in words}
        ]
        day = label_day(lot.expiration_date) if lot.expiration_date else None
        company = self.company_id.partner_id
        address = ", ".join(
            part
            for part in (company.street, company.street2, " ".join(filter(None, (company.zip, company.city))))
            if part
        )
        grams = self.pack_kg * 1000
        net = f"{grams:g} g" if grams < 1000 else f"{self.pack_kg:g} kg".replace(".", ",")
        return {
            "name": self.product_id.with_context(lang=lang).name,
            "ingredients": ingredients,
            "contains": not_named,
            "allergens": allergens.mapped("name"),
            "net": net,
            "date_wording": DATE_WORDING.get(lot.alim_date_type) if day else "",
            "date": day.strftime("%d/%m/%Y") if day else "",
            "storage": STORAGE_WORDING.get(self.product_id.storage_class or "dry", ""),
            "operator": self.company_id.name,
            "address": address,
            "lot": lot.name or "",
            "origin": lot.alim_origin or "",
            "lab_day": self.lab_date.strftime("%d/%m/%Y") if self.lab_date else "",
        }

    def action_print_labels(self):
        """Ask how many labels and from which place of the sheet, then print them (the first
        print and every reprint go the same way)."""
        self.ensure_one()
        self._check_labels_printable()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Print Labels"),
            "res_model": "alim.repack.label.print",
            "view_mode": "form",
            "target": "new",
            "context": {"default_order_id": self.id},
        }

    def _check_labels_printable(self):
        """Refuse, with the reason, the labels of an order not done or whose label would be
        wrong (no list of ingredients)."""
        for order in self:
            if order.state != "done" or not order.output_lot_id:
                raise UserError(
                    self.env._("%(order)s is not done: its packs have no lot to label yet.", order=order.name)
                )
            order._alim_label_values()
