"""Read-only portal pages (issue 17): every portal page of the suite that never writes is
declared ``readonly=True``, so that Odoo 18 serves it on a read-only cursor, from a database
replica where one is configured (``db_replica_host``).

How a write would show: in tests, a read-only route runs in a transaction set READ ONLY
(``odoo.sql_db.TestCursor``); a write there fails, and ``odoo.http`` logs a warning "...,
retrying with a read/write cursor" and serves the page again on a read/write cursor
(``Request._transactioning``). Each page is fetched as its user with no warning allowed, and
one case shows that the warning does appear when a read-only page writes."""

import importlib.util
from datetime import timedelta
from pathlib import Path

from odoo import Command, fields
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.alim_coldchain.tests.common import done_move
from odoo.addons.alim_donation.tests.common_donation import DONOR_COMPANY, set_receipt_settings

from .suite_addons import SUITE

GROCERY = "gesmip_network.gesmip_network_group_grocery"
OUR_ADDONS = SUITE
# the suite's pages served on a read-only cursor
READONLY = {
    "/my/cycles",
    "/my/cycles/<int:cycle_id>",
    "/my/cycles/<int:cycle_id>/page/<int:page>",
    "/my/standing-order",
    "/my/group-purchases",
    "/my/recalls",
    "/my/recalls/page/<int:page>",
    "/my/recalls/<int:recall_id>",
    "/my/network-events",
    "/my/network-events/page/<int:page>",
    "/my/calls",
    "/my/calls/page/<int:page>",
    "/my/network-events/<int:event_id>",
    "/my/donation-receipts",
    "/my/donation-receipts/<int:receipt_id>",
    "/my/ge-hours",
    "/my/declarations",
    "/my/declarations/<int:declaration_id>",
}
# the suite's GET pages that write, and what they write
WRITING = {
    # Odoo's pages (read/write in Odoo) that alim_catalogue extends: the grocery's balance
    "/my": "Odoo's portal home (not read-only in Odoo)",
    "/my/home": "Odoo's portal home (not read-only in Odoo)",
    "/my/invoices/overdue": "Odoo's overdue invoices page (not read-only in Odoo)",
    # printed the first time, a posted invoice's legal PDF is made and kept
    "/my/invoices/<int:invoice_id>": "the invoice's legal PDF, kept when first printed or downloaded",
}
WARNING = "retrying with a read/write cursor"


def _migration(addon, version):
    """The post-migration module of ``addon`` at ``version``, loaded from its file."""
    module = __import__(f"odoo.addons.{addon}", fromlist=["_"])
    path = Path(module.__file__).parent / "migrations" / version / "post-migration.py"
    spec = importlib.util.spec_from_file_location(f"{addon}_migrate_{version}", path)
    migration = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(migration)
    return migration


