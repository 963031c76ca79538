"""Reading a quantity typed by a user (a portal form field, an endpoint's value).

One reader for every door: the text must be a plain decimal number (no NaN, no infinity, no
exponent, no boolean, no thousands of digits), between 0 and the line's limit and a hard
cap, in whole units of the product's unit of measure (its rounding), and a multiple of the
pack size where one is set. Anything else raises :class:`QuantityError` with a code and the
numbers the message needs; the caller turns it into a translated message.

Pure Python, no Odoo import.
"""

import re
from decimal import Decimal, InvalidOperation

# No grocery orders more than this of one product in one go, whatever the line allows.
HARD_CAP = 100_000
# A quantity is short text: "12", "2.5", "1 000" at most; longer is not a quantity.
MAX_LENGTH = 20
_NUMBER = re.compile(r"^[+]?([0-9]{1,9})?([.,][0-9]{0,9})?$")


class QuantityError(ValueError):
    """A refused quantity: ``code`` is one of ``not_a_number``, ``negative``, ``over_limit``,
    ``over_cap``, ``not_whole``, ``not_pack``; ``params`` hold the numbers of the message."""

    def __init__(self, code, **params):
        super().__init__(code)
        self.code = code
        self.params = params


def read_quantity(raw, limit=0, cap=HARD_CAP, pack=1, rounding=1.0):
    """The quantity written in ``raw`` (a str, or an int/float from JSON) as a float.

    ``limit``: most allowed for this line (0: no limit); ``cap``: the hard cap, always
    applied; ``pack``: the quantity must be a multiple of it (1 or less: any whole unit);
    ``rounding``: the unit of measure's rounding (1.0: whole units; 0.01: two decimals).
    Empty text reads as 0.
    """
    if isinstance(raw, bool) or raw is None:
        raise QuantityError("not_a_number")
    if isinstance(raw, int | float):
        text = repr(raw) if isinstance(raw, float) else str(raw)
        if isinstance(raw, float) and "e" in text.lower():
            raise QuantityError("not_a_number")
    elif isinstance(raw, str):
        text = raw
    else:
        raise QuantityError("not_a_number")
    text = text.strip().replace("\u202f", "").replace("\xa0", "").replace(" ", "")
    if text.startswith("-") and _NUMBER.match(text[1:]) and text[1:] not in ("", ".", ","):
        raise QuantityError("negative")
    if not text:
        return 0.0
    if len(text) > MAX_LENGTH or not _NUMBER.match(text) or text in ("+", ".", ",", "+.", "+,"):
        raise QuantityError("not_a_number")
    try:
        value = Decimal(text.replace(",", "."))
    except InvalidOperation:  # pragma: no cover - the pattern above already refuses it
        raise QuantityError("not_a_number") from None
    cap = Decimal(str(cap))
    if value > cap:
        raise QuantityError("over_cap", cap=float(cap))
    if limit and value > Decimal(str(limit)):
        raise QuantityError("over_limit", limit=float(limit))
    step = Decimal(str(rounding or 1.0))
    if value % step:
        raise QuantityError("not_whole", rounding=float(step))
    if pack and pack > 1 and value % Decimal(int(pack)):
        raise QuantityError("not_pack", pack=int(pack))
    return float(value)


def read_quantities(raw_by_key, limits=None, cap=HARD_CAP, packs=None, roundings=None):
    """``{key: quantity}`` for every ``{key: raw}`` given (empty text: 0), read as above with
    each key's limit, pack and rounding. The first refused value raises ``QuantityError``
    with ``params["key"]`` set to its key."""
    limits, packs, roundings = limits or {}, packs or {}, roundings or {}
    result = {}
    for key, raw in raw_by_key.items():
        try:
            result[key] = read_quantity(
                raw, limits.get(key, 0), cap, packs.get(key, 1), roundings.get(key, 1.0)
            )
        except QuantityError as error:
            error.params["key"] = key
            raise
    return result
