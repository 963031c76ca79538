"""The monthly figures a grocery declares to the network: the month they are for, and the
numbers as people type them in the portal.

A count (households, people, distribution days) is a whole number written with digits only:
"12", " 12 ", "1 200" (spaces as thousands separators); a weight in kilograms may have a
decimal comma or point: "1250,5". Anything else raises :class:`FigureError` with a code the
caller turns into a translated message: ``not_a_number`` ("abc", "1e3", "12.5" for a count),
``negative`` ("-3"), ``too_big`` (beyond :data:`MAX_COUNT` or :data:`MAX_KG`).

Pure Python, no Odoo import.
"""

import datetime
import re
from decimal import Decimal, InvalidOperation

# A grocery serves at most a few thousand households a month; past these, it is a typing slip.
MAX_COUNT = 1_000_000
MAX_KG = 10_000_000
MAX_LENGTH = 20
_SPACES = re.compile(r"[\s\u202f\xa0]")
_WHOLE = re.compile(r"^\+?[0-9]{1,9}$")
_DECIMAL = re.compile(r"^\+?[0-9]{1,9}([.,][0-9]{0,3})?$")


class FigureError(ValueError):
    """A refused figure: ``code`` is ``not_a_number``, ``negative`` or ``too_big``."""

    def __init__(self, code, **params):
        super().__init__(code)
        self.code = code
        self.params = params


def _text(raw):
    if isinstance(raw, bool) or raw is None:
        raise FigureError("not_a_number")
    if isinstance(raw, int):
        raw = str(raw)
    if not isinstance(raw, str) or len(raw) > MAX_LENGTH * 2:
        raise FigureError("not_a_number")
    return _SPACES.sub("", raw)


def read_count(raw, required=True):
    """The whole number written in ``raw`` (a str or an int). Empty text is None when not
    ``required``, else refused as ``not_a_number``."""
    text = _text(raw)
    if not text:
        if required:
            raise FigureError("not_a_number")
        return None
    if text.startswith("-") and _DECIMAL.match(text[1:]):
        raise FigureError("negative")
    if len(text) > MAX_LENGTH or not _WHOLE.match(text):
        raise FigureError("not_a_number")
    value = int(text)
    if value > MAX_COUNT:
        raise FigureError("too_big", limit=MAX_COUNT)
    return value


def read_kg(raw, required=False):
    """The kilograms written in ``raw`` (decimal comma or point, three decimals at most), as a
    float; empty text is None when not ``required``."""
    if isinstance(raw, float):
        raw = repr(raw)
    text = _text(raw)
    if not text:
        if required:
            raise FigureError("not_a_number")
        return None
    if text.startswith("-") and _DECIMAL.match(text[1:]):
        raise FigureError("negative")
    if len(text) > MAX_LENGTH or not _DECIMAL.match(text) or text in ("+",):
        raise FigureError("not_a_number")
    try:
        value = Decimal(text.replace(",", "."))
    except InvalidOperation:  # pragma: no cover - the pattern above already refuses it
        raise FigureError("not_a_number") from None
    if value > MAX_KG:
        raise FigureError("too_big", limit=MAX_KG)
    return float(value)


def month_start(day):
    """The first day of the month of ``day`` (a date)."""
    return day.replace(day=1)


def previous_month(day):
    """The first day of the month before the month of ``day``: the month a grocery declares
    at the start of the next one."""
    return (month_start(day) - datetime.timedelta(days=1)).replace(day=1)


def read_month(raw):
    """The first day of the month written ``YYYY-MM`` (or ``YYYY-MM-DD``) in ``raw``, else
    ``not_a_number``."""
    if not isinstance(raw, str) or not re.match(r"^[0-9]{4}-[0-9]{2}(-[0-9]{2})?$", raw.strip()):
        raise FigureError("not_a_number")
    year, month = (int(part) for part in raw.strip().split("-")[:2])
    if not (1 <= month <= 12 and 1900 < year < 3000):
        raise FigureError("not_a_number")
    return datetime.date(year, month, 1)
