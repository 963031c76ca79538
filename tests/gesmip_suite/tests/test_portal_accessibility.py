"""Accessible to every volunteer (issue 31, point 10): every portal page of the suite passes an
accessibility audit by axe-core (WCAG 2.1 A and AA rules) in Chromium, on a phone (390x844)
and on a desktop (1366x900), as the grocery's portal user reads it, in French.

The audit fails on any critical or serious violation, unless the rule and the element are in
the explained allowlist ``axe_allowlist.csv`` (what Odoo's own portal layout does and the suite
does not own; each line gives its reason). Moderate and minor ones are logged, not failed.

axe-core is installed by ``tools/setup.sh`` from the npm registry (a pinned version, cached
outside the clone) and its path given in ``GESMIP_AXE_JS``: a missing file fails the test. The
browser loads it from a fixed address that the test serves (``fetch_proxy``), so that the
code the test sends to the browser, and logs, stays short."""

import csv
import json
import os
from datetime import timedelta
from pathlib import Path

from odoo import Command, fields, http
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.alim_coldchain.tests.common import done_move

from .suite_addons import SUITE

GROCERY = "gesmip_network.gesmip_network_group_grocery"
SIZES = ("390x844", "1366x900")
AXE_URL = "https://axe.gesmip.test/axe.min.js"
ALLOWLIST = Path(__file__).parent / "axe_allowlist.csv"
# the rules of WCAG 2.1 levels A and AA
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
FAILING_IMPACTS = ["critical", "serious"]

# Runs in the page once it has loaded: loads axe-core, audits the whole document, logs every
# violation (one line, JSON, for the record), then says "test successful" or throws with the
# rule, impact, elements and help of each critical or serious one not allowed.
AUDIT_JS = """
(async () => {
    const page = %(page)s;
    const allowed = %(allowed)s;
    const failing = %(failing)s;
    // the state of the page the audit is about (a refused value, a cut...) is there
    const missing = %(expect)s.filter((selector) => !document.querySelector(selector));
    if (missing.length) {
        throw new Error(`${page}: the page does not show ${missing.join(", ")}`);
    }
    // the page's own scripts (public widgets) settle first
    await new Promise((resolve) => setTimeout(resolve, 500));
    // an order's chatter comes after the page (a bundle of its own): audited once it is there,
    // and the page is not left while the bundle loads
    if (document.querySelector(".o_portal_chatter") && window.odoo && odoo.portalChatterReady) {
        await odoo.portalChatterReady;
    }
    if (!window.axe) {
        await new Promise((resolve, reject) => {
            const script = document.createElement("script");
            script.src = %(axe_url)s;
            script.onload = resolve;
            script.onerror = () => reject(new Error("axe-core could not be loaded from " + script.src));
            document.head.appendChild(script);
        });
    }
    const results = await axe.run(document, {
        runOnly: { type: "tag", values: %(tags)s },
        resultTypes: ["violations"],
    });
    const found = [];
    const bad = [];
    for (const violation of results.violations) {
        for (const node of violation.nodes) {
            const target = node.target.join(" ");
            const impact = node.impact || violation.impact;
            const isAllowed = allowed.some(([rule, where]) => rule === violation.id && where === target);
            found.push({ rule: violation.id, impact, target, allowed: isAllowed });
            if (failing.includes(impact) && !isAllowed) {
                const why = node.failureSummary.replace(/\\s+/g, " ");
                const help = `${violation.help} [${why}] ${violation.helpUrl}`;
                bad.push(`${violation.id} (${impact}) on ${target}: ${help}`);
            }
        }
    }
    console.log("gesmip-axe " + JSON.stringify({ page, violations: found }));
    if (bad.length) {
        const list = bad.join("\\n");
        throw new Error(`${page}: ${bad.length} critical or serious accessibility violations:\\n${list}`);
    }
    console.log("test successful");
})()
"""


def read_allowlist():
    """``[(rule, selector)]`` of ``axe_allowlist.csv`` (columns rule, selector, reason; every
    line must give its reason)."""
    allowed = []
    with ALLOWLIST.open(newline="", encoding="utf-8") as file:
        for row in csv.DictReader(line for line in file if not line.startswith("#")):
            assert row["rule"] and row["selector"] and row["reason"], (
                f"allowlist line without a reason: {row}"
            )
            allowed.append((row["rule"], row["selector"]))
    return allowed


