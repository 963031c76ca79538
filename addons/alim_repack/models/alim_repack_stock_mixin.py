from collections import defaultdict

from odoo import api, models
from odoo.exceptions import UserError
from odoo.tools import float_compare

from ..lib.repack import reservations_to_take


class AlimRepackStockMixin(models.AbstractModel):
    """A repack order's bulk in stock: how much of each lot is there, free or reserved for
    deliveries, and taking what is reserved when the order is done. A lot reserved for a
    grocery's delivery is repacked from the reservation: the deliveries planned last lose
    it, are reserved again from other lots where the stock allows, and are told on their
    chatter what they lost. Goods a volunteer has picked are not taken: the order is refused
    at planning, naming the deliveries that hold them."""

    _name = "alim.repack.stock.mixin"
    _description = "Repack Order: Bulk in Stock"

    def _input_needs(self):
        """The quantity to take from each bulk lot, in its product's unit."""
        self.ensure_one()
        needs = defaultdict(float)
        for line in self.input_ids:
            needs[line.lot_id] += line.quantity
        return needs

    def _lot_quants(self, lot):
        """The quants of ``lot`` in the location the bulk is taken from, or its children."""
        quants = self.env["stock.quant"]._gather(lot.product_id, self.location_src_id, lot_id=lot)
        return quants.filtered(lambda quant: quant.lot_id == lot)

    @api.model
    def _number(self, value):
        """A quantity as read in a message: 2, 0.5 (not 2.0)."""
        return f"{value:g}"

    @api.model
    def _free_quantity(self, quants):
        return sum(max(quant.quantity - quant.reserved_quantity, 0.0) for quant in quants)

    def _reserved_lines(self, lot, picked=False):
        """The move lines of other operations (a grocery's delivery, a transfer) that reserve
        ``lot`` where the bulk is taken from: not yet picked (the lab may take them, the
        delivery planned last first), or picked (a volunteer has them in hand)."""
        self.ensure_one()
        lines = self.env["stock.move.line"].search(
            [
                ("lot_id", "=", lot.id),
                ("location_id", "child_of", self.location_src_id.id),
                ("state", "not in", ("draft", "cancel", "done")),
                ("picked", "=", picked),
                ("quantity", ">", 0.0),
            ]
        )
        return lines.sorted(
            lambda line: (line.picking_id.scheduled_date or line.move_id.date, line.id), reverse=True
        )

    def _reservations_to_take(self):
        """What the order takes from reservations: a list of (move line, quantity in the
        product's unit), the part of each lot that is not free, taken from the deliveries
        planned last (``reservations_to_take()``)."""
        self.ensure_one()
        taken = []
        for lot, wanted in self._input_needs().items():
            lines = self._reserved_lines(lot)
            try:
                taken += reservations_to_take(
                    wanted,
                    self._free_quantity(self._lot_quants(lot)),
                    [(line, line.quantity_product_uom) for line in lines],
                    epsilon=lot.product_id.uom_id.rounding / 2,
                )
            except ValueError:
                self._check_lot_stock()  # says why
                raise
        return taken

    @api.model
    def _holder_name(self, move):
        """The operation a reservation belongs to, as a volunteer names it."""
        picking = move.picking_id
        if not picking:
            return move.reference or move.name
        if picking.partner_id:
            return f"{picking.name} ({picking.partner_id.display_name})"
        return picking.name

    def _describe_reservations(self, taken):
        """The reservations taken, as read on the chatter: "2 Units of lot BULK-1 reserved
        for WH/OUT/00012 (Épicerie du Mirail); ..."."""
        return "; ".join(
            self.env._(
                "%(qty)s %(uom)s of lot %(lot)s reserved for %(holder)s",
                qty=self._number(quantity),
                uom=line.product_id.uom_id.name,
                lot=line.lot_id.name,
                holder=self._holder_name(line.move_id),
            )
            for line, quantity in taken
        )

    def _check_lot_stock(self):
        """Refuse, with the reason, an order that asks a lot for more than it holds where the
        bulk is taken from, or for goods a volunteer has picked for a delivery. What is only
        reserved is taken from the reservation when the order is done."""
        self.ensure_one()
        for lot, wanted in self._input_needs().items():
            rounding = lot.product_id.uom_id.rounding
            quants = self._lot_quants(lot)
            on_hand = sum(quants.mapped("quantity"))
            if float_compare(on_hand, wanted, precision_rounding=rounding) < 0:
                raise UserError(
                    self.env._(
                        "Lot %(lot)s: only %(qty)s %(uom)s in %(location)s, not enough to take %(wanted)s.",
                        lot=lot.name,
                        qty=on_hand,
                        uom=lot.product_id.uom_id.name,
                        location=self.location_src_id.display_name,
                        wanted=wanted,
                    )
                )
            takeable = self._free_quantity(quants) + sum(
                self._reserved_lines(lot).mapped("quantity_product_uom")
            )
            if float_compare(takeable, wanted, precision_rounding=rounding) < 0:
                picked = self._reserved_lines(lot, picked=True)
                raise UserError(
                    self.env._(
                        "Lot %(lot)s: %(held)s are being picked for %(holders)s; only %(qty)s %(uom)s "
                        "can be repacked. Deliver them or put them back first.",
                        lot=lot.name,
                        held=self._number(on_hand - takeable),
                        holders=", ".join(dict.fromkeys(self._holder_name(move) for move in picked.move_id)),
                        qty=self._number(takeable),
                        uom=lot.product_id.uom_id.name,
                    )
                )

    def _notify_reservations_to_take(self):
        """At planning, say on the order which deliveries will lose what."""
        self.ensure_one()
        taken = self._reservations_to_take()
        if taken:
            self.message_post(
                body=self.env._(
                    "Reserved bulk: %(reservations)s. Recording the order as done takes it from "
                    "these reservations; the deliveries are then reserved again from other lots "
                    "where the stock allows, and told what they lost.",
                    reservations=self._describe_reservations(taken),
                ),
                subtype_xmlid="mail.mt_note",
            )

    def _take_reservations(self):
        """Free the reserved quantity the order needs (see ``_reservations_to_take``); returns
        the moves that lost it, with what each lost: {move: [(lot, quantity)]}."""
        self.ensure_one()
        taken = self._reservations_to_take()
        if taken:
            self.message_post(
                body=self.env._(
                    "Taken from reservations: %(reservations)s.",
                    reservations=self._describe_reservations(taken),
                ),
                subtype_xmlid="mail.mt_note",
            )
        lost = defaultdict(list)
        for line, quantity in taken:
            lost[line.move_id].append((line.lot_id, quantity))
            uom = line.product_id.uom_id
            if float_compare(quantity, line.quantity_product_uom, precision_rounding=uom.rounding) >= 0:
                line.unlink()
            else:
                line.quantity -= uom._compute_quantity(quantity, line.product_uom_id)
        return lost

    def _reserve_again(self, lost):
        """Reserve again the moves that lost bulk to the lab (other lots, where FEFO and the
        stock allow) and tell each delivery what it lost and what it has now."""
        self.ensure_one()
        moves = self.env["stock.move"].concat(*lost)
        moves._action_assign()
        for move, lots in lost.items():
            if not move.picking_id:
                continue
            for lot, quantity in lots:
                move.picking_id.message_post(
                    body=self.env._(
                        "Repack order %(order)s took %(qty)s %(uom)s of %(product)s, lot %(lot)s, that "
                        "were reserved for this delivery. Reserved now: %(reserved)s of %(demand)s %(uom)s.",
                        order=self.name,
                        qty=self._number(quantity),
                        uom=move.product_uom.name,
                        product=move.product_id.display_name,
                        lot=lot.name,
                        reserved=self._number(move.quantity),
                        demand=self._number(move.product_uom_qty),
                    ),
                    subtype_xmlid="mail.mt_note",
                )
