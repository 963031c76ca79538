from alim_coldchain_lib.temperature_profiles import (
    PROFILE_MAX,
    judge,
    product_max,
    room_too_warm,
    strictest,
)
from hypothesis import given
from hypothesis import strategies as st


def test_the_french_maxima():
    assert PROFILE_MAX == {
        "deep_frozen": -18.0,
        "frozen": -12.0,
        "minced_meat": 2.0,
        "offal": 3.0,
        "very_perishable": 4.0,
        "perishable": 8.0,
    }


def test_a_product_takes_its_profile_else_its_storage_class():
    assert product_max("minced_meat", "chilled") == 2.0
    assert product_max(None, "chilled") == 4.0
    assert product_max(None, "frozen") == -18.0
    assert product_max("frozen", "frozen") == -12.0
    assert product_max(None, "dry") is None


def test_a_room_must_cover_its_strictest_product():
    assert strictest([4.0, 2.0, None, 8.0]) == 2.0
    assert strictest([None]) is None
    assert room_too_warm(4.0, [4.0, 2.0, 3.0, 2.0, 8.0]) == [2.0, 3.0]
    assert room_too_warm(2.0, [4.0, 2.0]) == []
    assert room_too_warm(None, [2.0]) == []


def test_judge_size_of_the_rise():
    assert judge(4.0, 4.0) == "ok"
    assert judge(6.5, 4.0) == "tolerated"
    assert judge(7.0, 4.0) == "tolerated"
    assert judge(7.1, 4.0) == "refused"
    assert judge(-15.0, -18.0) == "tolerated"
    assert judge(-14.0, -18.0) == "refused"
    assert judge(30.0, None) == "ok"


@given(st.floats(-60, 60), st.sampled_from(sorted(PROFILE_MAX.values())))
def test_judging_is_monotonic(value, limit):
    order = ["ok", "tolerated", "refused"]
    assert order.index(judge(value, limit)) <= order.index(judge(value + 0.5, limit))
