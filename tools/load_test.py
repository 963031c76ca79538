"""Bounded load on a local Odoo, an ordering day: grocery portal users log in, then order from
one open cycle within one minute, several on the same scarce line. Prints requests, errors,
and per kind of request (login, catalogue page, order save) the time seen by the client and
the time the server spent (from its log); writes the quantities each grocery had accepted
(for tools/load_check.py).

usage: python load_test.py BASE_URL[,BASE_URL...] DBNAME SETUP_JSON EXPECTED_JSON_OUT [SERVER_LOG,...]

The two phases, apart:
- logins: every user logs in (Odoo's password hashing), arriving over GESMIP_LOAD_LOGIN_SPREAD
  seconds (default 30: groceries open their session during the morning);
- the ordering minute: each user arrives at a moment of the first GESMIP_LOAD_SPREAD seconds
  (default 30), loads the catalogue and saves its order, takes 5 to 20 seconds to look again
  (GESMIP_LOAD_THINK="5,20"), then loads the catalogue and saves its changed order. Every
  user's work is to end within the minute.
GESMIP_LOAD_SPREAD=0 GESMIP_LOAD_LOGIN_SPREAD=0 GESMIP_LOAD_THINK=0,0: everybody at the same
instant, the worst case (a stress figure: more connections at once than Odoo's prefork server
keeps waiting, 8 per worker).

Only ever talks to the BASE_URLs (loopback addresses; users are spread over them in turn);
each user makes a fixed number of requests.
"""

import json
import os
import random
import re
import statistics
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import requests

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
QTY_INPUT = re.compile(r'<input[^>]*\bname="qty_(\d+)"[^>]*>')
VALUE = re.compile(r'\bvalue="([^"]*)"')
EMPTY = (None, "")
ROUNDS = 2  # each user posts its order twice (create, then change)
MINUTE = 60.0
CONNECTION_FAILED = 599
# werkzeug's access line with Odoo's figures: queries, SQL seconds, other seconds
ACCESS = re.compile(
    r'"(?P<method>GET|POST) (?P<path>\S+) HTTP/[\d.]+" (?P<status>\d+) \S+ '
    r"(?P<q>\d+) (?P<sql>[\d.]+) (?P<py>[\d.]+)"
)
KINDS = (
    ("login", "POST", re.compile(r"^/web/session/authenticate$")),
    ("catalogue", "GET", re.compile(r"^/my/cycles/\d+$")),
    ("order save", "POST", re.compile(r"^/my/cycles/\d+/order$")),
)


def _seconds(name, default):
    """A number of seconds from the environment, at least 0."""
    return max(0.0, float(os.environ.get(name, default)))


class User:
    """One grocery's browser: its own session, one connection per request."""

    def __init__(self, base, db, login, grocery_id, seed):
        self.base, self.db, self.login, self.grocery_id = base, db, login, grocery_id
        self.rng = random.Random(seed)
        self.session = requests.Session()
        # Odoo's prefork workers serve one request per connection: never reuse one.
        self.session.headers["Connection"] = "close"
        self.timings, self.statuses, self.accepted, self.finished = [], [], None, None

    def call(self, kind, method, path, **kwargs):
        start = time.perf_counter()
        try:
            response = self.session.request(
                method, f"{self.base}{path}", timeout=300, allow_redirects=True, **kwargs
            )
        except requests.RequestException:
            self.statuses.append(CONNECTION_FAILED)
            self.timings.append((kind, time.perf_counter() - start))
            return None
        self.timings.append((kind, time.perf_counter() - start))
        self.statuses.append(response.status_code)
        return response

    def log_in(self):
        self.call(
            "login",
            "POST",
            "/web/session/authenticate",
            json={"jsonrpc": "2.0", "params": {"db": self.db, "login": self.login, "password": self.login}},
        )

    def order(self, cycle, lines, think):
        for round_ in range(ROUNDS):
            if round_:
                time.sleep(self.rng.uniform(*think))
            page = self.call("catalogue", "GET", f"/my/cycles/{cycle}")
            token = page is not None and CSRF.search(page.text)
            if not token:
                continue
            # The form as the browser posts it: every quantity field of the page with its
            # value; the user changes the scarce line (everybody wants it), the plentiful ones
            # and a few others of the page.
            form = {
                f"qty_{tag[1]}": (VALUE.search(tag[0]) or EMPTY)[1] for tag in QTY_INPUT.finditer(page.text)
            }
            others = sorted(set(form) - {f"qty_{line}" for line in lines[:3]})
            changed = {f"qty_{lines[0]}": self.rng.randint(1, 5), f"qty_{lines[1]}": self.rng.randint(1, 10)}
            changed[f"qty_{lines[2]}"] = 0
            changed.update(
                (name, self.rng.randint(1, 10)) for name in self.rng.sample(others, min(5, len(others)))
            )
            form.update({name: str(qty) for name, qty in changed.items()})
            quantities = {name[4:]: float(value) for name, value in form.items() if value not in ("", "0")}
            form["csrf_token"] = token.group(1)
            answer = self.call("order save", "POST", f"/my/cycles/{cycle}/order", data=form)
            # the order page shows the server's "saved" message once (kept in the session)
            if answer is not None and answer.status_code == 200 and "o_alim_saved" in answer.text:
                self.accepted = quantities
        self.finished = time.perf_counter()


