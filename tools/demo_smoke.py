"""Smoke test of a served demo database: /web/login answers 200 and a grocery portal user
logs in and reaches /my. Prints one line per check ("ok ..." / "FAILED ..."), exit 1 on any
failure.

usage: python demo_smoke.py BASE_URL DBNAME LOGIN PASSWORD
"""

import sys
import time

import requests


def wait_for(url, seconds=300):
    # The first page builds the asset bundles: slow on a loaded machine.
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            return requests.get(url, timeout=120)
        except requests.RequestException:
            time.sleep(2)
    print(f"FAILED nothing answers at {url}")
    raise SystemExit(1)


def main(base, db, login, password):
    failures = 0
    response = wait_for(f"{base}/web/login")
    ok = response.status_code == 200
    failures += not ok
    print(("ok" if ok else "FAILED"), f"GET /web/login -> {response.status_code}")

    session = requests.Session()
    auth = session.post(
        f"{base}/web/session/authenticate",
        json={"jsonrpc": "2.0", "params": {"db": db, "login": login, "password": password}},
        timeout=120,
    ).json()
    uid = (auth.get("result") or {}).get("uid")
    page = session.get(f"{base}/my", timeout=120)
    ok = bool(uid) and page.status_code == 200 and "/web/login" not in page.url
    failures += not ok
    print(
        ("ok" if ok else "FAILED"),
        f"portal user {login} logs in (uid {uid}) and GET /my -> {page.status_code}",
    )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:5]))
