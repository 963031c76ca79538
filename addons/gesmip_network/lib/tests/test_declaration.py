import datetime

import pytest
from gesmip_network_lib.declaration import (
    MAX_COUNT,
    FigureError,
    month_start,
    previous_month,
    read_count,
    read_kg,
    read_month,
)
from hypothesis import given
from hypothesis import strategies as st


@pytest.mark.parametrize(
    "raw, expected",
    [("12", 12), (" 12 ", 12), ("1 200", 1200), ("1\u202f200", 1200), ("+4", 4), ("0", 0), (7, 7)],
)
def test_counts_as_people_type_them(raw, expected):
    assert read_count(raw) == expected


@pytest.mark.parametrize(
    "raw, code",
    [
        ("-3", "negative"),
        ("- 3", "negative"),
        ("abc", "not_a_number"),
        ("12.5", "not_a_number"),
        ("12,5", "not_a_number"),
        ("1e3", "not_a_number"),
        ("", "not_a_number"),
        (None, "not_a_number"),
        (True, "not_a_number"),
        (12.0, "not_a_number"),
        ("9" * 30, "not_a_number"),
        (str(MAX_COUNT + 1), "too_big"),
    ],
)
def test_counts_refused(raw, code):
    with pytest.raises(FigureError) as error:
        read_count(raw)
    assert error.value.code == code


def test_empty_count_when_optional():
    assert read_count("  ", required=False) is None


@pytest.mark.parametrize(
    "raw, expected",
    [("1250,5", 1250.5), ("1250.5", 1250.5), ("1 250", 1250.0), ("", None), ("0", 0.0), (2.5, 2.5)],
)
def test_kilograms(raw, expected):
    assert read_kg(raw) == expected


@pytest.mark.parametrize(
    "raw, code", [("-1", "negative"), ("abc", "not_a_number"), ("1,2345", "not_a_number")]
)
def test_kilograms_refused(raw, code):
    with pytest.raises(FigureError) as error:
        read_kg(raw)
    assert error.value.code == code


@given(st.integers(min_value=0, max_value=MAX_COUNT))
def test_any_count_written_reads_back(value):
    assert read_count(str(value)) == value
    assert read_count(f"{value:,}".replace(",", " ")) == value


@given(st.text(max_size=30))
def test_any_text_is_a_count_or_refused(text):
    try:
        value = read_count(text)
    except FigureError as error:
        assert error.code in ("not_a_number", "negative", "too_big")
    else:
        assert isinstance(value, int) and 0 <= value <= MAX_COUNT


@pytest.mark.parametrize(
    "day, month, previous",
    [
        (datetime.date(2026, 12, 1), datetime.date(2026, 12, 1), datetime.date(2026, 11, 1)),
        (datetime.date(2026, 1, 31), datetime.date(2026, 1, 1), datetime.date(2025, 12, 1)),
        (datetime.date(2024, 3, 1), datetime.date(2024, 3, 1), datetime.date(2024, 2, 1)),
    ],
)
def test_months(day, month, previous):
    assert month_start(day) == month
    assert previous_month(day) == previous


def test_read_month():
    assert read_month("2026-11") == datetime.date(2026, 11, 1)
    assert read_month("2026-11-01") == datetime.date(2026, 11, 1)
    for raw in ("2026-13", "11/2026", "", None, "2026-1"):
        with pytest.raises(FigureError):
            read_month(raw)
