"""Checks of a food reception line, as plain functions (no Odoo import)."""

from datetime import datetime, time, timedelta

# Code de l'environnement, art. D541-310: a donated food must leave the donor at least
# 48 hours before its use-by date, unless the receiving association can show it will hand
# it on in time.
MIN_USE_BY_HOURS = 48


def effective_storage_class(chain):
    """The storage class of a location: its own, else the nearest parent's.

    ``chain`` lists the classes from the location itself up to the root (falsy = not set).
    """
    for storage_class in chain:
        if storage_class:
            return storage_class
    return None


def storage_mismatch(product_class, location_class):
    """True when a product of ``product_class`` must not be put away in ``location_class``.

    Cold goods (chilled, frozen) go only to a room of their own class; dry goods may go
    anywhere; a location without a class accepts everything.
    """
    if not location_class or product_class not in ("chilled", "frozen"):
        return False
    return product_class != location_class


def date_problem(date_type, lot_date, now, min_hours=MIN_USE_BY_HOURS):
    """Why a line's date is refused, or None: 'missing' for a dated product without a date,
    'past' for a use-by date (DLC) already past at reception, 'short' for a use-by date less
    than ``min_hours`` ahead (accepted only with a reason, D541-310). A past best-before date
    (DDM) is accepted: such goods may still be distributed, flagged."""
    if date_type not in ("dlc", "ddm"):
        return None
    if not lot_date:
        return "missing"
    # Compared by day: goods whose use-by date is today are not past (but they are short).
    if date_type == "dlc" and _day(lot_date) < _day(now):
        return "past"
    if date_type == "dlc" and _as_datetime(lot_date) - now < timedelta(hours=min_hours):
        return "short"
    return None


def _as_datetime(value):
    """A use-by date given as a day lasts until the end of that day."""
    if isinstance(value, datetime):
        return value
    return datetime.combine(value, time.max)


def _day(value):
    return value.date() if hasattr(value, "date") else value


# Arrêté of 7 January 2021 (code de l'environnement, art. D543-306): food of animal origin is
# excluded from donation, except (art. 2) prepacked goods given by a retailer or a
# wholesaler, (art. 3) the goods an approved establishment defines in its sanitary control
# plan, and (art. 4) prepacked goods, dishes prepared in advance and surpluses given by a
# collective catering operator.
DONATION_EXEMPTIONS = ("retail", "approved", "catering")


def donation_excluded(animal_origin, loose, exemption):
    """Why a donated product is excluded from donation, or None: 'animal_loose' for food of
    animal origin that is not prepacked, given by a donor without the exemption of an
    approved establishment (art. 3) or a collective caterer (art. 4)."""
    if not animal_origin:
        return None
    if exemption in ("approved", "catering"):
        return None
    if loose:
        return "animal_loose"
    return None


# Cold goods have their temperature measured at unloading (arrêté of 21 December 2009):
# the reception of chilled or frozen goods is validated only once it is written on the line.
MEASURED_CLASSES = ("chilled", "frozen")


def temperature_required(storage_class):
    """True when goods of ``storage_class`` are received only with their measured temperature."""
    return storage_class in MEASURED_CLASSES


def parse_temperature(text):
    """The temperature typed at the dock, in °C, or None when nothing is typed.

    Accepts a comma or a point as decimal separator, a sign (``+``, ``-`` or the typographic
    minus), spaces and a trailing ``°C`` or ``°``; raises ValueError on anything else."""
    if text is None or text is False:
        return None
    cleaned = str(text).strip().replace("\u2212", "-").replace("\u00a0", "").replace(" ", "")
    for suffix in ("°C", "°c", "°", "C", "c"):
        if cleaned.endswith(suffix):
            cleaned = cleaned[: -len(suffix)]
            break
    if not cleaned:
        return None
    if cleaned.count(",") + cleaned.count(".") > 1:
        raise ValueError(text)
    value = float(cleaned.replace(",", "."))
    if value != value or value in (float("inf"), float("-inf")):
        raise ValueError(text)
    return round(value, 1)


def format_temperature(value, decimal_point=","):
    """A measured temperature as the dock shows it: sign, one decimal (``+9,0``, ``-18,5``)."""
    if value is None:
        return ""
    return f"{value:+.1f}".replace(".", decimal_point)