@tagged("post_install", "-at_install")
class TestPortalAccessibility(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        env["res.lang"]._activate_lang("fr_FR")
        env["ir.module.module"].search(
            [("name", "in", [*SUITE, "portal", "sale", "account", "event", "web", "base"])]
        )._update_translations("fr_FR")
        # the platform counts in euros (a test database's company is in dollars)
        env.ref("base.EUR").active = True
        env.company.currency_id = env.ref("base.EUR")
        Partner = env["res.partner"]
        cls.grocery = Partner.create(
            {
                "name": "Épicerie solidaire des Lilas",
                "is_company": True,
                "is_grocery": True,
                "grocery_status": "active",
                "households_count": 40,
            }
        )
        cls.user = new_test_user(
            env, login="a11y_grocery", groups=GROCERY, lang="fr_FR", tz="Europe/Paris", name="Lina Moreau"
        )
        cls.user.partner_id.parent_id = cls.grocery
        cls._cycle_with_an_order()
        cls._standing_order()
        cls._group_purchase()
        cls._recalls()
        cls._network()
        cls._invoice()

    @classmethod
    def _cycle_with_an_order(cls):
        env = cls.env
        stock = env.ref("stock.warehouse0").lot_stock_id
        kg = env.ref("uom.product_uom_kgm")
        cereals, dairy = env["alim.food.category"].create(
            [{"name": "Épicerie sèche", "sequence": 1}, {"name": "Produits frais", "sequence": 2}]
        )
        Product = env["product.product"]
        cls.rice = Product.create(
            {"name": "Riz long 1 kg", "is_storable": True, "weight": 1.0, "food_category_id": cereals.id}
        )
        cls.lentils = Product.create(
            {
                "name": "Lentilles vertes en vrac",
                "is_storable": True,
                "uom_id": kg.id,
                "uom_po_id": kg.id,
                "food_category_id": cereals.id,
            }
        )
        cls.yoghurt = Product.create(
            {
                "name": "Yaourt nature x4",
                "is_storable": True,
                "weight": 0.5,
                "food_category_id": dairy.id,
                "food_date_type": "dlc",
            }
        )
        cls.biscuits = Product.create(
            {
                "name": "Biscuits secs",
                "is_storable": True,
                "weight": 0.2,
                "food_category_id": cereals.id,
                "food_date_type": "ddm",
                "origin_distance_km": 40,
            }
        )
        for product, qty in ((cls.rice, 100), (cls.lentils, 50), (cls.yoghurt, 30), (cls.biscuits, 40)):
            env["stock.quant"]._update_available_quantity(product, stock, qty)
        now = fields.Datetime.now()
        cls.cycle = env["alim.order.cycle"].create(
            {
                "name": "Semaine 12",
                "date_open": now - timedelta(hours=1),
                "date_close": now + timedelta(days=2),
                "location_id": stock.id,
                "grocery_ids": [Command.set(cls.grocery.ids)],
                "line_ids": [
                    Command.create({"product_id": product.id})
                    for product in (cls.rice, cls.lentils, cls.yoghurt, cls.biscuits)
                ],
            }
        )
        cls.cycle.action_open()
        cls.order = cls.cycle._get_grocery_order(cls.grocery, create=True)
        env["sale.order.line"].create(
            [
                {"order_id": cls.order.id, "product_id": cls.rice.id, "product_uom_qty": 4},
                {"order_id": cls.order.id, "product_id": cls.lentils.id, "product_uom_qty": 2.5},
            ]
        )
        # what the fair allocation cut at the close: shown on the catalogue and on the order
        cls.order.order_line.filtered(lambda line: line.product_id == cls.rice).write(
            {"asked_qty": 10, "allocation_note": "shared", "allocation_sharers": 3}
        )

    @classmethod
    def _standing_order(cls):
        cls.standing = cls.env["alim.standing.order"].create(
            {
                "partner_id": cls.grocery.id,
                "line_ids": [
                    Command.create({"product_id": cls.rice.id, "quantity": 2}),
                    Command.create({"product_id": cls.lentils.id, "quantity": 5}),
                ],
            }
        )

    @classmethod
    def _group_purchase(cls):
        env = cls.env
        supplier = env["res.partner"].create({"name": "Moulin du Lauragais", "is_company": True})
        flour = env["product.product"].create(
            {
                "name": "Farine T65 sac de 25 kg",
                "is_storable": True,
                "weight": 25.0,
                "alim_supply_mode": "bought",
                "standard_price": 18,
            }
        )
        cls.purchase = env["alim.group.purchase"].create(
            {
                "partner_id": supplier.id,
                "deadline": fields.Date.today() + timedelta(days=3),
                "line_ids": [Command.create({"product_id": flour.id, "note": "Livré sur palette"})],
            }
        )
        cls.purchase.action_collect()

    @classmethod
    def _recalls(cls):
        """Two recalls of lots delivered to the grocery: one answered (with a note), one to
        answer (the /my banner)."""
        env = cls.env
        warehouse = env.ref("stock.warehouse0")
        suppliers, customers = (
            env.ref("stock.stock_location_suppliers"),
            env.ref("stock.stock_location_customers"),
        )
        now = fields.Datetime.now()
        cheese = env["product.product"].create(
            {"name": "Fromage au lait cru", "is_storable": True, "tracking": "lot"}
        )
        recalls = env["alim.recall"]
        for name in ("L-2291", "L-2292"):
            lot = env["stock.lot"].create({"name": name, "product_id": cheese.id})
            done_move(env, cheese, lot, 6, suppliers, warehouse.lot_stock_id, now - timedelta(days=3))
            done_move(
                env, cheese, lot, 6, warehouse.lot_stock_id, customers, now - timedelta(days=2),
                cls.grocery, warehouse.out_type_id,
            )  # fmt: skip
            recalls |= env["alim.recall"].create(
                {"name": f"Listeria, lot {name}", "lot_id": lot.id, "reason": "Ne pas distribuer ce fromage."}
            )
        recalls.action_notify()
        cls.recall, cls.answered_recall = recalls
        cls.answered_recall.with_user(cls.user)._alim_portal_answer(
            {"destroyed": "4", "given_out": "2", "note": "Deux portions déjà données samedi."}
        )

    @classmethod
    def _network(cls):
        env = cls.env
        now = fields.Datetime.now()
        place = env["res.partner"].create(
            {
                "name": "Maison des associations",
                "street": "3 place Guy Hersant",
                "zip": "31400",
                "city": "Toulouse",
            }
        )
        minutes = env["ir.attachment"].create({"name": "ordre-du-jour.pdf", "raw": b"%PDF-1.4"})
        cls.event = env["event.event"].create(
            {
                "name": "Formation hygiène et chaîne du froid",
                "is_network_event": True,
                "network_published": True,
                "network_theme_id": env.ref("gesmip_network_life.event_theme_sanitary").id,
                "address_id": place.id,
                "date_begin": now + timedelta(days=10),
                "date_end": now + timedelta(days=10, hours=3),
                "description": "<p>Les règles d'hygiène en épicerie solidaire.</p>",
                "network_document_ids": [Command.set(minutes.ids)],
            }
        )
        env["event.event"].create(
            {
                "name": "Assemblée générale 2025",
                "is_network_event": True,
                "network_published": True,
                "date_begin": now - timedelta(days=60),
                "date_end": now - timedelta(days=60, hours=-3),
                "network_minutes": "<p>Le rapport moral est adopté.</p>",
            }
        )
        cls.event.with_user(cls.user)._network_portal_register([{"name": "Lucie Martin"}])
        funder = env["res.partner"].create({"name": "Fondation de France", "is_company": True})
        call = env["gesmip.call.project"].create(
            {
                "name": "Alimentation durable",
                "funder_id": funder.id,
                "deadline": fields.Date.today() + timedelta(days=30),
                "amount": 15000,
                "url": "https://example.org/appel",
                "description": "<p>Pour les projets de cuisine partagée.</p>",
                "applicant_grocery_ids": [Command.set(cls.grocery.ids)],
            }
        )
        call.action_share()

    @classmethod
    def _invoice(cls):
        """An invoice of the grocery, posted, for /my/invoices."""
        invoice = cls.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": cls.grocery.id,
                "invoice_line_ids": [
                    Command.create({"product_id": cls.rice.id, "quantity": 4, "price_unit": 0.35}),
                ],
            }
        )
        invoice.action_post()

    def setUp(self):
        super().setUp()
        self.assertTrue(
            os.environ.get("GESMIP_AXE_JS"),
            "GESMIP_AXE_JS is not set: run the tests with tools/test.sh, which installs axe-core",
        )
        self.axe_path = Path(os.environ["GESMIP_AXE_JS"])
        self.assertTrue(self.axe_path.is_file(), f"axe-core is missing: {self.axe_path} (see tools/setup.sh)")
        self.allowed = read_allowlist()
        self.before_page = None

    def fetch_proxy(self, url):
        if url == AXE_URL:
            response = self.make_fetch_proxy_response(self.axe_path.read_bytes())
            response["responseHeaders"].append({"name": "content-type", "value": "text/javascript"})
            return response
        return super().fetch_proxy(url)

    def authenticate(self, user, password, browser=None):
        session = super().authenticate(user, password, browser=browser)
        if user and self.before_page:
            self.before_page()
        return session

    def _audit(self, url, expect=(), login="a11y_grocery", before=None):
        """The axe audit of ``url`` at each size; the page must show an element for each CSS
        selector of ``expect``; ``before()`` runs in the user's session before the page opens
        (a form sent first)."""
        for size in SIZES:
            with self.subTest(url=url, size=size):
                self.browser_size = size
                self.touch_enabled = size == SIZES[0]
                self.before_page = before
                code = AUDIT_JS % {
                    "page": json.dumps(f"{url} at {size}"),
                    "allowed": json.dumps(self.allowed),
                    "failing": json.dumps(FAILING_IMPACTS),
                    "expect": json.dumps(list(expect)),
                    "tags": json.dumps(AXE_TAGS),
                    "axe_url": json.dumps(AXE_URL),
                }
                self.browser_js(url, code, login=login, timeout=120)

    def _refuse_a_quantity(self):
        """Half a rice packet (sold by the unit) beside 3 kg of lentils: refused, the page shows
        both values again and the reason on the rice line."""
        lines = {line.product_id: line for line in self.cycle.line_ids}
        self.url_open(
            f"/my/cycles/{self.cycle.id}/order",
            data={
                f"qty_{lines[self.rice].id}": "2,5",
                f"qty_{lines[self.lentils].id}": "3",
                "page": "1",
                "csrf_token": http.Request.csrf_token(self),
            },
            # the page the refusal leads to is the browser's to open (it shows the refusal once)
            allow_redirects=False,
        )

    def test_home(self):
        self._audit("/my", [".o_alim_recall_banner", "a[href='/my/cycles']"])

    def test_cycles(self):
        self._audit("/my/cycles", [".o_alim_cycle_link"])

    def test_cycle_with_order_cut_and_refusal(self):
        self._audit(
            f"/my/cycles/{self.cycle.id}",
            [
                ".o_alim_order_link",
                ".o_alim_cut",
                ".o_alim_error",
                ".o_alim_refused",
                "input.o_alim_qty.is-invalid",
            ],
            before=self._refuse_a_quantity,
        )

    def test_orders(self):
        self._audit("/my/orders", [".o_alim_order_state"])
        self._audit(self.order.get_portal_url(), [".o_alim_order_cycle_state", ".o_alim_cut"])

    def test_invoices(self):
        self._audit("/my/invoices", [".o_portal_my_doc_table tbody tr"])

    def test_standing_order_active_and_paused(self):
        self._audit("/my/standing-order", ["input#alim_standing_active:checked"])
        self.standing.active = False
        self._audit("/my/standing-order", [".o_alim_paused", "input#alim_standing_active:not(:checked)"])

    def test_group_purchases(self):
        self._audit("/my/group-purchases", ["form.o_alim_group_purchase input.o_alim_qty"])

    def test_recalls(self):
        self._audit("/my/recalls", [".o_portal_my_doc_table tbody tr"])
        self._audit(f"/my/recalls/{self.recall.id}", ["form[action$='/answer'] textarea#note"])
        self._audit(f"/my/recalls/{self.answered_recall.id}", [".o_alim_recall_answer"])

    def test_network_events(self):
        self._audit("/my/network-events", [".o_portal_my_doc_table tbody tr"])
        self._audit(
            f"/my/network-events/{self.event.id}",
            [".o_network_event_address", ".o_network_registrations .o_network_cancel", "input#name_1"],
        )

    def test_calls(self):
        self._audit("/my/calls", [".o_portal_my_doc_table tbody tr"])

    def test_account(self):
        self._audit("/my/account", ["input[name='street']"])

    def test_login(self):
        self._audit("/web/login", ["input#login"], login=None)
