"""Screenshots of the main back-office screens, portal pages and PDF reports of a served demo
database.

usage: python screenshots.py BASE_URL OUT_DIR [NAME...]   (only the screens named, e.g. 10-cold-rooms)
Uses the system Chromium (no browser download). Pages whose action does not exist (an addon
not installed) are skipped with a line saying so. A page about one record names it as
(model, domain) and the record is looked up in the demo database. PDF reports are printed by
the server and their first page turned into an image with poppler's pdftoppm (without it,
the report's HTML page is shot instead).
"""

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

BACK_OFFICE = [
    ("01-groceries-kanban", "/odoo/action-gesmip_network.res_partner_action_grocery"),
    ("02-groceries-list", "/odoo/action-gesmip_network.res_partner_action_grocery?view_type=list"),
    ("03-network-events", "/odoo/action-gesmip_network_life.event_event_action_network"),
    ("04-needs-studies", "/odoo/action-gesmip_network_life.gesmip_needs_study_action"),
    ("05-food-products", "/odoo/action-alim_food.product_template_action_food"),
    ("06-dock-reception", "/odoo/action-alim_donation.stock_picking_action_alim_dock"),
    ("07-donation-receipts", "/odoo/action-alim_donation.alim_donation_receipt_action"),
    ("08-kg-received", "/odoo/action-alim_donation.stock_move_action_alim_received"),
    ("09-order-cycles", "/odoo/action-alim_catalogue.alim_order_cycle_action"),
    ("10-cold-rooms", "/odoo/action-alim_coldchain.stock_location_action_rooms"),
    ("11-temperature-readings", "/odoo/action-alim_coldchain.alim_temperature_reading_action"),
    ("12-excursions", "/odoo/action-alim_coldchain.alim_temperature_excursion_action"),
    ("13-repack-orders", "/odoo/action-alim_repack.alim_repack_order_action"),
    ("14-ge-ames-agreements", "/odoo/action-ge_ames.ge_ames_agreement_action"),
    ("15-ge-ames-hours", "/odoo/action-ge_ames.account_analytic_line_action_ge_ames"),
    ("16-storage-rooms", "/odoo/action-alim_food.stock_location_action_room"),
    (
        "17-open-cycle",
        "/odoo/action-alim_catalogue.alim_order_cycle_action/{id}",
        ("alim.order.cycle", [("state", "=", "open")]),
    ),
    ("18-delivery-rounds", "/odoo/action-alim_rounds.alim_delivery_round_action"),
    ("19-group-purchases", "/odoo/action-alim_catalogue.alim_group_purchase_action"),
    ("30-standing-orders", "/odoo/action-alim_catalogue.alim_standing_order_action"),
    ("31-recalls", "/odoo/action-alim_coldchain.alim_recall_action"),
]
# (name, report name, (model, domain) of the record printed)
REPORTS = [
    (
        "40-donation-receipt-pdf",
        "alim_donation.alim_donation_receipt_document_all",
        ("alim.donation.receipt", [("state", "=", "issued")]),
    ),
    (
        "41-repack-labels-pdf",
        "alim_repack.report_alim_repack_labels",
        ("alim.repack.order", [("state", "=", "done")]),
    ),
    (
        "42-round-sheet-pdf",
        "alim_rounds.alim_delivery_round_sheet",
        ("stock.picking.batch", [("alim_round_kind", "=", "delivery"), ("state", "=", "in_progress")]),
    ),
    (
        "43-needs-study-pdf",
        "gesmip_network_life.gesmip_needs_study_report_document",
        ("gesmip.needs.study", []),
    ),
]
PORTAL = [
    ("20-portal-home", "/my"),
    ("21-portal-cycles", "/my/cycles"),
    ("22-portal-orders", "/my/orders"),
    ("23-portal-network-events", "/my/network-events"),
    ("24-portal-calls", "/my/calls"),
    ("25-portal-recalls", "/my/recalls"),
    ("26-portal-cycle-catalogue", "/my/cycles/{id}", ("alim.order.cycle", [("state", "=", "open")])),
    ("27-portal-standing-order", "/my/standing-order"),
    ("28-portal-group-purchases", "/my/group-purchases"),
]


def login(page, base, login_name, password):
    page.goto(f"{base}/web/login")
    page.fill("input[name=login]", login_name)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_url(lambda url: "/web/login" not in url)


def first_id(page, base, model, domain):
    """The id of the first record of ``model`` matching ``domain`` (as the logged-in user)."""
    result = page.evaluate(
        """async ([base, model, domain]) => {
            const response = await fetch(base + "/web/dataset/call_kw", {
                method: "POST",
                headers: {"Content-Type": "application/json"},
                body: JSON.stringify({jsonrpc: "2.0", method: "call", params: {
                    model, method: "search", args: [domain], kwargs: {limit: 1, order: "id"}}}),
            });
            return (await response.json()).result || [];
        }""",
        [base, model, domain],
    )
    return result[0] if result else None


def resolve(ids, name, path, record=None):
    """The path with the id of its record, or None when there is no such record."""
    if not record:
        return path
    if ids.get(name) is None:
        print(f"skipped {name}: no {record[0]} record {record[1]}")
        return None
    return path.format(id=ids[name])


def shoot_report(page, base, out, name, report, record_id):
    pdftoppm = shutil.which("pdftoppm")
    if not pdftoppm:
        shoot(page, base, out, name, f"/report/html/{report}/{record_id}")
        return
    response = page.request.get(f"{base}/report/pdf/{report}/{record_id}", timeout=300_000)
    if not response.ok or not response.body().startswith(b"%PDF"):
        print(f"skipped {name}: {report} (status {response.status})")
        return
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "report.pdf"
        pdf.write_bytes(response.body())
        subprocess.run(
            [pdftoppm, "-png", "-r", "90", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(out / name)],
            check=True,
        )
    print(f"ok {name}: {report} {record_id}")


def shoot(page, base, out, name, path):
    response = page.goto(f"{base}{path}", wait_until="load")
    # Odoo keeps a bus connection open, so the network never goes idle: wait for the view.
    page.wait_for_timeout(3000)
    broken = page.locator(".o_error_dialog, .o_notification.border-danger").count()
    if (response and response.status >= 400) or broken:
        print(f"skipped {name}: {path} (status {response and response.status}, error shown: {bool(broken)})")
        return
    page.screenshot(path=str(out / f"{name}.png"))
    print(f"ok {name}: {path}")


def main(base, out_dir, only=()):
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
        ids = {}
        for who, password, pages in (("admin", "admin", BACK_OFFICE), ("mirail", "mirail", PORTAL)):
            context = browser.new_context(
                viewport={"width": 1366, "height": 800}, locale="fr-FR", timezone_id="Europe/Paris"
            )
            context.set_default_timeout(120_000)
            page = context.new_page()
            login(page, base, who, password)
            if who == "admin":
                # the records shown on their own, looked up once by the administrator
                for name, *rest in BACK_OFFICE + PORTAL + REPORTS:
                    record = rest[-1] if isinstance(rest[-1], tuple) else None
                    if record:
                        ids[name] = first_id(page, base, *record)
            for name, path, *record in pages:
                if only and name not in only:
                    continue
                path = resolve(ids, name, path, *record)
                if path:
                    shoot(page, base, out, name, path)
            if who == "admin":
                for name, report, record in REPORTS:
                    if only and name not in only:
                        continue
                    if resolve(ids, name, "{id}", record):
                        shoot_report(page, base, out, name, report, ids[name])
            context.close()
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], set(sys.argv[3:]))
