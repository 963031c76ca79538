import importlib.util
import pathlib
import sys
import types

import pytest
from hypothesis import given
from hypothesis import strategies as st


def _register_lib():
    """Make ``gesmip_network_lib`` importable however pytest was started.

    Started on this addon alone, pytest takes the addon's ``pyproject.toml`` as its
    configuration and skips the repository's root ``conftest.py``; and it imports the
    ``__init__.py`` of every package above a test (the Odoo addon itself) before running
    it. Register the lib as the root conftest does, and stand an empty module for the
    addon package so that no Odoo import is needed.
    """
    lib = pathlib.Path(__file__).resolve().parent.parent
    for name in ("gesmip_network", "addons.gesmip_network"):
        stub = sys.modules.setdefault(name, types.ModuleType(name))
        if not hasattr(stub, "__path__"):
            stub.__path__ = [str(lib.parent)]
    if "gesmip_network_lib" not in sys.modules:
        spec = importlib.util.spec_from_file_location(
            "gesmip_network_lib", lib / "__init__.py", submodule_search_locations=[str(lib)]
        )
        sys.modules["gesmip_network_lib"] = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(sys.modules["gesmip_network_lib"])


_register_lib()

from gesmip_network_lib.needs import (  # noqa: E402
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
