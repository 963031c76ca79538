import importlib.util
import pathlib
import sys
import types

import pytest
from hypothesis import given
from hypothesis import strategies as st


def _register_lib():
    """Make ``gesmip_network_life_lib`` importable however pytest was started.

    Started on this addon alone, pytest takes the addon's ``pyproject.toml`` as its
    configuration and skips the repository's root ``conftest.py``; and it imports the
    ``__init__.py`` of every package above a test (the Odoo addon itself) before running
    it. Register the lib as the root conftest does, and stand an empty module for the
    addon package so that no Odoo import is needed.
    """
    lib = pathlib.Path(__file__).resolve().parent.parent
    for name in ("gesmip_network_life", "addons.gesmip_network_life"):
        stub = sys.modules.setdefault(name, types.ModuleType(name))
        if not hasattr(stub, "__path__"):
            stub.__path__ = [str(lib.parent)]
    if "gesmip_network_life_lib" not in sys.modules:
        spec = importlib.util.spec_from_file_location(
            "gesmip_network_life_lib", lib / "__init__.py", submodule_search_locations=[str(lib)]
        )
        sys.modules["gesmip_network_life_lib"] = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(sys.modules["gesmip_network_life_lib"])


_register_lib()

from gesmip_network_life_lib.needs import (  # noqa: E402
    ALL_MONTHS,
    SEASON_MONTHS,
    Interview,
    NeedLine,
    PlanLine,
    aggregate_weekly_needs,
    funding_gap,
    plan_cost,
    plan_from_needs,
)

VEG = "vegetables"


def test_scaled_per_grocery():
    interviews = [
        Interview("A", 3, {(VEG, "carrot"): 2.0, (VEG, "tomato"): 1.0}),
        Interview("A", 1, {(VEG, "carrot"): 1.0}),
        Interview("B", 4, {(VEG, "carrot"): 3.0, (VEG, "tomato"): 3.0}),
    ]
    lines = aggregate_weekly_needs(interviews, {"A": 100, "B": 10})
    assert [(line.variety, line.weekly_quantity) for line in lines] == [
        # A: mean 1.5 x 100 + B: 3 x 10
        ("carrot", 180.0),
        # A: mean 0.5 x 100 + B: 3 x 10
        ("tomato", 80.0),
    ]
    assert lines[0].interviews == 3
    assert lines[1].interviews == 2
    assert lines[0].mean_per_household == 2.0


def test_grocery_without_interview_takes_overall_mean():
    interviews = [Interview("A", 2, {(VEG, "leek"): 2.0}), Interview("A", 2, {(VEG, "leek"): 4.0})]
    lines = aggregate_weekly_needs(interviews, {"A": 10, "C": 5})
    assert lines[0].weekly_quantity == 3.0 * 10 + 3.0 * 5


def test_interviews_outside_the_groceries_count_in_the_mean_only():
    interviews = [Interview("A", 2, {(VEG, "leek"): 2.0}), Interview("Z", 2, {(VEG, "leek"): 4.0})]
    lines = aggregate_weekly_needs(interviews, {"B": 10})
    assert lines[0].weekly_quantity == 30.0


def test_empty_and_bad_input():
    assert aggregate_weekly_needs([], {"A": 10}) == []
    with pytest.raises(ValueError):
        aggregate_weekly_needs([Interview("A", 0, {})], {"A": 1})
    with pytest.raises(ValueError):
        aggregate_weekly_needs([Interview("A", 1, {(VEG, "x"): -1})], {"A": 1})
    with pytest.raises(ValueError):
        aggregate_weekly_needs([Interview("A", 1, {})], {"A": -1})


def test_plan_cost_and_funding_gap():
    needs = [NeedLine(VEG, "carrot", 3, 1.0, 10.0)]
    plan = plan_from_needs(needs, {("carrot", "winter"): 2.0, "carrot": 1.0}, {"summer": 13, "winter": 13})
    assert plan == [PlanLine("carrot", "summer", 130.0, 1.0), PlanLine("carrot", "winter", 130.0, 2.0)]
    assert plan_cost(plan) == 390.0
    assert funding_gap(390.0, 78.0, 100.0) == 212.0
    assert funding_gap(100.0, 80.0, 50.0) == 0.0
    with pytest.raises(ValueError):
        funding_gap(-1.0, 0.0, 0.0)


