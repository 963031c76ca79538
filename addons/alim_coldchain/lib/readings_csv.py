"""Parse the CSV files of temperature data loggers into validated readings.

One reading a line: a date-time and a value, separated by ``,``, ``;`` or a tab; a header
line is skipped; decimal commas are accepted. Date-times are ISO (``2026-01-31 14:05[:00]``,
``T`` allowed) or French (``31/01/2026 14:05[:00]``), in the time zone ``tz_name``; they are
returned as naive UTC datetimes. Bad lines are reported with their number and kept out.
"""

import csv
import io
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

ERROR_COLUMNS = "columns"
ERROR_DATE = "date"
ERROR_VALUE = "value"
ERROR_RANGE = "range"
ERROR_DUPLICATE = "duplicate"

PLAUSIBLE_MIN = -60.0
PLAUSIBLE_MAX = 60.0


def _parse_datetime(text):
    text = text.strip()
    if len(text) >= 10 and text[2] == "/" and text[5] == "/":
        fmt = "%d/%m/%Y %H:%M:%S" if text.count(":") == 2 else "%d/%m/%Y %H:%M"
        return datetime.strptime(text, fmt)
    parsed = datetime.fromisoformat(text)
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(UTC).replace(tzinfo=None)
    return parsed


def parse_readings_csv(text, tz_name="UTC"):
    """Return ``(readings, errors)``: readings as ``(line, datetime_utc, value)`` sorted by
    date-time, errors as ``(line, code, raw text)``."""
    sample = text[:2048]
    delimiter = ";" if sample.count(";") > sample.count(",") else ("\t" if "\t" in sample else ",")
    zone = None if tz_name in (None, "", "UTC") else ZoneInfo(tz_name)
    readings = []
    errors = []
    seen = set()
    for line_no, row in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), start=1):
        if not row or not "".join(row).strip():
            continue
        if len(row) < 2:
            errors.append((line_no, ERROR_COLUMNS, delimiter.join(row)))
            continue
        raw_date, raw_value = row[0], row[1]
        try:
            when = _parse_datetime(raw_date)
        except ValueError:
            if line_no == 1:
                continue  # header
            errors.append((line_no, ERROR_DATE, raw_date))
            continue
        try:
            value = float(raw_value.strip().replace(",", "."))
        except ValueError:
            errors.append((line_no, ERROR_VALUE, raw_value))
            continue
        if not PLAUSIBLE_MIN <= value <= PLAUSIBLE_MAX:
            errors.append((line_no, ERROR_RANGE, raw_value))
            continue
        if zone is not None and when.tzinfo is None:
            when = when.replace(tzinfo=zone).astimezone(UTC).replace(tzinfo=None)
        if when in seen:
            errors.append((line_no, ERROR_DUPLICATE, raw_date))
            continue
        seen.add(when)
        readings.append((line_no, when, value))
    readings.sort(key=lambda reading: reading[1])
    return readings, errors
