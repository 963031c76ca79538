import json
from datetime import datetime, timedelta

import pytest
from alim_coldchain_lib.sensor_payload import (
    MAX_BATCH,
    MAX_BODY,
    PayloadError,
    RateLimiter,
    json_depth,
    read_payload,
)
from hypothesis import given
from hypothesis import strategies as st

NOW = datetime(2026, 6, 1, 12, 0, 0)
INSTALLED = datetime(2026, 1, 1)


def body(**payload):
    return json.dumps(payload).encode()


def test_reads_a_batch_sorted_in_utc():
    location, rows = read_payload(
        body(
            location_id=7,
            readings=[
                {"at": "2026-06-01T13:00:00+02:00", "value": 3.5},
                {"at": "2026-06-01T10:00:00Z", "value": 4},
            ],
        ),
        NOW,
        INSTALLED,
    )
    assert location == 7
    assert rows == [(datetime(2026, 6, 1, 10), 4.0), (datetime(2026, 6, 1, 11), 3.5)]


def reading(at="2026-06-01T10:00:00Z", value=3.0):
    return {"at": at, "value": value}


@pytest.mark.parametrize(
    "raw, status",
    [
        (b"x" * (MAX_BODY + 1), 413),
        (b"\xff\xfe", 400),
        (b"not json", 400),
        (b"[]", 400),
        (b"null", 400),
        (b"{" * 50_000, 400),
        (b'{"readings": [{"at": "2026-06-01T10:00:00Z", "value": NaN}]}', 400),
        (b'{"readings": [{"at": "2026-06-01T10:00:00Z", "value": Infinity}]}', 400),
        (b'{"location_id": Infinity, "readings": []}', 400),
        (b'{"location_id": 1e400, "readings": [{"at": "2026-06-01T10:00:00Z", "value": 1}]}', 400),
        (body(location_id=2**40, readings=[reading()]), 400),
        (body(location_id=True, readings=[reading()]), 400),
        (body(location_id="1", readings=[reading()]), 400),
        (body(readings="abc"), 400),
        (body(readings=[]), 400),
        (body(readings=[reading()] * (MAX_BATCH + 1)), 413),
        (body(readings=[reading(value=True)]), 400),
        (body(readings=[reading(value="3")]), 400),
        (body(readings=[reading(value=1e308)]), 400),
        (body(readings=[reading(value=int("9" * 400))]), 400),
        (body(readings=[reading(at="yesterday")]), 400),
        (body(readings=[reading(at="0001-01-01T00:00:00+01:00")]), 400),
        (body(readings=[reading(at="9999-12-31T23:59:59-01:00")]), 400),
        (body(readings=[reading(at="1971-01-01T00:00:00Z")]), 400),
        (body(readings=[reading(at="2026-06-01T12:10:00Z")]), 400),
        (body(readings=[{"at": "2026-06-01T10:00:00Z"}]), 400),
        (body(readings=[[1, 2]]), 400),
    ],
)
def test_refuses_hostile_bodies(raw, status):
    with pytest.raises(PayloadError) as caught:
        read_payload(raw, NOW, INSTALLED)
    assert caught.value.status == status
    assert caught.value.reason


def test_reasons_name_the_fault():
    with pytest.raises(PayloadError, match="Infinity is not a number"):
        read_payload(b'{"location_id": Infinity, "readings": []}', NOW, INSTALLED)
    with pytest.raises(PayloadError, match="installed"):
        read_payload(body(readings=[reading(at="1971-01-01T00:00:00Z")]), NOW, INSTALLED)


def test_small_clock_skew_is_accepted():
    _location, rows = read_payload(body(readings=[reading(at="2026-06-01T12:04:00Z")]), NOW, INSTALLED)
    assert rows == [(datetime(2026, 6, 1, 12, 4), 3.0)]


def test_depth_skips_strings():
    assert json_depth('{"a": "[[[[[[{{{{"}') == 1
    assert json_depth('{"a": "\\"[[["}') == 1
    assert json_depth("[[[]]]") == 3


@given(
    st.recursive(
        st.none() | st.booleans() | st.floats() | st.integers() | st.text(),
        lambda c: st.lists(c) | st.dictionaries(st.text(), c),
        max_leaves=30,
    )
)
def test_any_json_is_read_or_refused_cleanly(value):
    raw = json.dumps({"readings": value, "location_id": value}).encode()
    try:
        location, rows = read_payload(raw, NOW, INSTALLED)
    except PayloadError as error:
        assert 400 <= error.status < 500
        return
    assert isinstance(location, int) or location is None
    for at, val in rows:
        assert INSTALLED <= at <= NOW + timedelta(minutes=5)
        assert -1000 <= val <= 1000


def test_rate_limiter_window():
    now = [0.0]
    limiter = RateLimiter(clock=lambda: now[0])
    assert [limiter.hit("a", 2) for _ in range(3)] == [0, 0, 60.0]
    assert limiter.hit("b", 2) == 0
    now[0] = 60.5
    assert limiter.hit("a", 2) == 0
