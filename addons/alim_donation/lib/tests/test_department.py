import pytest
from alim_donation_lib.department import department_of
from hypothesis import given
from hypothesis import strategies as st


@pytest.mark.parametrize(
    "zip_code, expected",
    [
        ("31100", "31"),
        ("81000", "81"),
        (" 09 000 ", "09"),
        ("97400", "974"),
        ("20000", "2A"),
        ("20190", "2A"),
        ("20200", "2B"),
        ("", ""),
        (None, ""),
        ("3110", ""),
        ("B-1000", ""),
        ("\uff13\uff11\uff11\uff10\uff10", ""),  # full-width digits
    ],
)
def test_department_of(zip_code, expected):
    assert department_of(zip_code) == expected


@given(st.text(max_size=12))
def test_department_is_short_or_empty(text):
    result = department_of(text)
    assert result == "" or 2 <= len(result) <= 3