def run_arrivals(users, spread, work):
    """``work(user)`` for every user, each starting at its own moment of the first ``spread``
    seconds (all at once when 0), all in parallel; returns the phase's start."""
    rng = random.Random(len(users))
    offsets = sorted(rng.uniform(0, spread) for _user in users) if spread else [0.0] * len(users)
    start = {}
    # the clock starts once every user's thread is ready
    barrier = threading.Barrier(len(users), action=lambda: start.setdefault("at", time.perf_counter()))

    def arrive(user, offset):
        barrier.wait()
        time.sleep(max(0.0, start["at"] + offset - time.perf_counter()))
        work(user)

    with ThreadPoolExecutor(max_workers=len(users)) as pool:
        for future in [
            pool.submit(arrive, user, offset) for user, offset in zip(users, offsets, strict=True)
        ]:
            future.result()
    return start["at"]


def percentile(values, share):
    values = sorted(values)
    return values[max(0, int(len(values) * share) - 1)]


def describe(values, unit=1000):
    return (
        f"median {statistics.median(values) * unit:.0f} ms, "
        f"p95 {percentile(values, 0.95) * unit:.0f} ms, max {max(values) * unit:.0f} ms"
    )


def server_times(log_paths, warm_logins):
    """``{kind: [(seconds, queries)]}`` of the requests the servers logged, less the logins
    of the warm-up (the first ``warm_logins`` of each server)."""
    times = {kind: [] for kind, _method, _path in KINDS}
    for path in filter(None, log_paths):
        skip = warm_logins
        with open(path, encoding="utf-8", errors="replace") as log:
            for line in log:
                match = ACCESS.search(line)
                if not match:
                    continue
                for kind, method, pattern in KINDS:
                    if match["method"] == method and pattern.match(match["path"].split("?")[0]):
                        if kind == "login" and skip:
                            skip -= 1
                            continue
                        seconds = float(match["sql"]) + float(match["py"])
                        times[kind].append((seconds, int(match["q"])))
    return times


def main(bases, db, setup_path, expected_path, server_logs=""):
    setup = json.load(open(setup_path))
    bases = bases.split(",")
    users = [
        User(bases[n % len(bases)], db, login, grocery, n)
        for n, (login, grocery) in enumerate(sorted(setup["logins"].items()))
    ]
    login_spread = _seconds("GESMIP_LOAD_LOGIN_SPREAD", 30)
    spread = _seconds("GESMIP_LOAD_SPREAD", 30)
    think_text = os.environ.get("GESMIP_LOAD_THINK", "5,20").split(",")
    think = (max(0.0, float(think_text[0])), max(0.0, float(think_text[-1])))
    # A day's server is warm: the first login a new worker serves takes several seconds (its
    # caches); other users log in first, twice as many as the workers, not counted.
    warm = [User(bases[n % len(bases)], db, login, None, n) for n, login in enumerate(setup["warm_logins"])]
    run_arrivals(warm, 0, User.log_in)
    started = time.perf_counter()
    run_arrivals(users, login_spread, User.log_in)
    logins_wall = time.perf_counter() - started
    ordering_start = run_arrivals(
        users, spread, lambda user: user.order(setup["cycle"], setup["lines"], think)
    )
    ordering_wall = max(user.finished for user in users) - ordering_start
    timings = [t for user in users for t in user.timings]
    statuses = [s for user in users for s in user.statuses]
    errors = sum(1 for s in statuses if 500 <= s < CONNECTION_FAILED)
    dropped = statuses.count(CONNECTION_FAILED)
    client_errors = sum(1 for s in statuses if 400 <= s < 500)
    print(
        f"LOAD {len(users)} users on {len(bases)} server(s), {len(statuses)} requests: "
        f"{errors} server errors, {dropped} connections dropped, {client_errors} client errors"
    )
    print(
        f"LOAD logins arriving over {login_spread:.0f} s, done in {logins_wall:.1f} s "
        f"(after {len(warm)} other users' logins at once that warm the workers, not counted)"
    )
    print(
        f"LOAD ordering: arrivals over {spread:.0f} s, {think[0]:.0f} to {think[1]:.0f} s between "
        f"a user's two saves; the last order saved {ordering_wall:.1f} s after the first "
        f"arrival ({'within' if ordering_wall <= MINUTE else 'beyond'} the minute)"
    )
    logged = server_times(server_logs.split(","), len(warm) // len(bases))
    for kind, _method, _pattern in KINDS:
        values = [t for k, t in timings if k == kind]
        if not values:
            continue
        line = f"LOAD   {kind:<10} {len(values):4d} requests, client: {describe(values)}"
        if logged[kind]:
            seconds = [s for s, _q in logged[kind]]
            queries = statistics.median(q for _s, q in logged[kind])
            line += f"; server, {len(seconds)} served: {describe(seconds)}, {queries:.0f} queries (median)"
        print(line)
    if logged["order save"]:
        print("LOAD   (a client's order save includes the catalogue page the server sends it back to)")
    orders = {str(user.grocery_id): user.accepted for user in users if user.accepted}
    json.dump({"cycle": setup["cycle"], "orders": orders}, open(expected_path, "w"))
    refused = len(users) - len(orders)
    print(f"LOAD {len(orders)} groceries with an accepted order, {refused} without")
    return 1 if errors or dropped or refused or ordering_wall > MINUTE else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:6]))
