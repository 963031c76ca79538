from datetime import date, datetime

from alim_food_lib.reception_checks import (
    date_problem,
    donation_excluded,
    effective_storage_class,
    format_temperature,
    parse_temperature,
    storage_mismatch,
)
from hypothesis import given
from hypothesis import strategies as st

CLASSES = st.sampled_from([None, "dry", "chilled", "frozen"])


def test_nearest_class_wins():
    assert effective_storage_class([None, "frozen", "dry"]) == "frozen"
    assert effective_storage_class([None, None]) is None


def test_cold_goods_only_in_their_room():
    assert storage_mismatch("chilled", "dry")
    assert storage_mismatch("frozen", "chilled")
    assert storage_mismatch("chilled", "frozen")
    assert not storage_mismatch("frozen", "frozen")
    assert not storage_mismatch("dry", "chilled")
    assert not storage_mismatch("frozen", None)


@given(CLASSES, CLASSES)
def test_same_class_never_refused(product_class, location_class):
    assert not storage_mismatch(product_class, product_class)
    if product_class in (None, "dry"):
        assert not storage_mismatch(product_class, location_class)


def test_dates():
    now = datetime(2026, 6, 1, 12)
    assert date_problem("dlc", None, now) == "missing"
    assert date_problem("ddm", None, now) == "missing"
    assert date_problem("dlc", datetime(2026, 5, 31), now) == "past"
    assert date_problem("ddm", datetime(2026, 5, 31), now) is None
    assert date_problem("dlc", datetime(2026, 6, 4), now) is None
    assert date_problem("none", None, now) is None
    # use-by today is not past, but it is short
    assert date_problem("dlc", datetime(2026, 6, 1, 0, 0), now) == "short"


def test_use_by_needs_48_hours_left():
    now = datetime(2026, 6, 1, 12)
    assert date_problem("dlc", datetime(2026, 6, 2, 8), now) == "short"  # 20 hours left
    assert date_problem("dlc", datetime(2026, 6, 3, 11, 59), now) == "short"
    assert date_problem("dlc", datetime(2026, 6, 3, 12), now) is None  # exactly 48 hours
    assert date_problem("ddm", datetime(2026, 6, 2, 8), now) is None  # best-before: no such rule
    assert date_problem("dlc", date(2026, 6, 3), now) is None  # a day lasts until its end
    assert date_problem("dlc", date(2026, 6, 2), now) == "short"
    assert date_problem("dlc", datetime(2026, 6, 2, 8), now, min_hours=12) is None


def test_food_of_animal_origin_given_loose_is_excluded_from_donation():
    assert donation_excluded(False, True, None) is None
    assert donation_excluded(True, False, None) is None  # prepacked (art. 2)
    assert donation_excluded(True, False, "retail") is None
    assert donation_excluded(True, True, None) == "animal_loose"
    assert donation_excluded(True, True, "retail") == "animal_loose"
    assert donation_excluded(True, True, "approved") is None  # art. 3
    assert donation_excluded(True, True, "catering") is None  # art. 4


def test_temperature_typed_at_the_dock():
    assert parse_temperature("") is None
    assert parse_temperature("  ") is None
    assert parse_temperature(None) is None
    assert parse_temperature(False) is None
    assert parse_temperature("9") == 9.0
    assert parse_temperature("+3,5") == 3.5
    assert parse_temperature("-18.2 °C") == -18.2
    assert parse_temperature("\u221218") == -18.0
    assert parse_temperature("0") == 0.0
    assert parse_temperature("4,04") == 4.0
    for bad in ("chaud", "1,2,3", "3.5.1", "nan", "inf", "--4"):
        try:
            parse_temperature(bad)
        except ValueError:
            continue
        raise AssertionError(bad)
    assert format_temperature(9.0) == "+9,0"
    assert format_temperature(-18.5) == "-18,5"
    assert format_temperature(0.0, ".") == "+0.0"
    assert format_temperature(None) == ""


@given(st.floats(min_value=-60, max_value=60, allow_nan=False))
def test_temperature_shown_reads_back(value):
    value = round(value, 1)
    assert parse_temperature(format_temperature(value)) == value
    assert parse_temperature(format_temperature(value, ".")) == value
