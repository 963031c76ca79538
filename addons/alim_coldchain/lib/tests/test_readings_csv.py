import time
from datetime import datetime, timedelta

from alim_coldchain_lib.readings_csv import (
    ERROR_COLUMNS,
    ERROR_DATE,
    ERROR_DUPLICATE,
    ERROR_RANGE,
    ERROR_VALUE,
    parse_readings_csv,
)


def test_iso_and_french_dates_decimal_comma_and_header():
    text = "date;temperature\n2026-01-31 14:05;3,5\n31/01/2026 14:10:00;-2\n2026-01-31T14:15:00;4\n"
    readings, errors = parse_readings_csv(text)
    assert errors == []
    assert readings == [
        (2, datetime(2026, 1, 31, 14, 5), 3.5),
        (3, datetime(2026, 1, 31, 14, 10), -2.0),
        (4, datetime(2026, 1, 31, 14, 15), 4.0),
    ]


def test_bad_lines_are_reported_by_number_and_good_ones_kept():
    text = (
        "2026-01-01 00:00,3\nnot a date,3\n2026-01-01 00:10,hot\n"
        "2026-01-01 00:15,99\nlonely\n2026-01-01 00:00,5\n"
    )
    readings, errors = parse_readings_csv(text)
    assert [r[0] for r in readings] == [1]
    assert errors == [
        (2, ERROR_DATE, "not a date"),
        (3, ERROR_VALUE, "hot"),
        (4, ERROR_RANGE, "99"),
        (5, ERROR_COLUMNS, "lonely"),
        (6, ERROR_DUPLICATE, "2026-01-01 00:00"),
    ]


def test_local_time_converted_to_utc():
    readings, _errors = parse_readings_csv("2026-07-01 12:00,3\n2026-01-01 12:00,3\n", "Europe/Paris")
    assert [r[1] for r in readings] == [datetime(2026, 1, 1, 11, 0), datetime(2026, 7, 1, 10, 0)]
    readings, _errors = parse_readings_csv("2026-07-01T12:00:00+02:00,3\n")
    assert readings[0][1] == datetime(2026, 7, 1, 10, 0)


def test_a_year_of_one_room_parses_fast():
    start = datetime(2026, 1, 1)
    lines = [
        f"{(start + timedelta(minutes=5 * i)).isoformat(sep=' ')},{3 + (i % 7) / 10}" for i in range(105120)
    ]
    text = "\n".join(lines)
    started = time.perf_counter()
    readings, errors = parse_readings_csv(text)
    assert len(readings) == 105120 and not errors
    assert time.perf_counter() - started < 3.0
