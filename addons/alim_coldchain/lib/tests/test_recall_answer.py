import math

import pytest
from alim_coldchain_lib.recall_answer import AnswerError, read_answer, read_answer_quantity
from hypothesis import given
from hypothesis import strategies as st


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("12", 12.0), (" 2,5 ", 2.5), ("0.125", 0.125), ("+3", 3.0), ("", 0.0), (None, 0.0), ("1 000", 1000.0)],
)
def test_plain_decimals_are_read(raw, expected):
    assert read_answer_quantity(raw, "destroyed") == expected


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("-1", "negative"),
        ("-0,5", "negative"),
        ("abc", "not_a_number"),
        ("1e5", "not_a_number"),
        ("NaN", "not_a_number"),
        ("inf", "not_a_number"),
        ("0x10", "not_a_number"),
        ("1.2345", "not_a_number"),
        ("1" * 30, "not_a_number"),
        (True, "not_a_number"),
        (["1"], "not_a_number"),
        ("100001", "over_cap"),
    ],
)
def test_anything_else_is_refused_with_its_field(raw, code):
    with pytest.raises(AnswerError) as caught:
        read_answer_quantity(raw, "returned")
    assert caught.value.code == code
    assert caught.value.field == "returned"


def test_an_answer_with_nothing_is_refused():
    with pytest.raises(AnswerError) as caught:
        read_answer({"destroyed": "0", "returned": ""})
    assert caught.value.code == "empty"
    assert read_answer({"destroyed": "4", "given_out": "6"}) == {
        "destroyed": 4.0,
        "returned": 0.0,
        "given_out": 6.0,
    }


@given(st.text(max_size=40))
def test_any_text_is_a_finite_quantity_in_range_or_refused(raw):
    try:
        value = read_answer_quantity(raw, "destroyed")
    except AnswerError as error:
        assert error.code in ("not_a_number", "negative", "over_cap")
    else:
        assert math.isfinite(value)
        assert 0 <= value <= 100_000
