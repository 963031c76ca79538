"""The running tally of a recall (état chiffré), over plain stock movements.

Each movement of a traced lot is classified by the kind of its source and destination
locations; the quantities of a lot add up to what was received, what is still in stock
(held), what went to each grocery (net of what came back), what was destroyed, returned
to the supplier or used up in the lab, and the share of the received quantity the
platform can locate ("% located"). Quantities are in the lot's product unit.
"""

from dataclasses import dataclass, field

INTERNAL = ("internal", "transit")
LOCATED_KINDS = ("in_stock", "delivered", "destroyed", "returned", "transformed")


@dataclass
class LotTally:
    received: float = 0.0
    in_stock: float = 0.0
    delivered: float = 0.0
    destroyed: float = 0.0
    returned: float = 0.0
    transformed: float = 0.0
    by_grocery: dict = field(default_factory=dict)

    @property
    def located(self):
        return sum(getattr(self, kind) for kind in LOCATED_KINDS)

    @property
    def located_percent(self):
        if not self.received:
            return 100.0 if not self.located else 0.0
        return min(100.0, 100.0 * self.located / self.received)


def classify(source_usage, dest_usage, dest_is_scrap=False):
    """What a done movement means for a recall: 'received', 'delivered', 'returned_by_grocery',
    'destroyed', 'returned', 'transformed', or None (a move inside the warehouse, a loss)."""
    source_in = source_usage in INTERNAL
    dest_in = dest_usage in INTERNAL
    if source_in and dest_in:
        return None
    if dest_in:
        return "returned_by_grocery" if source_usage == "customer" else "received"
    if not source_in:
        return None
    if dest_is_scrap:
        return "destroyed"
    return {
        "customer": "delivered",
        "supplier": "returned",
        "production": "transformed",
    }.get(dest_usage)


def tally(movements, stock):
    """``movements``: (lot, source_usage, dest_usage, dest_is_scrap, grocery, quantity) of the
    done movements of the traced lots; ``stock``: {lot: quantity in the warehouse}. Returns
    {lot: LotTally}."""
    result = {lot: LotTally(in_stock=qty) for lot, qty in stock.items()}
    for lot, source_usage, dest_usage, dest_is_scrap, grocery, quantity in movements:
        kind = classify(source_usage, dest_usage, dest_is_scrap)
        if kind is None:
            continue
        row = result.setdefault(lot, LotTally())
        if kind in ("delivered", "returned_by_grocery"):
            signed = quantity if kind == "delivered" else -quantity
            row.delivered += signed
            row.by_grocery[grocery] = row.by_grocery.get(grocery, 0.0) + signed
        else:
            setattr(row, kind, getattr(row, kind) + quantity)
    return result


def total(rows, weights=None):
    """Sum the tallies of several lots, each quantity times its lot's weight (kg per unit,
    1 when unknown), so that lots of different units add up. Returns a LotTally."""
    weights = weights or {}
    summed = LotTally()
    for lot, row in rows.items():
        weight = weights.get(lot) or 1.0
        for kind in ("received", *LOCATED_KINDS):
            setattr(summed, kind, getattr(summed, kind) + weight * getattr(row, kind))
        for grocery, qty in row.by_grocery.items():
            summed.by_grocery[grocery] = summed.by_grocery.get(grocery, 0.0) + weight * qty
    return summed
