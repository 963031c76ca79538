"""Temperature excursion detection, over plain (timestamp, value) readings.

A reading is out of range when it is below ``temp_min`` or above ``temp_max`` (either bound
may be None). An excursion is a run of consecutive out-of-range readings on the same side;
it starts at the first out-of-range reading and ends at the first reading back in range (or
at the last reading when the room has not come back yet, ``ongoing``). Only runs lasting
longer than the tolerated duration are excursions: a door opened for a delivery is not one.

An excursion is judged on its size as well as its duration: a run that goes further than
``severe_margin`` beyond the limit is an excursion whatever its length, even a single
reading (a brief small rise is tolerated, a large one never). Inspectors read the
regulatory maxima the same way (arrêté of 21 December 2009: brief rises tolerated within a
few degrees for frozen goods, none for a chilled room found at +12 °C).
"""

from dataclasses import dataclass
from datetime import timedelta

HIGH = "high"
LOW = "low"


@dataclass(frozen=True)
class Excursion:
    start: object
    end: object
    peak: float
    peak_at: object
    kind: str
    ongoing: bool = False

    @property
    def duration(self):
        return self.end - self.start


def is_excursion(kind, peak, duration, temp_min, temp_max, tolerated, severe_margin=None):
    """Whether a run out of range of ``duration`` reaching ``peak`` is an excursion: longer
    than ``tolerated``, or further than ``severe_margin`` beyond its limit (any length)."""
    if duration > tolerated:
        return True
    if severe_margin is None:
        return False
    beyond = peak - temp_max if kind == HIGH else temp_min - peak
    return beyond > severe_margin


def detect_excursions(readings, temp_min=None, temp_max=None, tolerated=timedelta(0), severe_margin=None):
    """Return the excursions found in ``readings``, a sequence of (timestamp, value) sorted
    by timestamp. ``tolerated`` has the type of a difference of two timestamps (a timedelta
    for datetimes, a number for numeric timestamps); ``severe_margin`` (°C, None: no such
    rule) is how far beyond the limit a reading is never tolerated."""
    if temp_min is not None and temp_max is not None and temp_min > temp_max:
        raise ValueError("temp_min is above temp_max")
    if severe_margin is not None and severe_margin < 0:
        raise ValueError("severe_margin is negative")

    def judged(kind, peak, duration):
        return is_excursion(kind, peak, duration, temp_min, temp_max, tolerated, severe_margin)

    found = []
    side = start = peak = peak_at = None
    for timestamp, value in readings:
        current = None
        if temp_max is not None and value > temp_max:
            current = HIGH
        elif temp_min is not None and value < temp_min:
            current = LOW
        if current is not side:
            if side is not None and judged(side, peak, timestamp - start):
                found.append(Excursion(start, timestamp, peak, peak_at, side))
            side = current
            if current is not None:
                start, peak, peak_at = timestamp, value, timestamp
        elif current is not None and (value > peak if current == HIGH else value < peak):
            peak, peak_at = value, timestamp
    if side is not None:
        last = readings[-1][0]
        if judged(side, peak, last - start):
            found.append(Excursion(start, last, peak, peak_at, side, ongoing=True))
    return found