@tagged("post_install", "-at_install")
class TestReadonlyRoutes(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        Partner = env["res.partner"]
        cls.grocery = Partner.create(
            {
                "name": "Épicerie lecture",
                "is_company": True,
                "is_grocery": True,
                "grocery_status": "active",
                "households_count": 30,
            }
        )
        cls.user = new_test_user(env, login="ro_grocery", groups=GROCERY)
        cls.user.partner_id.parent_id = cls.grocery
        warehouse = env.ref("stock.warehouse0")
        stock = warehouse.lot_stock_id
        rice = env["product.product"].create({"name": "Riz lecture", "is_storable": True, "weight": 1.0})
        env["stock.quant"]._update_available_quantity(rice, stock, 50)
        now = fields.Datetime.now()
        cls.cycle = env["alim.order.cycle"].create(
            {
                "name": "Cycle lecture",
                "date_open": now - timedelta(hours=1),
                "date_close": now + timedelta(days=2),
                "location_id": stock.id,
                "grocery_ids": [Command.set(cls.grocery.ids)],
                "line_ids": [Command.create({"product_id": rice.id})],
            }
        )
        cls.cycle.action_open()
        env["alim.standing.order"].create(
            {
                "partner_id": cls.grocery.id,
                "line_ids": [Command.create({"product_id": rice.id, "quantity": 2})],
            }
        )
        donor = Partner.create({"name": "Donateur lecture", "is_company": True, **DONOR_COMPANY})
        lentils = env["product.product"].create(
            {"name": "Lentilles lecture", "is_storable": True, "alim_supply_mode": "bought"}
        )
        purchase = env["alim.group.purchase"].create(
            {
                "partner_id": donor.id,
                "deadline": fields.Date.today() + timedelta(days=3),
                "line_ids": [Command.create({"product_id": lentils.id})],
            }
        )
        purchase.action_collect()
        # a recall of a lot delivered to the grocery
        cheese = env["product.product"].create(
            {"name": "Fromage lecture", "is_storable": True, "tracking": "lot"}
        )
        lot = env["stock.lot"].create({"name": "RO-LOT", "product_id": cheese.id})
        suppliers, customers = (
            env.ref("stock.stock_location_suppliers"),
            env.ref("stock.stock_location_customers"),
        )
        done_move(env, cheese, lot, 5, suppliers, stock, now)
        done_move(env, cheese, lot, 5, stock, customers, now, cls.grocery, warehouse.out_type_id)
        cls.recall = env["alim.recall"].create({"name": "Rappel lecture", "lot_id": lot.id})
        cls.recall.action_notify()
        minutes = env["ir.attachment"].create({"name": "compte-rendu.txt", "raw": b"Compte rendu"})
        cls.event = env["event.event"].create(
            {
                "name": "Réunion lecture",
                "network_document_ids": [Command.set(minutes.ids)],
                "is_network_event": True,
                "network_published": True,
                "date_begin": now + timedelta(days=3),
                "date_end": now + timedelta(days=3, hours=2),
            }
        )
        env["gesmip.call.project"].create(
            {"name": "Appel lecture", "funder_id": donor.id, "deadline": fields.Date.today()}
        )
        # an issued donation receipt, read by the donor's portal user
        set_receipt_settings(env)
        donor.donor_kind = "retailer"
        cls.donor_user = new_test_user(env, login="ro_donor", groups="base.group_portal")
        cls.donor_user.partner_id.parent_id = donor
        cls.receipt = cls._issued_receipt(donor, warehouse)

    @classmethod
    def _issued_receipt(cls, donor, warehouse):
        product = cls.env["product.product"].create({"name": "Cagette", "is_storable": True, "weight": 2.0})
        picking = cls.env["stock.picking"].create(
            {
                "partner_id": donor.id,
                "picking_type_id": warehouse.in_type_id.id,
                "alim_source_type": "anti_waste",
                "move_ids": [
                    Command.create(
                        {
                            "name": "Cagette",
                            "product_id": product.id,
                            "product_uom_qty": 5,
                            "product_uom": product.uom_id.id,
                            "alim_declared_value": 12.5,
                            "location_id": warehouse.in_type_id.default_location_src_id.id,
                            "location_dest_id": warehouse.lot_stock_id.id,
                        }
                    )
                ],
            }
        )
        picking.action_confirm()
        picking.move_ids.quantity = 5
        picking.move_ids.picked = True
        picking.button_validate()
        receipt = cls.env["alim.donation.receipt"]._create_for_pickings(donor, picking)
        receipt.action_issue()  # gives the donor's link its token
        return receipt

    def _our_get_routes(self):
        """{route: readonly} of the GET pages declared by the suite's addons."""
        routes = {}
        for rule in self.env["ir.http"].routing_map().iter_rules():
            module = rule.endpoint.func.__func__.__module__
            if not any(module.startswith(f"odoo.addons.{addon}.") for addon in OUR_ADDONS):
                continue
            routing = rule.endpoint.routing
            if routing["type"] != "http" or (routing.get("methods") and "GET" not in routing["methods"]):
                continue
            routes[rule.rule] = routing["readonly"]
        return routes

    def test_pages_declared_readonly(self):
        """Every GET page of the suite is either read-only or listed with what it writes."""
        routes = self._our_get_routes()
        self.assertEqual({route for route, readonly in routes.items() if readonly}, READONLY)
        self.assertEqual({route for route, readonly in routes.items() if not readonly}, set(WRITING))

    def _fetch_readonly(self, url):
        """Fetch ``url`` (authenticated already): 200, and no write tried on the read-only
        cursor (no warning of a retry on a read/write one)."""
        with self.assertNoLogs("odoo.http", "WARNING"):
            response = self.url_open(url)
        self.assertEqual(response.status_code, 200, url)
        return response

    def test_readonly_pages_never_write(self):
        self.assertTrue(self.registry.test_readonly_enabled)
        self.authenticate("ro_grocery", "ro_grocery")
        # the grocery orders first: the catalogue then shows its order too
        self.cycle._get_grocery_order(self.grocery, create=True)
        for url in (
            "/my/cycles",
            f"/my/cycles/{self.cycle.id}",
            f"/my/cycles/{self.cycle.id}/page/2",
            "/my/standing-order",
            "/my/group-purchases",
            "/my/recalls",
            "/my/recalls/page/2",
            f"/my/recalls/{self.recall.id}",
            "/my/network-events",
            "/my/network-events/page/2",
            "/my/calls",
            "/my/calls/page/2",
            "/my/ge-hours",
        ):
            self._fetch_readonly(url)
        self.assertIn("Cycle lecture", self._fetch_readonly("/my/cycles").text)
        self.assertIn("Rappel lecture", self._fetch_readonly(f"/my/recalls/{self.recall.id}").text)
        self.assertIn("Réunion lecture", self._fetch_readonly("/my/network-events").text)
        # an event's page links its documents (their tokens were given when they were shared)
        self.assertIn("compte-rendu.txt", self._fetch_readonly(f"/my/network-events/{self.event.id}").text)
        # the donor reads its receipts, with its access token or as itself
        self.authenticate("ro_donor", "ro_donor")
        self.assertIn(self.receipt.name, self._fetch_readonly("/my/donation-receipts").text)
        self._fetch_readonly(f"/my/donation-receipts/{self.receipt.id}?report_type=html")
        self.authenticate(None, None)
        self._fetch_readonly(
            f"/my/donation-receipts/{self.receipt.id}?report_type=html&access_token={self.receipt.access_token}"
        )

    def test_a_write_on_a_readonly_page_is_seen(self):
        """The check above would see a write: an order without its portal token (as orders
        were before they got it at creation) makes the catalogue page write it, and Odoo says
        so and serves the page again on a read/write cursor."""
        order = self.env["sale.order"].create({"partner_id": self.grocery.id, "cycle_id": self.cycle.id})
        order.message_subscribe(partner_ids=self.grocery.ids)  # what lets the grocery read it
        self.assertFalse(order.access_token)
        self.authenticate("ro_grocery", "ro_grocery")
        with self.assertLogs("odoo.sql_db", "ERROR") as sql, self.assertLogs("odoo.http", "WARNING") as logs:
            response = self.url_open(f"/my/cycles/{self.cycle.id}")
        self.assertEqual(response.status_code, 200)
        self.assertIn("cannot execute UPDATE in a read-only transaction", "\n".join(sql.output))
        self.assertIn(WARNING, "\n".join(logs.output))
        self.assertTrue(order.access_token)
        self._fetch_readonly(f"/my/cycles/{self.cycle.id}")

    def test_migrations_give_tokens_to_what_was_issued_or_shared_before(self):
        """Receipts issued and documents shared before they got their token then (the update
        of alim_donation 18.0.1.2.0 and gesmip_network 18.0.1.1.1) get one, so the pages
        listing them stay read-only."""
        minutes = self.event.network_document_ids
        self.env.cr.execute(
            "UPDATE alim_donation_receipt SET access_token = NULL WHERE id = %s", [self.receipt.id]
        )
        self.env.cr.execute("UPDATE ir_attachment SET access_token = NULL WHERE id = %s", [minutes.id])
        self.env.invalidate_all()
        self.assertFalse(self.receipt.access_token or minutes.sudo().access_token)
        _migration("alim_donation", "18.0.1.2.0").migrate(self.env.cr, "18.0.1.1.0")
        _migration("gesmip_network", "18.0.1.1.1").migrate(self.env.cr, "18.0.1.1.0")
        self.env.invalidate_all()
        self.assertTrue(self.receipt.access_token)
        self.assertTrue(minutes.sudo().access_token)
        self.authenticate("ro_grocery", "ro_grocery")
        self._fetch_readonly(f"/my/network-events/{self.event.id}")
        self.authenticate("ro_donor", "ro_donor")
        self._fetch_readonly("/my/donation-receipts")
