"""Reading the quantities a grocery gives when it answers a recall (destroyed, returned,
already given out), typed in its portal.

Each must be a plain decimal number (no NaN, no infinity, no exponent, no boolean, at most
9 digits before and 3 after the decimal point), from 0 to a hard cap. Empty reads as 0.
Anything else raises :class:`AnswerError` naming the field; the caller translates it.

Pure Python, no Odoo import.
"""

import re
from decimal import Decimal

# No grocery received more than this of one recalled product.
HARD_CAP = 100_000
FIELDS = ("destroyed", "returned", "given_out")
_NUMBER = re.compile(r"^[+]?[0-9]{1,9}([.,][0-9]{0,3})?$|^[+]?[.,][0-9]{1,3}$")


class AnswerError(ValueError):
    """A refused answer: ``code`` is ``not_a_number``, ``negative``, ``over_cap`` or
    ``empty``; ``field`` the quantity it concerns (None for ``empty``)."""

    def __init__(self, code, field=None):
        super().__init__(code)
        self.code = code
        self.field = field


def read_answer_quantity(raw, field, cap=HARD_CAP):
    """The quantity written in ``raw`` (text from a form) as a float."""
    if raw is None:
        return 0.0
    if not isinstance(raw, str):
        raise AnswerError("not_a_number", field)
    text = raw.strip().replace("\u202f", "").replace("\xa0", "").replace(" ", "")
    if not text:
        return 0.0
    if len(text) > 20:
        raise AnswerError("not_a_number", field)
    if text.startswith("-") and _NUMBER.match(text[1:]):
        raise AnswerError("negative", field)
    if not _NUMBER.match(text):
        raise AnswerError("not_a_number", field)
    value = Decimal(text.replace(",", "."))
    if value > cap:
        raise AnswerError("over_cap", field)
    return float(value)


def read_answer(raw_by_field, cap=HARD_CAP):
    """``{field: quantity}`` for the three quantities of an answer, from ``{field: text}``.
    An answer with every quantity at 0 says nothing and is refused (``empty``)."""
    values = {field: read_answer_quantity(raw_by_field.get(field), field, cap) for field in FIELDS}
    if not any(values.values()):
        raise AnswerError("empty")
    return values
