"""Bounded load on a local Odoo: grocery portal users log in at once and order from one open
cycle, several on the same scarce line. Prints requests, errors, median and 95th percentile
latency, and writes the quantities each grocery had accepted (for tools/load_check.py).

usage: python load_test.py BASE_URL[,BASE_URL...] DBNAME SETUP_JSON EXPECTED_JSON_OUT
Only ever talks to the BASE_URLs (loopback addresses; users are spread over them in turn);
each user makes a fixed number of requests. Timings are printed per kind of request: the
logins (password hashing) apart from the ordering (catalogue page, order save).
"""

import json
import random
import re
import statistics
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import requests

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
ROUNDS = 2  # each user posts its order twice (create, then change)
CONNECTION_FAILED = 599


def one_user(base, db, login, grocery_id, cycle, lines, seed):
    rng = random.Random(seed)
    session = requests.Session()
    # Odoo's prefork workers serve one request per connection: never reuse one.
    session.headers["Connection"] = "close"
    timings, statuses, accepted = [], [], None

    def call(kind, method, path, **kwargs):
        start = time.perf_counter()
        try:
            response = session.request(method, f"{base}{path}", timeout=300, allow_redirects=True, **kwargs)
        except requests.RequestException:
            statuses.append(CONNECTION_FAILED)
            timings.append((kind, time.perf_counter() - start))
            return None
        timings.append((kind, time.perf_counter() - start))
        statuses.append(response.status_code)
        return response

    call(
        "login",
        "POST",
        "/web/session/authenticate",
        json={"jsonrpc": "2.0", "params": {"db": db, "login": login, "password": login}},
    )
    for _round in range(ROUNDS):
        page = call("catalogue", "GET", f"/my/cycles/{cycle}")
        token = page is not None and CSRF.search(page.text)
        if not token:
            continue
        # Everybody wants the scarce line; the others are plentiful.
        quantities = {str(lines[0]): rng.randint(1, 5), str(lines[1]): rng.randint(1, 10), str(lines[2]): 0}
        form = {f"qty_{line}": qty for line, qty in quantities.items()}
        form["csrf_token"] = token.group(1)
        answer = call("order save", "POST", f"/my/cycles/{cycle}/order", data=form)
        # the order page shows the server's "saved" message once (kept in the session)
        if answer is not None and answer.status_code == 200 and "o_alim_saved" in answer.text:
            accepted = {line: float(qty) for line, qty in quantities.items() if qty}
    return timings, statuses, grocery_id, accepted


def percentile(values, share):
    values = sorted(values)
    return values[max(0, int(len(values) * share) - 1)]


def main(bases, db, setup_path, expected_path):
    setup = json.load(open(setup_path))
    bases = bases.split(",")
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=len(setup["logins"])) as pool:
        futures = [
            pool.submit(
                one_user, bases[n % len(bases)], db, login, grocery, setup["cycle"], setup["lines"], n
            )
            for n, (login, grocery) in enumerate(sorted(setup["logins"].items()))
        ]
        results = [f.result() for f in futures]
    wall = time.perf_counter() - started
    timings = [t for r in results for t in r[0]]
    statuses = [s for r in results for s in r[1]]
    errors = sum(1 for s in statuses if 500 <= s < CONNECTION_FAILED)
    dropped = statuses.count(CONNECTION_FAILED)
    client_errors = sum(1 for s in statuses if 400 <= s < 500)
    ordering = [t for kind, t in timings if kind != "login"]
    users, ms = len(setup["logins"]), 1000
    print(
        f"LOAD {users} users on {len(bases)} server(s), {len(statuses)} requests in {wall:.1f} s: "
        f"{errors} server errors, {dropped} connections dropped, {client_errors} client errors; "
        f"ordering (logins apart): median {statistics.median(ordering) * ms:.0f} ms, "
        f"p95 {percentile(ordering, 0.95) * ms:.0f} ms"
    )
    for kind in ("login", "catalogue", "order save"):
        values = [t for k, t in timings if k == kind]
        if values:
            print(
                f"LOAD   {kind:<10} {len(values):4d} requests: "
                f"median {statistics.median(values) * ms:.0f} ms, "
                f"p95 {percentile(values, 0.95) * ms:.0f} ms, max {max(values) * ms:.0f} ms"
            )
    orders = {str(g): accepted for _t, _s, g, accepted in results if accepted}
    json.dump({"cycle": setup["cycle"], "orders": orders}, open(expected_path, "w"))
    refused = len(results) - len(orders)
    print(f"LOAD {len(orders)} groceries with an accepted order, {refused} without")
    return 1 if errors or dropped or refused else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:5]))
