"""Repackaging arithmetic and date inheritance over plain values.

The model methods of ``alim.repack.order`` stay thin and call these functions, so the rules
are tested without a database.
"""

import math
from dataclasses import dataclass
from datetime import date, datetime

# A pack count is computed from weights in kilograms; this absorbs float noise such as
# 0.1 + 0.2 so that 3.0 kg into 0.3 kg packs gives 10 packs, not 9.
_EPSILON = 1e-6


def expected_packs(input_kg, pack_kg):
    """Whole packs that ``input_kg`` of bulk fills with packs of ``pack_kg`` each."""
    if pack_kg <= 0:
        raise ValueError("pack size must be positive")
    if input_kg <= 0:
        return 0
    return math.floor(input_kg / pack_kg + _EPSILON)


def loss(input_kg, output_kg):
    """Loss of a repack as ``(kg, percent of input)``, both rounded to 3 and 2 decimals.

    A negative loss (more out than in, a weighing error) is returned as is: the caller
    decides whether to refuse it.
    """
    loss_kg = round(input_kg - output_kg, 3)
    loss_pct = round(100.0 * loss_kg / input_kg, 2) if input_kg > 0 else 0.0
    return loss_kg, loss_pct


@dataclass(frozen=True)
class RepackInput:
    """What the lab needs to know about one input lot."""

    date: date | datetime | None
    date_type: str  # "dlc", "ddm" or "none"
    storage_class: str | None
    allergens: frozenset = frozenset()


@dataclass(frozen=True)
class Inherited:
    """What the output lot inherits from its inputs."""

    date: date | datetime | None
    date_type: str
    allergens: frozenset


class MixingError(ValueError):
    """Inputs that may not be mixed without a lab manager's permission.

    ``reason`` is one of ``"date_type"``, ``"storage_class"``, ``"allergens"``.
    """

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


def mixing_conflicts(inputs):
    """Reasons why these inputs are a mixture (empty list when they are alike)."""
    reasons = []
    if len({i.date_type for i in inputs}) > 1:
        reasons.append("date_type")
    if len({i.storage_class for i in inputs}) > 1:
        reasons.append("storage_class")
    if len({i.allergens for i in inputs}) > 1:
        reasons.append("allergens")
    return reasons


_DATE_TYPE_STRICTNESS = {"dlc": 2, "ddm": 1, "none": 0}


def inherit(inputs, allow_mixing=False):
    """Date, date type and allergens of a lot made from ``inputs``.

    The date is the earliest date of the inputs (a pack is never younger than its oldest
    ingredient). Allergens are the union. Mixing different date types, storage classes or
    allergen sets raises :class:`MixingError` unless ``allow_mixing``; when allowed, the
    strictest date type wins (use-by over best-before over none).
    """
    inputs = list(inputs)
    if not inputs:
        raise ValueError("no input")
    if not allow_mixing:
        conflicts = mixing_conflicts(inputs)
        if conflicts:
            raise MixingError(conflicts[0])
    dates = [i.date for i in inputs if i.date]
    date_type = max((i.date_type or "none" for i in inputs), key=_DATE_TYPE_STRICTNESS.get)
    allergens = frozenset().union(*(i.allergens for i in inputs))
    return Inherited(date=min(dates) if dates else None, date_type=date_type, allergens=allergens)


# Why a product may not be repacked by the lab (None: it may).
NEEDS_COLD_AGREMENT = "cold"
NEEDS_ANIMAL_AGREMENT = "animal"


def repack_refusal(storage_class, animal_origin, cold_allowed=False, animal_allowed=False):
    """Whether the lab may repack a product: dry goods of non-animal origin always; chilled or
    frozen goods only where the operator holds an agrément for them (Reg. EC 853/2004 for
    food of animal origin; the DDPP's authorisation for handling cold goods), food of animal
    origin likewise. Returns ``None`` or the missing authorisation."""
    if storage_class in ("chilled", "frozen") and not cold_allowed:
        return NEEDS_COLD_AGREMENT
    if animal_origin and not animal_allowed:
        return NEEDS_ANIMAL_AGREMENT
    return None
