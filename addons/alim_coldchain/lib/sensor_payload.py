"""What a sensor may post, read before anything touches the database.

``read_payload`` turns the body of ``POST /alim_coldchain/sensor/readings`` into a room id
and ``[(naive UTC datetime, float)]``, or raises :class:`PayloadError` with the HTTP status
and a short reason. ``RateLimiter`` counts requests per key in a sliding window.

Pure Python, no Odoo import.
"""

import json
import math
import threading
import time
from collections import deque
from datetime import UTC, datetime, timedelta

MAX_BODY = 256 * 1024  # bytes
MAX_BATCH = 1000  # readings per request
MAX_DEPTH = 4  # {"readings": [{"at": ..., "value": ...}]} is 3 deep
MAX_ID = 2**31 - 1
MAX_TEXT = 40  # an ISO date-time with its offset is 32 characters at most
MAX_ABS_VALUE = 1000.0  # anything this far out is not a temperature (the register checks ±60)


class PayloadError(ValueError):
    def __init__(self, reason, status=400):
        super().__init__(reason)
        self.reason = reason
        self.status = status


def json_depth(text):
    """The deepest nesting of arrays and objects in ``text`` (strings skipped), read without
    recursion, so that a body of 50,000 brackets costs a loop, not the parser's stack."""
    depth = deepest = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth -= 1
    return deepest


def _refuse_constant(name):
    raise PayloadError(f"{name} is not a number")


def _utc(text):
    """An ISO date-time to a naive UTC datetime (a naive one is taken as UTC)."""
    if not isinstance(text, str) or not 10 <= len(text) <= MAX_TEXT:
        raise PayloadError("'at' must be an ISO date-time")
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
        if parsed.tzinfo is not None:
            parsed = parsed.astimezone(UTC).replace(tzinfo=None)
    except (ValueError, OverflowError):
        raise PayloadError("'at' must be an ISO date-time") from None
    return parsed


def _number(value):
    """A finite JSON number (not a boolean, not a 400-digit integer) as a float."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise PayloadError("'value' must be a number")
    if isinstance(value, int) and abs(value) > MAX_ABS_VALUE:
        raise PayloadError("'value' is out of range")
    value = float(value)
    if not math.isfinite(value) or abs(value) > MAX_ABS_VALUE:
        raise PayloadError("'value' is out of range")
    return value


def read_payload(body, now, not_before=None, skew=timedelta(minutes=5), max_batch=MAX_BATCH):
    """``(location id or None, [(at, value)] sorted)`` from ``body`` (bytes).

    Refused (``PayloadError``): a body over ``MAX_BODY`` (413), not UTF-8 JSON, nested deeper
    than ``MAX_DEPTH``, NaN/Infinity, not an object, a room id that is not a positive int4, no
    reading or more than ``max_batch``, a reading that is not ``{"at": ISO, "value": number}``,
    dated before ``not_before`` (the sensor's installation) or after ``now + skew``.
    """
    if len(body) > MAX_BODY:
        raise PayloadError("body too large", status=413)
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise PayloadError("body is not UTF-8") from None
    if json_depth(text) > MAX_DEPTH:
        raise PayloadError("JSON nested too deep")
    try:
        payload = json.loads(text or "{}", parse_constant=_refuse_constant)
    except PayloadError:
        raise
    except (ValueError, RecursionError):
        raise PayloadError("malformed JSON") from None
    if not isinstance(payload, dict):
        raise PayloadError("the body must be a JSON object")
    location_id = payload.get("location_id")
    if location_id is not None and (
        isinstance(location_id, bool) or not isinstance(location_id, int) or not 0 < location_id <= MAX_ID
    ):
        raise PayloadError("'location_id' must be a room id")
    items = payload.get("readings")
    if not isinstance(items, list) or not items:
        raise PayloadError("no reading")
    if len(items) > max_batch:
        raise PayloadError(f"at most {max_batch} readings per request", status=413)
    rows = []
    for index, item in enumerate(items):
        if not isinstance(item, dict) or "at" not in item or "value" not in item:
            raise PayloadError(f"reading {index}: expected {{'at': ..., 'value': ...}}")
        try:
            at, value = _utc(item["at"]), _number(item["value"])
        except PayloadError as error:
            raise PayloadError(f"reading {index}: {error.reason}") from None
        if not_before and at < not_before:
            raise PayloadError(f"reading {index}: dated before the sensor was installed")
        if at > now + skew:
            raise PayloadError(f"reading {index}: dated in the future")
        rows.append((at, value))
    rows.sort()
    return location_id, rows


class RateLimiter:
    """At most ``limit`` hits per key in any ``window`` seconds (thread-safe, per process)."""

    def __init__(self, clock=time.monotonic):
        self._clock = clock
        self._hits = {}
        self._lock = threading.Lock()

    def hit(self, key, limit, window=60.0):
        """Count a hit for ``key``; 0 when allowed, else the seconds to wait."""
        now = self._clock()
        with self._lock:
            hits = self._hits.setdefault(key, deque())
            while hits and hits[0] <= now - window:
                hits.popleft()
            if len(hits) >= limit:
                return max(hits[0] + window - now, 0.001)
            hits.append(now)
            if len(self._hits) > 10_000:  # forget idle keys rather than grow without end
                for stale in [k for k, v in self._hits.items() if not v or v[-1] <= now - window]:
                    del self._hits[stale]
            return 0

    def reset(self):
        with self._lock:
            self._hits.clear()
