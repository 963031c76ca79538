import pytest
from alim_catalogue_lib.starter_kit import scale_kit
from hypothesis import given
from hypothesis import strategies as st


def test_scales_and_rounds_up():
    assert scale_kit([("rice", 10), ("oil", 3), ("salt", 1)], 10, 25) == {"rice": 25, "oil": 8, "salt": 3}


def test_exact_decimal_arithmetic():
    assert scale_kit([("a", 0.3)], 10, 20) == {"a": 1}
    assert scale_kit([("a", 0.1)], 1, 30) == {"a": 3}


def test_nothing_left_out_but_zero_lines():
    assert scale_kit([("a", 0), ("b", 2)], 10, 5) == {"b": 1}


@pytest.mark.parametrize("reference, households", [(0, 10), (10, 0), (10, -3)])
def test_refuses_non_positive_households(reference, households):
    with pytest.raises(ValueError):
        scale_kit([("a", 1)], reference, households)


def test_refuses_negative_quantity():
    with pytest.raises(ValueError):
        scale_kit([("a", -1)], 10, 10)


@given(
    st.lists(st.integers(min_value=0, max_value=500), min_size=1, max_size=20),
    st.integers(min_value=1, max_value=100),
    st.integers(min_value=1, max_value=2000),
)
def test_never_short_and_less_than_one_unit_over(quantities, reference, households):
    lines = list(enumerate(quantities))
    result = scale_kit(lines, reference, households)
    for key, quantity in lines:
        exact = quantity * households / reference
        got = result.get(key, 0)
        assert exact <= got < exact + 1
