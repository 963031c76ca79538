"""Smoke test of a served demo database: /web/login answers 200 and a grocery portal user
logs in and reaches /my; an anonymous visitor cannot sign up, the database manager and the
list of databases are refused, and no master password that the repository ever shipped (nor
Odoo's default) opens the database service (dump, drop). Prints one line per check
("ok ..." / "FAILED ..."), exit 1 on any failure.

usage: python demo_smoke.py BASE_URL DBNAME LOGIN PASSWORD
"""

import pathlib
import re
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


# Odoo's default and the suite's former published password, plus any value that a shipped
# configuration of the repository holds (markers such as @ADMIN_PASSWD@ left out).
PUBLISHED_MASTER_PASSWORDS = ["admin", "gesmip-admin"]


def shipped_master_passwords():
    root = pathlib.Path(__file__).resolve().parents[1]
    found = set(PUBLISHED_MASTER_PASSWORDS)
    for path in sorted({*root.glob("config/*.conf*"), *root.glob("config/*.template")}):
        if path.is_file():
            for value in re.findall(r"^\s*admin_passwd\s*=\s*(\S+)", path.read_text(), re.MULTILINE):
                if not value.startswith("@"):
                    found.add(value)
    return sorted(found)


def rpc_error(base, path, params):
    answer = requests.post(
        f"{base}{path}", json={"jsonrpc": "2.0", "method": "call", "params": params, "id": 1}, timeout=120
    ).json()
    return (answer.get("error") or {}).get("data", {}).get("name")


def server_doors(base, db):
    """(ok, line) for each check of what an anonymous visitor can do to accounts and databases."""
    checks = []
    signup = requests.get(f"{base}/web/signup", timeout=120)
    checks.append((signup.status_code == 404, f"GET /web/signup -> {signup.status_code} (invitation only)"))
    manager = requests.get(f"{base}/web/database/manager", timeout=120)
    checks.append(
        (
            "disabled by the administrator" in manager.text and db not in manager.text,
            f"GET /web/database/manager -> {manager.status_code}, says it is disabled, lists no database",
        )
    )
    error = rpc_error(base, "/web/database/list", {})
    checks.append((bool(error), f"/web/database/list refused ({error})"))
    error = rpc_error(base, "/jsonrpc", {"service": "db", "method": "list", "args": []})
    checks.append((bool(error), f"db service list refused ({error})"))
    denied = "odoo.exceptions.AccessDenied"
    for password in shipped_master_passwords():
        backup = requests.post(
            f"{base}/web/database/backup",
            data={"master_pwd": password, "name": db, "backup_format": "zip"},
            timeout=120,
        )
        kind = backup.headers.get("Content-Type", "")
        checks.append(
            (
                "text/html" in kind and "Access Denied" in backup.text,
                f"POST /web/database/backup, master password {password!r}: {kind}, refused",
            )
        )
        # dump the served database; drop a database that is not there (the password is
        # checked before the name, and a working password must not cost the demo database)
        for method, args in (("dump", [password, db, "zip"]), ("drop", [password, f"{db}_absent"])):
            error = rpc_error(base, "/jsonrpc", {"service": "db", "method": method, "args": args})
            checks.append((error == denied, f"db service {method}, master password {password!r}: {error}"))
    return checks


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
    for ok, line in server_doors(base, db):
        failures += not ok
        print(("ok" if ok else "FAILED"), line)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:5]))
