"""The French maximum temperatures of food in storage and transport, and how a measured
temperature is judged against them (no Odoo import).

Arrêté of 21 December 2009 (sanitary rules for retail, storage and transport of products of
animal origin), annex I: deep-frozen food -18 °C, other frozen food -12 °C, minced meat
+2 °C, offal +3 °C, very perishable food +4 °C, perishable food +8 °C. Brief rises during
loading, unloading and handling are tolerated within about 3 °C (frozen food up to -15 °C),
as the DGCCRF applies it; beyond that the goods are out of their limit.
"""

# profile code: maximum (°C)
PROFILE_MAX = {
    "deep_frozen": -18.0,
    "frozen": -12.0,
    "minced_meat": 2.0,
    "offal": 3.0,
    "very_perishable": 4.0,
    "perishable": 8.0,
}
# the profile of a product without one of its own, from its storage class
STORAGE_CLASS_PROFILE = {"frozen": "deep_frozen", "chilled": "very_perishable"}
# tolerated rise above the maximum for a brief measure (°C)
TOLERATED_MARGIN = 3.0


def product_max(profile, storage_class):
    """The maximum temperature of a product: its (category's) profile, else its storage
    class's; None for a product kept at room temperature."""
    code = profile or STORAGE_CLASS_PROFILE.get(storage_class)
    return PROFILE_MAX.get(code)


def strictest(maxima):
    """The lowest of the maxima given (None ignored), or None."""
    values = [value for value in maxima if value is not None]
    return min(values) if values else None


def room_too_warm(room_max, maxima):
    """The maxima that a room kept up to ``room_max`` does not cover (sorted, distinct)."""
    if room_max is None:
        return []
    return sorted({value for value in maxima if value is not None and room_max > value})


def judge(value, limit, margin=TOLERATED_MARGIN):
    """A measured temperature against a product's maximum: ``ok`` at or below it,
    ``tolerated`` within the margin above it (accepted with a reason), ``refused`` beyond."""
    if limit is None or value <= limit:
        return "ok"
    if value <= limit + margin:
        return "tolerated"
    return "refused"
