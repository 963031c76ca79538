"""Scaling a starter kit to the households a new grocery expects to serve.

Pure Python, no Odoo import."""

import math
from fractions import Fraction


def scale_kit(lines, reference_households, households):
    """Quantities of ``lines`` (``[(key, quantity for reference_households)]``) for
    ``households``, rounded up to whole units so that no household is short.

    Returns ``{key: int}``; a line scaled to nothing is left out.
    """
    if reference_households <= 0:
        raise ValueError("the kit's reference number of households must be positive")
    if households <= 0:
        raise ValueError("the number of households must be positive")
    result = {}
    for key, quantity in lines:
        if quantity < 0:
            raise ValueError("a kit quantity cannot be negative")
        # exact arithmetic: 0.3 x 20 / 10 must give 1, not 0.6000000000000001 rounded up to 1
        scaled = Fraction(str(quantity)) * households / reference_households
        units = math.ceil(scaled)
        if units:
            result[key] = units
    return result
