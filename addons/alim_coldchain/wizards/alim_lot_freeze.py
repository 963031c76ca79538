from datetime import datetime, time

from odoo import Command, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare


class AlimLotFreeze(models.TransientModel):
    """Freeze a chilled use-by lot before its date, where the platform holds the authorisation
    (agrément or dérogation of the DDPP): the goods become a new lot of the frozen product,
    with a best-before date the platform sets and the day it was frozen, in a negative room.
    A frozen lot is never frozen again."""

    _name = "alim.lot.freeze"
    _description = "Freeze a Lot"

    lot_id = fields.Many2one("stock.lot", required=True, readonly=True)
    product_id = fields.Many2one(related="lot_id.product_id")
    frozen_product_id = fields.Many2one(
        related="lot_id.product_id.alim_frozen_product_id", string="Frozen as"
    )
    location_id = fields.Many2one(
        "stock.location",
        string="From",
        required=True,
        domain=[("usage", "=", "internal")],
        compute="_compute_location_id",
        store=True,
        readonly=False,
        precompute=True,
    )
    location_dest_id = fields.Many2one(
        "stock.location", string="Negative room", required=True, domain=[("storage_class", "=", "frozen")]
    )
    quantity = fields.Float(
        digits="Product Unit of Measure",
        compute="_compute_location_id",
        store=True,
        readonly=False,
        precompute=True,
    )
    best_before = fields.Date(
        string="Best-before date (set by the platform)",
        required=True,
        help="The date the platform gives the frozen goods, under its authorisation.",
    )

    @api.depends("lot_id")
    def _compute_location_id(self):
        for wizard in self:
            quants = self.env["stock.quant"].search(
                [
                    ("lot_id", "=", wizard.lot_id.id),
                    ("location_id.usage", "=", "internal"),
                    ("quantity", ">", 0),
                ],
                order="quantity desc",
                limit=1,
            )
            wizard.location_id = quants.location_id
            wizard.quantity = quants.quantity

    def _freeze_refusal(self):
        """Why this lot cannot be frozen, in a sentence, or an empty string."""
        self.ensure_one()
        lot, product = self.lot_id, self.lot_id.product_id
        company = self.location_id.company_id or self.env.company
        today = fields.Date.context_today(self)
        if not company.alim_freezing_authorisation:
            return self.env._(
                "The platform records no authorisation to freeze food (agrément or dérogation): "
                "a manager writes it in the company settings first."
            )
        refusal = lot._alim_freeze_refusal()
        if refusal:
            return refusal
        frozen = product.alim_frozen_product_id
        if not frozen or frozen.storage_class != "frozen":
            return self.env._(
                "%(product)s has no frozen product to become (Frozen as): set one first.",
                product=product.display_name,
            )
        room = self.location_dest_id
        while room and not room.storage_class:
            room = room.location_id
        if room.storage_class != "frozen":
            return self.env._("Frozen goods go to a negative room.")
        if float_compare(self.quantity, 0.0, precision_rounding=product.uom_id.rounding) <= 0:
            return self.env._("Give the quantity to freeze.")
        available = sum(
            self.env["stock.quant"]
            ._gather(product, self.location_id, lot_id=lot, strict=True)
            .mapped(lambda quant: quant.quantity - quant.reserved_quantity)
        )
        if float_compare(self.quantity, available, precision_rounding=product.uom_id.rounding) > 0:
            return self.env._(
                "Only %(available)s of lot %(lot)s are free in %(location)s.",
                available=available,
                lot=lot.name,
                location=self.location_id.display_name,
            )
        if not self.best_before or self.best_before <= today:
            return self.env._("The best-before date of the frozen goods must be after today.")
        return ""

    def action_freeze(self):
        self.ensure_one()
        refusal = self._freeze_refusal()
        if refusal:
            raise UserError(refusal)
        lot = self._freeze()
        return {
            "type": "ir.actions.act_window",
            "res_model": "stock.lot",
            "res_id": lot.id,
            "view_mode": "form",
        }

    def _freeze(self):
        """Consume the chilled lot into production and make the frozen lot in the negative room."""
        lot, product = self.lot_id, self.lot_id.product_id
        frozen = product.alim_frozen_product_id
        today = fields.Date.context_today(self)
        new_lot = self.env["stock.lot"].create(
            {
                "name": self.env._("%(lot)s-FROZEN", lot=lot.name),
                "product_id": frozen.id,
                "company_id": lot.company_id.id,
                "expiration_date": datetime.combine(self.best_before, time(12)),
                "alim_frozen_on": today,
                "alim_frozen_from_lot_id": lot.id,
            }
        )
        production = product.with_company(
            self.location_id.company_id or self.env.company
        ).property_stock_production
        Move = self.env["stock.move"]
        origin = self.env._("Freezing of %(lot)s", lot=lot.name)
        moves = Move
        for move_product, move_lot, source, dest in (
            (product, lot, self.location_id, production),
            (frozen, new_lot, production, self.location_dest_id),
        ):
            move = Move.create(
                {
                    "name": origin,
                    "origin": origin,
                    "product_id": move_product.id,
                    "product_uom": move_product.uom_id.id,
                    "product_uom_qty": self.quantity,
                    "location_id": source.id,
                    "location_dest_id": dest.id,
                }
            )
            move._action_confirm()
            move.write(
                {
                    "move_line_ids": [
                        Command.clear(),
                        Command.create(
                            {
                                "product_id": move_product.id,
                                "product_uom_id": move_product.uom_id.id,
                                "quantity": self.quantity,
                                "lot_id": move_lot.id,
                                "location_id": source.id,
                                "location_dest_id": dest.id,
                            }
                        ),
                    ],
                    "picked": True,
                }
            )
            move._action_done()
            moves |= move
        moves[0].move_line_ids.write({"produce_line_ids": [Command.set(moves[1].move_line_ids.ids)]})
        body = self.env._(
            "Frozen on %(day)s into lot %(new)s (best before %(date)s), authorisation %(auth)s.",
            day=today,
            new=new_lot.name,
            date=self.best_before,
            auth=(self.location_id.company_id or self.env.company).alim_freezing_authorisation,
        )
        lot.message_post(body=body)
        new_lot.message_post(body=body)
        return new_lot
