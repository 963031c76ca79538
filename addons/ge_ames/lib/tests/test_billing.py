import pytest
from ge_ames_lib.billing import (
    billing_lines,
    hourly_rate,
    outstanding_regularisation,
    regularisation,
    time_flags,
)
from hypothesis import given
from hypothesis import strategies as st


def test_hourly_rate_and_formula():
    rate = hourly_rate(24000.0, 10000.0, 1000.0, 1400)
    assert rate.hourly_rate == 25.0
    assert rate.formula == "(24000.00 + 10000.00 + 1000.00) / 1400 h = 25.00 / h"


def test_hourly_rate_refuses_bad_input():
    with pytest.raises(ValueError):
        hourly_rate(1.0, 1.0, 1.0, 0)
    with pytest.raises(ValueError):
        hourly_rate(-1.0, 1.0, 1.0, 10)


def test_billing_lines_grouped_per_member():
    entries = [
        ("m1", "e1", "log", 3.0, 20.0),
        ("m1", "e1", "log", 4.0, 20.0),
        ("m1", "e2", "cafe", 2.0, 30.0),
        ("m2", "e1", "log", 1.5, 20.0),
    ]
    lines = billing_lines(entries)
    assert lines["m1"] == [("e1", "log", 20.0, 7.0, 140.0), ("e2", "cafe", 30.0, 2.0, 60.0)]
    assert lines["m2"] == [("e1", "log", 20.0, 1.5, 30.0)]


@given(st.lists(st.tuples(st.sampled_from("ab"), st.sampled_from("xy"), st.just("act"), st.integers(0, 10))))
def test_billing_lines_keep_hours(entries):
    entries = [(m, e, a, float(h), 10.0) for m, e, a, h in entries]
    lines = billing_lines(entries)
    assert sum(line[3] for ls in lines.values() for line in ls) == sum(e[3] for e in entries)


def test_time_flags():
    assert time_flags(False, True, 5, 10, 10) == (True, False, False)
    assert time_flags(True, False, 5, 10, 10) == (False, True, False)
    assert time_flags(True, True, 11, 10, 10) == (False, False, False)
    assert time_flags(True, True, 11.5, 10, 10) == (False, False, True)


def test_regularisation():
    assert regularisation(
        {"m1": 10.0, "m2": 5.0, "m3": 2.0}, 22.0, {"m1": 200.0, "m2": 120.0, "m3": 44.0}
    ) == {
        "m1": 20.0,
        "m2": -10.0,
    }


def test_outstanding_regularisation_counts_what_was_already_regularised():
    due = {"m1": 20.0, "m2": -10.0, "m3": 5.0}
    # m1 fully invoiced, m2 credited, m3 not yet, m4 regularised but its hours since credited.
    done = {"m1": 20.0, "m2": -10.0, "m4": 12.5}
    assert outstanding_regularisation(due, done) == {"m3": 5.0, "m4": -12.5}
    # A second run over the same figures proposes nothing.
    assert outstanding_regularisation(due, due) == {}
    assert outstanding_regularisation(due, {}) == due


@given(
    st.dictionaries(st.sampled_from("abcd"), st.integers(-10000, 10000)),
    st.dictionaries(st.sampled_from("abcd"), st.integers(-10000, 10000)),
)
def test_outstanding_regularisation_then_nothing(due_cents, done_cents):
    due = {m: c / 100 for m, c in due_cents.items()}
    done = {m: c / 100 for m, c in done_cents.items()}
    first = outstanding_regularisation(due, done)
    after = {m: round(done.get(m, 0.0) + first.get(m, 0.0), 2) for m in {*done, *first}}
    assert outstanding_regularisation(due, after) == {}
