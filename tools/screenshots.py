"""Screenshots of the main back-office screens and portal pages of a served demo database.

usage: python screenshots.py BASE_URL OUT_DIR
Uses the system Chromium (no browser download). Pages whose action does not exist (an addon
not installed) are skipped with a line saying so.
"""

import shutil
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

BACK_OFFICE = [
    ("01-groceries-kanban", "/odoo/action-gesmip_network.res_partner_action_grocery"),
    ("02-groceries-list", "/odoo/action-gesmip_network.res_partner_action_grocery?view_type=list"),
    ("03-network-events", "/odoo/action-gesmip_network.event_event_action_network"),
    ("04-needs-studies", "/odoo/action-gesmip_network.gesmip_needs_study_action"),
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
]
PORTAL = [
    ("20-portal-home", "/my"),
    ("21-portal-cycles", "/my/cycles"),
    ("22-portal-orders", "/my/orders"),
    ("23-portal-network-events", "/my/network-events"),
    ("24-portal-calls", "/my/calls"),
    ("25-portal-recalls", "/my/recalls"),
]


def login(page, base, login_name, password):
    page.goto(f"{base}/web/login")
    page.fill("input[name=login]", login_name)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_url(lambda url: "/web/login" not in url)


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


def main(base, out_dir):
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
        for who, password, pages in (("admin", "admin", BACK_OFFICE), ("mirail", "mirail", PORTAL)):
            context = browser.new_context(viewport={"width": 1366, "height": 800}, locale="fr-FR")
            context.set_default_timeout(120_000)
            page = context.new_page()
            login(page, base, who, password)
            for name, path in pages:
                shoot(page, base, out, name, path)
            context.close()
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
