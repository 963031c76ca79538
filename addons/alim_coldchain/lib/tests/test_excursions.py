import itertools
import time
from datetime import datetime, timedelta

import pytest
from alim_coldchain_lib.excursions import HIGH, LOW, detect_excursions
from hypothesis import given
from hypothesis import strategies as st

T0 = datetime(2026, 1, 1)
STEP = timedelta(minutes=5)


def series(values):
    return [(T0 + i * STEP, v) for i, v in enumerate(values)]


def test_no_readings_no_excursion():
    assert detect_excursions([], 0, 4, timedelta(minutes=30)) == []


def test_in_range_no_excursion():
    assert detect_excursions(series([2, 3, 4, 0, 1]), 0, 4, timedelta(0)) == []


def test_high_excursion_window_and_peak():
    readings = series([3] * 3 + [5, 7, 9, 6, 5, 5, 5] + [3] * 3)
    (exc,) = detect_excursions(readings, 0, 4, timedelta(minutes=30))
    assert exc.kind == HIGH
    assert exc.start == T0 + 3 * STEP
    assert exc.end == T0 + 10 * STEP  # first reading back in range
    assert exc.peak == 9
    assert exc.peak_at == T0 + 5 * STEP
    assert not exc.ongoing
    assert exc.duration == timedelta(minutes=35)


def test_short_excursion_is_tolerated():
    readings = series([3, 6, 6, 3])  # 10 minutes out
    assert detect_excursions(readings, 0, 4, timedelta(minutes=30)) == []
    # exactly the tolerated duration is still tolerated
    readings = series([3] + [6] * 6 + [3])
    assert detect_excursions(readings, 0, 4, timedelta(minutes=30)) == []
    readings = series([3] + [6] * 7 + [3])
    assert len(detect_excursions(readings, 0, 4, timedelta(minutes=30))) == 1


def test_low_excursion_and_only_max_bound():
    readings = series([-20, -20, -10, -12, -19])
    (exc,) = detect_excursions(readings, None, -18, timedelta(minutes=5))
    assert exc.kind == HIGH and exc.peak == -10
    readings = series([2, -1, -3, -2, 2])
    (exc,) = detect_excursions(readings, 0, 4, timedelta(minutes=10))
    assert exc.kind == LOW and exc.peak == -3


def test_ongoing_excursion():
    readings = series([3, 8, 8, 8, 8, 8, 8, 8, 8])
    (exc,) = detect_excursions(readings, 0, 4, timedelta(minutes=30))
    assert exc.ongoing and exc.end == readings[-1][0]


def test_side_change_splits_runs():
    readings = series([3] + [8] * 10 + [-5] * 10 + [3])
    found = detect_excursions(readings, 0, 4, timedelta(minutes=30))
    assert [e.kind for e in found] == [HIGH, LOW]
    assert found[0].end == found[1].start


def test_numeric_timestamps_and_bad_thresholds():
    assert len(detect_excursions([(0, 9), (10, 9), (20, 1)], 0, 4, 15)) == 1
    with pytest.raises(ValueError):
        detect_excursions([], 5, 4, 0)


@given(st.lists(st.floats(min_value=-30, max_value=30, allow_nan=False), max_size=200))
def test_excursions_are_ordered_out_of_range_and_long_enough(values):
    readings = series(values)
    tolerated = timedelta(minutes=15)
    found = detect_excursions(readings, 0, 4, tolerated)
    for exc in found:
        assert exc.end - exc.start > tolerated
        inside = [v for t, v in readings if exc.start <= t < exc.end or (exc.ongoing and t == exc.end)]
        assert inside
        assert all(v > 4 for v in inside) if exc.kind == HIGH else all(v < 0 for v in inside)
        assert exc.peak in inside
    for before, after in itertools.pairwise(found):
        assert before.end <= after.start


def test_a_year_of_readings_is_fast():
    n = 365 * 24 * 12  # 105,120 five-minute readings
    values = [3.0 + (6.0 if i % 5000 < 20 else 0.0) for i in range(n)]
    readings = series(values)
    started = time.perf_counter()
    found = detect_excursions(readings, 0, 4, timedelta(minutes=30))
    elapsed = time.perf_counter() - started
    assert len(found) == len(range(0, n, 5000))
    assert elapsed < 1.0, elapsed


def test_size_and_duration_judged_together():
    tolerated = timedelta(minutes=30)
    # a brief small rise (door opened at a delivery) is tolerated
    assert detect_excursions(series([3, 6, 6, 3]), 0, 4, tolerated, severe_margin=3) == []
    # a brief large one is not, whatever its length: one reading at max + 8 °C
    (exc,) = detect_excursions(series([3, 12]), 0, 4, tolerated, severe_margin=3)
    assert exc.kind == HIGH and exc.peak == 12 and exc.ongoing and exc.duration == timedelta(0)
    (exc,) = detect_excursions(series([3, 12, 3]), 0, 4, tolerated, severe_margin=3)
    assert not exc.ongoing and exc.duration == STEP
    # exactly at the margin is still a small rise; a long small rise is an excursion
    assert detect_excursions(series([3, 7, 3]), 0, 4, tolerated, severe_margin=3) == []
    assert len(detect_excursions(series([3] + [5] * 8 + [3]), 0, 4, tolerated, severe_margin=3)) == 1
    # too cold counts the same way
    (exc,) = detect_excursions(series([2, -5, 2]), 0, 4, tolerated, severe_margin=3)
    assert exc.kind == LOW
    # without a margin, only the duration counts (the former rule)
    assert detect_excursions(series([3, 12, 3]), 0, 4, tolerated) == []


def test_negative_margin_refused():
    with pytest.raises(ValueError):
        detect_excursions(series([3]), 0, 4, timedelta(0), severe_margin=-1)


@given(
    st.lists(st.floats(min_value=-10, max_value=20, allow_nan=False), min_size=1, max_size=40),
    st.floats(min_value=0, max_value=10, allow_nan=False),
)
def test_a_margin_only_adds_excursions(values, margin):
    readings = series(values)
    tolerated = timedelta(minutes=15)
    plain = detect_excursions(readings, 0, 4, tolerated)
    judged = detect_excursions(readings, 0, 4, tolerated, severe_margin=margin)
    assert {exc.start for exc in plain} <= {exc.start for exc in judged}
    for exc in judged:
        beyond = exc.peak - 4 if exc.kind == HIGH else 0 - exc.peak
        assert exc.duration > tolerated or beyond > margin