@given(
    st.lists(
        st.tuples(st.sampled_from("AB"), st.integers(1, 8), st.floats(0, 50, allow_nan=False)),
        min_size=1,
        max_size=30,
    ),
    st.integers(0, 500),
    st.integers(0, 500),
)
def test_total_is_between_min_and_max_times_households(rows, households_a, households_b):
    interviews = [Interview(g, size, {(VEG, "kale"): q}) for g, size, q in rows]
    lines = aggregate_weekly_needs(interviews, {"A": households_a, "B": households_b})
    quantities = [q for _g, _s, q in rows]
    total_households = households_a + households_b
    assert min(quantities) * total_households - 0.01 <= lines[0].weekly_quantity
    assert lines[0].weekly_quantity <= max(quantities) * total_households + 0.01


# French growing calendar of the demo varieties (months 1 = January ... 12 = December).
TOMATO_MONTHS = {6, 7, 8, 9, 10}  # June to October
ZUCCHINI_MONTHS = {6, 7, 8, 9}  # June to September
APPLE_MONTHS = {9, 10, 11, 12, 1, 2, 3, 4}  # picked in autumn, kept until April


def test_plan_follows_the_seasons_of_each_variety():
    needs = [
        NeedLine(VEG, "tomato", 3, 1.0, 30.0),
        NeedLine(VEG, "zucchini", 3, 1.0, 12.0),
        NeedLine("fruit", "apple", 3, 1.0, 6.0),
        NeedLine("dry", "lentils", 3, 1.0, 3.0),
    ]
    months = {"tomato": TOMATO_MONTHS, "zucchini": ZUCCHINI_MONTHS, "apple": APPLE_MONTHS}
    plan = plan_from_needs(needs, {}, months=months)
    by_variety = {}
    for line in plan:
        by_variety.setdefault(line.variety, {})[line.season] = line.quantity
    # No tomatoes nor courgettes in winter or spring; a part of autumn only.
    assert by_variety["tomato"] == {"summer": 390.0, "autumn": 260.0}  # 13 weeks, then 2 months of 3
    assert by_variety["zucchini"] == {"summer": 156.0, "autumn": 52.0}  # September only
    # Apples: none in summer, all autumn and winter, March and April in spring.
    assert by_variety["apple"] == {"spring": 52.0, "autumn": 78.0, "winter": 78.0}
    # Not in the table: all year, as before.
    assert by_variety["lentils"] == {season: 39.0 for season in ("spring", "summer", "autumn", "winter")}


def test_plan_names_the_producer_on_every_line_of_a_variety():
    needs = [NeedLine(VEG, "carrot", 3, 1.0, 10.0), NeedLine("dry", "rice", 3, 1.0, 5.0)]
    plan = plan_from_needs(needs, {"carrot": 1.0}, producers={"carrot": "GAEC des Collines"})
    assert [line.producer for line in plan if line.variety == "carrot"] == ["GAEC des Collines"] * 4
    assert {line.producer for line in plan if line.variety == "rice"} == {None}


def test_plan_refuses_a_month_that_does_not_exist():
    with pytest.raises(ValueError):
        plan_from_needs([NeedLine(VEG, "carrot", 3, 1.0, 10.0)], {}, months={"carrot": {0, 13}})


@given(st.sets(st.integers(1, 12)), st.floats(0, 1000, allow_nan=False))
def test_plan_quantity_is_the_weekly_need_over_the_weeks_of_its_months(months, weekly):
    plan = plan_from_needs([NeedLine(VEG, "leek", 1, 1.0, weekly)], {}, months={"leek": months})
    total = sum(line.quantity for line in plan)
    assert abs(total - weekly * 52 / 12 * len(months)) <= 0.01 * 4
    assert all(line.quantity >= 0 for line in plan)
    assert len(plan) == len({season for season, ms in SEASON_MONTHS.items() if set(ms) & months})
    assert ALL_MONTHS == frozenset(range(1, 13))
