"""Checks of a food reception line, as plain functions (no Odoo import)."""


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


def date_problem(date_type, lot_date, now):
    """Why a line's date is refused, or None: 'missing' for a dated product without a date,
    'past' for a use-by date (DLC) already past at reception. A past best-before date (DDM)
    is accepted: such goods may still be distributed, flagged."""
    if date_type not in ("dlc", "ddm"):
        return None
    if not lot_date:
        return "missing"
    # Compared by day: goods whose use-by date is today may still be received and given.
    if date_type == "dlc" and _day(lot_date) < _day(now):
        return "past"
    return None


def _day(value):
    return value.date() if hasattr(value, "date") else value
