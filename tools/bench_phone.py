"""The grocery's catalogue on a phone profile beside Odoo's own portal order page.

usage: python bench_phone.py BASE_URL

On a served demo database: as the Mirail grocery, the open cycle's catalogue
(/my/cycles/<id>) and Odoo's order page (/my/orders/<id>) of an order with as many lines as
the catalogue page shows (made here by the administrator, a plain sales order), each loaded
cold (empty cache) and warm (reloaded) in Debian's Chromium with Chromium's own emulation of
a phone: 390 x 844, slow 4G (1.6 Mbit/s down, 750 kbit/s up, 150 ms round trip, as
Lighthouse's mobile profile) and the CPU slowed 4 times. Prints one line per page and load:
seconds to the load event, KiB transferred, requests. Measures; fails on nothing.
"""

import json
import sys
import urllib.request

from playwright.sync_api import sync_playwright

SLOW_4G = {"offline": False, "latency": 150, "downloadThroughput": 1.6e6 / 8, "uploadThroughput": 750e3 / 8}
CPU_SLOWDOWN = 4


def rpc(base, session, model, method, args, kwargs=None):
    """A JSON-RPC call with the administrator's session cookie."""
    body = json.dumps(
        {
            "jsonrpc": "2.0",
            "method": "call",
            "params": {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
        }
    ).encode()
    request = urllib.request.Request(
        f"{base}/web/dataset/call_kw",
        body,
        {"Content-Type": "application/json", "Cookie": f"session_id={session}"},
    )
    answer = json.loads(urllib.request.urlopen(request, timeout=120).read())
    if "error" in answer:
        raise RuntimeError(answer["error"]["data"]["message"])
    return answer["result"]


def login(page, base, name):
    page.goto(f"{base}/web/login")
    page.fill("input[name=login]", name)
    page.fill("input[name=password]", name)
    page.click("button[type=submit]")
    page.wait_for_url(lambda url: "/web/login" not in url)


def measure(browser, base, path, cookies):
    """(cold, warm) of ``path``: seconds to the load event, KiB transferred, requests."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    context.add_cookies(cookies)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.clearBrowserCache")
    cdp.send("Network.emulateNetworkConditions", SLOW_4G)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
    sizes = []
    cdp.on("Network.loadingFinished", lambda event: sizes.append(event["encodedDataLength"]))
    results = []
    for load in ("cold", "warm"):
        sizes.clear()
        if load == "cold":
            page.goto(f"{base}{path}", wait_until="load", timeout=120_000)
        else:
            page.reload(wait_until="load", timeout=120_000)
        timing = page.evaluate("JSON.stringify(performance.getEntriesByType('navigation')[0])")
        seconds = json.loads(timing)["loadEventEnd"] / 1000
        results.append((load, seconds, sum(sizes) / 1024, len(sizes)))
    context.close()
    return results


def main(base):
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        admin = browser.new_context()
        admin_page = admin.new_page()
        login(admin_page, base, "admin")
        session = next(c["value"] for c in admin.cookies() if c["name"] == "session_id")
        cycle = rpc(
            base,
            session,
            "alim.order.cycle",
            "search_read",
            [[("state", "=", "open")]],
            {"fields": ["id"], "limit": 1},
        )[0]
        lines = rpc(
            base,
            session,
            "alim.order.cycle.line",
            "search_read",
            [[("cycle_id", "=", cycle["id"])]],
            {"fields": ["product_id"]},
        )
        grocery = rpc(
            base,
            session,
            "res.users",
            "search_read",
            [[("login", "=", "mirail")]],
            {"fields": ["partner_id"]},
        )[0]
        partner = rpc(
            base, session, "res.partner", "read", [[grocery["partner_id"][0]], ["commercial_partner_id"]]
        )[0]
        order_id = rpc(
            base,
            session,
            "sale.order",
            "create",
            [
                {
                    "partner_id": partner["commercial_partner_id"][0],
                    "order_line": [
                        (0, 0, {"product_id": line["product_id"][0], "product_uom_qty": 1}) for line in lines
                    ],
                }
            ],
        )
        rpc(base, session, "sale.order", "action_confirm", [[order_id]])
        admin.close()
        grocery_context = browser.new_context()
        grocery_page = grocery_context.new_page()
        login(grocery_page, base, "mirail")
        cookies = grocery_context.cookies()
        grocery_context.close()
        print(
            f"Phone profile: 390 x 844, slow 4G (150 ms, 1.6 Mbit/s), CPU / {CPU_SLOWDOWN}; "
            f"{len(lines)} lines each"
        )
        print(f"{'page':44} {'load':5} {'seconds':>8} {'KiB':>8} {'requests':>9}")
        for label, path in (
            ("catalogue /my/cycles/<id>", f"/my/cycles/{cycle['id']}"),
            ("Odoo's order page /my/orders/<id>", f"/my/orders/{order_id}"),
        ):
            for load, seconds, kib, requests in measure(browser, base, path, cookies):
                print(f"{label:44} {load:5} {seconds:8.2f} {kib:8.0f} {requests:9d}")
        # the order made for the measure is not the demo's
        admin = browser.new_context()
        admin_page = admin.new_page()
        login(admin_page, base, "admin")
        session = next(c["value"] for c in admin.cookies() if c["name"] == "session_id")
        rpc(base, session, "sale.order", "action_cancel", [[order_id]])
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1].rstrip("/"))
