import pytest
from alim_catalogue_lib.number_format import (
    NumberStyle,
    format_amount,
    format_number,
    format_quantity,
    group_digits,
    quantity_decimals,
)
from hypothesis import given
from hypothesis import strategies as st

FRENCH = NumberStyle(",", "\u202f", (3, 0))
ENGLISH = NumberStyle(".", ",", (3, 0))
INDIAN = NumberStyle(".", ",", (3, 2, 0))


@pytest.mark.parametrize(
    "digits, grouping, expected",
    [
        ("1", (3, 0), "1"),
        ("1234567", (3, 0), "1,234,567"),
        ("1234567", (3, 2, 0), "12,34,567"),
        ("1234567", (), "1234567"),
        ("1234567", (3, -1), "1234,567"),
        ("123", (3, 0), "123"),
        ("1234", (3,), "1,234"),
    ],
)
def test_group_digits(digits, grouping, expected):
    assert group_digits(digits, grouping, ",") == expected


@pytest.mark.parametrize(
    "value, decimals, style, expected",
    [
        (1200, 0, FRENCH, "1\u202f200"),
        (45.7, 1, FRENCH, "45,7"),
        (1234567.891, 2, ENGLISH, "1,234,567.89"),
        (-1234.5, 2, FRENCH, "-1\u202f234,50"),
        (0, 2, FRENCH, "0,00"),
        (2.675, 2, ENGLISH, "2.67"),  # the float is below 2.675: no rounding up
        (1234567, 0, INDIAN, "12,34,567"),
    ],
)
def test_format_number(value, decimals, style, expected):
    assert format_number(value, decimals, style) == expected


@pytest.mark.parametrize("value, expected", [(12, 0), (45.70, 1), (1.234, 3), (1.23456, 3), (0, 0)])
def test_quantity_decimals(value, expected):
    assert quantity_decimals(value) == expected


def test_format_quantity():
    assert format_quantity(1200, FRENCH) == "1\u202f200"
    assert format_quantity(45.7, FRENCH) == "45,7"
    assert format_quantity(3, FRENCH, decimals=2) == "3,00"


def test_format_amount_after_and_before():
    assert format_amount(1234.5, 2, "€", False, NumberStyle(",", " ", (3, 0))) == (
        "",
        "1\xa0234,50",
        "\xa0€",
    )
    assert format_amount(-3, 2, "$", True, ENGLISH) == ("$\xa0", "-\ufeff3.00", "")


@given(st.integers(min_value=-(10**12), max_value=10**12))
def test_grouped_integers_read_back(value):
    text = format_number(value, 0, ENGLISH)
    assert int(text.replace(",", "")) == value
    assert all(len(group) == 3 for group in text.lstrip("-").split(",")[1:])
