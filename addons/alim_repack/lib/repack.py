"""Repackaging arithmetic and date inheritance over plain values.

The model methods of ``alim.repack.order`` stay thin and call these functions, so the rules
are tested without a database.
"""

import math
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

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


def pack_date(earliest, lab_day, shelf_days):
    """The date of a pack: the earliest date of its inputs, shortened to the lab day plus the
    shelf life after opening where one applies (``shelf_days``; 0 or None: none). Works on
    dates or datetimes (a datetime limit ends the day: 23:59)."""
    if not shelf_days:
        return earliest
    limit = lab_day + timedelta(days=shelf_days)
    if isinstance(earliest, datetime) or earliest is None:
        limit = datetime.combine(limit, time(12, 0))
    if earliest is None:
        return limit
    return min(earliest, limit)


PARIS = ZoneInfo("Europe/Paris")


def label_day(value):
    """The day a date means on a French label: a datetime stored in UTC (as Odoo keeps them)
    is read in Europe/Paris; a date is itself."""
    if isinstance(value, datetime):
        aware = value if value.tzinfo else value.replace(tzinfo=UTC)
        return aware.astimezone(PARIS).date()
    return value


DATE_WORDING = {
    "dlc": "À consommer jusqu'au",
    "ddm": "À consommer de préférence avant le",
}
STORAGE_WORDING = {
    "chilled": "À conserver entre 0 et +4 °C.",
    "frozen": "À conserver à -18 °C ou moins. Ne pas recongeler un produit décongelé.",
    "dry": "À conserver dans un endroit sec et frais.",
}


def emphasise(text, words):
    """``text`` cut in ``[(segment, emphasised)]`` where every whole-word, case-insensitive
    occurrence of one of ``words`` is emphasised (the allergens of an ingredient list,
    Reg. EU 1169/2011 art. 21)."""
    words = sorted({w for w in words if w and w.strip()}, key=len, reverse=True)
    if not text:
        return []
    if not words:
        return [(text, False)]
    pattern = re.compile(r"(?<!\w)(" + "|".join(re.escape(w) for w in words) + r")(?!\w)", re.IGNORECASE)
    parts, last = [], 0
    for match in pattern.finditer(text):
        if match.start() > last:
            parts.append((text[last : match.start()], False))
        parts.append((match.group(0), True))
        last = match.end()
    if last < len(text):
        parts.append((text[last:], False))
    return parts


# Words of French ingredient lists that name each of the 14 allergens of Reg. EU 1169/2011
# annex II (keyed by the allergen's XML id in alim_food), emphasised on the labels.
ALLERGEN_WORDS = {
    "allergen_gluten": (
        "blé",
        "froment",
        "seigle",
        "orge",
        "avoine",
        "épeautre",
        "kamut",
        "gluten",
        "boulgour",
    ),
    "allergen_crustaceans": (
        "crustacés",
        "crevette",
        "crevettes",
        "crabe",
        "homard",
        "langoustine",
        "langoustines",
    ),
    "allergen_eggs": ("œuf", "œufs", "oeuf", "oeufs"),
    "allergen_fish": ("poisson", "poissons", "anchois", "thon", "saumon", "cabillaud", "sardine", "sardines"),
    "allergen_peanuts": ("arachide", "arachides", "cacahuète", "cacahuètes"),
    "allergen_soy": ("soja",),
    "allergen_milk": ("lait", "beurre", "crème", "fromage", "lactose", "lactosérum", "yaourt"),
    "allergen_nuts": (
        "amande",
        "amandes",
        "noisette",
        "noisettes",
        "noix",
        "cajou",
        "pécan",
        "pistache",
        "pistaches",
        "macadamia",
    ),
    "allergen_celery": ("céleri",),
    "allergen_mustard": ("moutarde",),
    "allergen_sesame": ("sésame",),
    "allergen_sulphites": ("sulfites", "anhydride sulfureux", "disulfite", "métabisulfite"),
    "allergen_lupin": ("lupin",),
    "allergen_molluscs": (
        "mollusques",
        "moule",
        "moules",
        "huître",
        "huîtres",
        "calmar",
        "seiche",
        "escargot",
    ),
}


def reservations_to_take(wanted, free, reserved, epsilon=_EPSILON):
    """What a repack takes from reservations to have ``wanted`` of a lot of which ``free`` is
    not reserved: ``reserved`` is a list of ``(key, quantity)`` in the order they lose (the
    delivery planned last first); returns ``(key, quantity taken)`` for the ones that lose,
    nothing when the free quantity is enough. Raises ``ValueError`` when even all of them
    are not enough."""
    missing = wanted - free
    taken = []
    for key, quantity in reserved:
        if missing <= epsilon:
            break
        take = min(quantity, missing)
        if take > epsilon:
            taken.append((key, take))
            missing -= take
    if missing > epsilon:
        raise ValueError("not enough stock in the lot, even with its reservations")
    return taken
