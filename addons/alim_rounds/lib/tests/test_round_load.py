import pytest
from alim_rounds_lib.round_load import Load, over_capacity, round_load


def test_dry_on_pallets_cold_in_boxes_rounded_up():
    load = round_load([(700, "dry"), (50, "chilled"), (30, "frozen"), (100, None)], 600, 25)
    assert load == Load(kg=880, dry_kg=800, cold_kg=80, pallets=2, cold_boxes=4)


def test_exact_fill_is_not_rounded_up():
    assert round_load([(0.1, "dry")] * 6000, 600, 25).pallets == 1


def test_empty_round():
    assert round_load([], 600, 25) == Load(0, 0, 0, 0, 0)


def test_over_capacity_lists_every_excess():
    load = Load(kg=1300, dry_kg=1000, cold_kg=300, pallets=2, cold_boxes=12)
    assert over_capacity(load, 1200, 4, 10) == [("kg", 1300, 1200), ("cold_boxes", 12, 10)]
    assert over_capacity(load, 1500, 4, 12) == []


def test_refuses_non_positive_units():
    with pytest.raises(ValueError):
        round_load([(1, "dry")], 0, 25)
