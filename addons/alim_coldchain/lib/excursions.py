"""Temperature excursion detection, over plain (timestamp, value) readings.

A reading is out of range when it is below ``temp_min`` or above ``temp_max`` (either bound
may be None). An excursion is a run of consecutive out-of-range readings on the same side;
it starts at the first out-of-range reading and ends at the first reading back in range (or
at the last reading when the room has not come back yet, ``ongoing``). Only runs lasting
longer than the tolerated duration are excursions: a door opened for a delivery is not one.
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


def detect_excursions(readings, temp_min=None, temp_max=None, tolerated=timedelta(0)):
    """Return the excursions found in ``readings``, a sequence of (timestamp, value) sorted
    by timestamp. ``tolerated`` has the type of a difference of two timestamps (a timedelta
    for datetimes, a number for numeric timestamps)."""
    if temp_min is not None and temp_max is not None and temp_min > temp_max:
        raise ValueError("temp_min is above temp_max")
    found = []
    side = start = peak = peak_at = None
    for timestamp, value in readings:
        current = None
        if temp_max is not None and value > temp_max:
            current = HIGH
        elif temp_min is not None and value < temp_min:
            current = LOW
        if current is not side:
            if side is not None and timestamp - start > tolerated:
                found.append(Excursion(start, timestamp, peak, peak_at, side))
            side = current
            if current is not None:
                start, peak, peak_at = timestamp, value, timestamp
        elif current is not None and (value > peak if current == HIGH else value < peak):
            peak, peak_at = value, timestamp
    if side is not None:
        last = readings[-1][0]
        if last - start > tolerated:
            found.append(Excursion(start, last, peak, peak_at, side, ongoing=True))
    return found
