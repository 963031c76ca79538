import math

import pytest
from alim_catalogue_lib.quantity import HARD_CAP, QuantityError, read_quantities, read_quantity
from hypothesis import given
from hypothesis import strategies as st


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("3", 3.0),
        (" 12 ", 12.0),
        ("+4", 4.0),
        ("0", 0.0),
        ("", 0.0),
        ("  ", 0.0),
        ("1 000", 1000.0),
        (7, 7.0),
    ],
)
def test_reads_whole_units(raw, expected):
    assert read_quantity(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "abc",
        "nan",
        "NaN",
        "inf",
        "-inf",
        "Infinity",
        "1e307",
        "1e3",
        "1E2",
        "9" * 400,
        "0x10",
        "1_000",
        "٣",
        "3;",
        "<script>",
        ".",
        "+",
        True,
        False,
        None,
        [1],
        {"a": 1},
        float("nan"),
        float("inf"),
        1e307,
    ],
)
def test_refuses_what_is_not_a_plain_number(raw):
    with pytest.raises(QuantityError) as caught:
        read_quantity(raw)
    assert caught.value.code in ("not_a_number", "over_cap")


@pytest.mark.parametrize("raw", ["-1", "-0.5", " -3"])
def test_refuses_negative(raw):
    with pytest.raises(QuantityError) as caught:
        read_quantity(raw)
    assert caught.value.code == "negative"


def test_whole_units_unless_the_unit_allows_decimals():
    with pytest.raises(QuantityError) as caught:
        read_quantity("2.5")
    assert caught.value.code == "not_whole"
    assert read_quantity("2,5", rounding=0.1) == 2.5
    assert read_quantity("2.50", rounding=0.01) == 2.5
    with pytest.raises(QuantityError):
        read_quantity("2.505", rounding=0.01)


def test_limit_cap_and_pack():
    assert read_quantity("10", limit=10) == 10.0
    with pytest.raises(QuantityError) as caught:
        read_quantity("11", limit=10)
    assert caught.value.code == "over_limit" and caught.value.params == {"limit": 10.0}
    with pytest.raises(QuantityError) as caught:
        read_quantity(str(HARD_CAP + 1))
    assert caught.value.code == "over_cap"
    with pytest.raises(QuantityError) as caught:
        read_quantity("1000000000000")
    assert caught.value.code in ("over_cap", "not_a_number")
    assert read_quantity("12", pack=6) == 12.0
    with pytest.raises(QuantityError) as caught:
        read_quantity("7", pack=6)
    assert caught.value.code == "not_pack" and caught.value.params == {"pack": 6}


def test_many_names_the_refused_key():
    assert read_quantities({"a": "1", "b": ""}) == {"a": 1.0, "b": 0.0}
    with pytest.raises(QuantityError) as caught:
        read_quantities({"a": "1", "b": "x"})
    assert caught.value.params["key"] == "b"


@given(st.integers(min_value=0, max_value=HARD_CAP))
def test_every_whole_number_in_range_reads_back(n):
    assert read_quantity(str(n)) == n


@given(
    st.one_of(
        st.text(max_size=40),
        st.floats(allow_nan=True, allow_infinity=True),
        st.integers(),
        st.booleans(),
        st.none(),
    ),
    st.integers(min_value=0, max_value=500),
    st.integers(min_value=1, max_value=12),
)
def test_any_value_is_a_bounded_whole_pack_or_refused(raw, limit, pack):
    try:
        qty = read_quantity(raw, limit=limit, pack=pack)
    except QuantityError as error:
        assert error.code in ("not_a_number", "negative", "over_limit", "over_cap", "not_whole", "not_pack")
        return
    assert math.isfinite(qty)
    assert 0 <= qty <= HARD_CAP
    assert not limit or qty <= limit
    assert qty == int(qty) and int(qty) % pack == 0
    assert not isinstance(raw, bool)
