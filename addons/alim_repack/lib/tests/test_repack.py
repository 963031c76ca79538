from datetime import date

import pytest
from alim_repack_lib.repack import (
    NEEDS_ANIMAL_AGREMENT,
    NEEDS_COLD_AGREMENT,
    MixingError,
    RepackInput,
    expected_packs,
    inherit,
    loss,
    mixing_conflicts,
    repack_refusal,
    reservations_to_take,
)
from hypothesis import given
from hypothesis import strategies as st


def test_expected_packs_whole_packs_only():
    assert expected_packs(25.0, 1.0) == 25
    assert expected_packs(25.0, 0.5) == 50
    assert expected_packs(24.9, 1.0) == 24
    assert expected_packs(3.0, 0.3) == 10  # float noise does not lose a pack
    assert expected_packs(0.0, 1.0) == 0
    assert expected_packs(-1.0, 1.0) == 0


def test_expected_packs_refuses_zero_pack_size():
    with pytest.raises(ValueError):
        expected_packs(25.0, 0.0)


@given(
    st.floats(min_value=0.01, max_value=5000, allow_nan=False),
    st.floats(min_value=0.05, max_value=50, allow_nan=False),
)
def test_expected_packs_never_exceeds_input(input_kg, pack_kg):
    packs = expected_packs(input_kg, pack_kg)
    assert packs >= 0
    assert packs * pack_kg <= input_kg + 1e-3
    assert (packs + 1) * pack_kg > input_kg - 1e-3


def test_loss_kg_and_percent():
    assert loss(25.0, 24.0) == (1.0, 4.0)
    assert loss(25.0, 25.0) == (0.0, 0.0)
    assert loss(0.0, 0.0) == (0.0, 0.0)
    assert loss(10.0, 10.5) == (-0.5, -5.0)


D1, D2 = date(2027, 3, 1), date(2027, 1, 15)
GLUTEN = frozenset({"gluten"})


def test_inherit_earliest_date_and_union():
    result = inherit(
        [
            RepackInput(D1, "ddm", "dry", GLUTEN),
            RepackInput(D2, "ddm", "dry", GLUTEN),
            RepackInput(None, "ddm", "dry", GLUTEN),
        ]
    )
    assert result.date == D2
    assert result.date_type == "ddm"
    assert result.allergens == GLUTEN


def test_inherit_single_input_without_date():
    result = inherit([RepackInput(None, "none", "dry")])
    assert result.date is None
    assert result.allergens == frozenset()


@pytest.mark.parametrize(
    "other, reason",
    [
        (RepackInput(D2, "dlc", "dry", GLUTEN), "date_type"),
        (RepackInput(D2, "ddm", "chilled", GLUTEN), "storage_class"),
        (RepackInput(D2, "ddm", "dry", frozenset()), "allergens"),
    ],
)
def test_inherit_refuses_mixing(other, reason):
    inputs = [RepackInput(D1, "ddm", "dry", GLUTEN), other]
    assert mixing_conflicts(inputs) == [reason]
    with pytest.raises(MixingError) as error:
        inherit(inputs)
    assert error.value.reason == reason


def test_inherit_allowed_mixing_takes_strictest():
    result = inherit(
        [RepackInput(D1, "ddm", "dry", GLUTEN), RepackInput(D2, "dlc", "chilled", frozenset({"milk"}))],
        allow_mixing=True,
    )
    assert result.date == D2
    assert result.date_type == "dlc"
    assert result.allergens == frozenset({"gluten", "milk"})


def test_inherit_needs_input():
    with pytest.raises(ValueError):
        inherit([])


def test_repack_authorisation():
    assert repack_refusal("dry", False) is None
    assert repack_refusal("chilled", True) == NEEDS_COLD_AGREMENT  # chilled meat
    assert repack_refusal("frozen", False) == NEEDS_COLD_AGREMENT
    assert repack_refusal("dry", True) == NEEDS_ANIMAL_AGREMENT  # milk powder
    assert repack_refusal("chilled", True, cold_allowed=True) == NEEDS_ANIMAL_AGREMENT
    assert repack_refusal("chilled", True, cold_allowed=True, animal_allowed=True) is None
    assert repack_refusal("dry", True, animal_allowed=True) is None


def test_reservations_to_take_free_first_then_the_last_planned():
    assert reservations_to_take(2.0, 2.0, [("out-1", 1.0)]) == []
    assert reservations_to_take(2.0, 1.0, [("out-2", 2.0), ("out-1", 1.0)]) == [("out-2", 1.0)]
    assert reservations_to_take(3.0, 0.0, [("out-2", 2.0), ("out-1", 2.0)]) == [
        ("out-2", 2.0),
        ("out-1", 1.0),
    ]
    with pytest.raises(ValueError):
        reservations_to_take(3.0, 0.5, [("out-1", 2.0)])


@given(
    wanted=st.floats(0.0, 100.0),
    free=st.floats(0.0, 100.0),
    reserved=st.lists(st.floats(0.0, 50.0), max_size=5),
)
def test_reservations_to_take_takes_exactly_what_is_missing(wanted, free, reserved):
    lines = list(enumerate(reserved))
    if wanted - free > sum(reserved) + 1e-6:
        with pytest.raises(ValueError):
            reservations_to_take(wanted, free, lines)
        return
    taken = reservations_to_take(wanted, free, lines)
    assert abs(sum(q for _k, q in taken) - max(wanted - free, 0.0)) < 1e-4
    assert all(0 < q <= reserved[k] for k, q in taken)
    # the first lines in the list lose first: before the last one taken, every line lost all
    if taken:
        given_up = dict(taken)
        assert all(abs(given_up.get(k, 0.0) - reserved[k]) <= 1e-5 for k in range(taken[-1][0]))
