"""What an anonymous visitor of a served database can do with accounts and databases: no
sign-up without an invitation, no database manager, no list of databases, and no published
master password that works (Odoo's default "admin" and the suite's former "gesmip-admin").

The database checks read the configuration of the process that serves the test, which
tools/test.sh renders from the shipped config/odoo.conf.template."""

import json
import re

from odoo.tests import HttpCase, tagged
from odoo.tools import config, mute_logger

# Passwords that were published or are Odoo's default: none may open the database service.
PUBLISHED_MASTER_PASSWORDS = ("gesmip-admin", "admin")


@tagged("post_install", "-at_install")
class TestServerDoors(HttpCase):
    def _jsonrpc(self, url, params, method="call"):
        response = self.url_open(
            url,
            data=json.dumps({"jsonrpc": "2.0", "method": method, "params": params, "id": 1}),
            headers={"Content-Type": "application/json"},
        )
        return response.json()

    def test_signup_is_by_invitation_only(self):
        scope = self.env["ir.config_parameter"].sudo().get_param("auth_signup.invitation_scope")
        self.assertEqual(scope, "b2b")
        self.assertEqual(self.url_open("/web/signup").status_code, 404)
        login_page = self.url_open("/web/login")
        self.assertNotIn('href="/web/signup', login_page.text)
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', login_page.text).group(1)
        login = "intrus@example.org"
        response = self.url_open(
            "/web/signup",
            data={
                "csrf_token": csrf,
                "login": login,
                "name": "Intrus",
                "password": "Intrus-2026-secret",
                "confirm_password": "Intrus-2026-secret",
            },
        )
        self.assertEqual(response.status_code, 404)
        users = self.env["res.users"].with_context(active_test=False).search([("login", "=", login)])
        self.assertFalse(users, "an anonymous visitor created an account through /web/signup")

    @mute_logger("odoo.http")  # each refusal is logged as a warning
    def test_database_manager_is_off(self):
        self.assertFalse(config["list_db"], "the shipped configuration sets list_db = False")
        # the page keeps its dialogs' forms, but says it is off and lists no database
        page = self.url_open("/web/database/manager")
        self.assertIn("The database manager has been disabled by the administrator", page.text)
        self.assertNotIn(self.env.cr.dbname, page.text)
        answer = self._jsonrpc("/web/database/list", {})
        self.assertIn("error", answer)
        self.assertNotIn(self.env.cr.dbname, json.dumps(answer))
        answer = self._jsonrpc("/jsonrpc", {"service": "db", "method": "list", "args": []})
        self.assertIn("error", answer)
        self.assertNotIn(self.env.cr.dbname, json.dumps(answer))

    def _db_service_error(self, method, args):
        answer = self._jsonrpc("/jsonrpc", {"service": "db", "method": method, "args": args})
        return answer.get("error", {}).get("data", {}).get("name")

    @mute_logger("odoo.http", "odoo.addons.web.controllers.database")
    def test_no_published_master_password_works(self):
        denied = "odoo.exceptions.AccessDenied"
        for password in PUBLISHED_MASTER_PASSWORDS:
            with self.subTest(password=password):
                # the database manager's own form: an error page, not a backup file
                response = self.url_open(
                    "/web/database/backup",
                    data={"master_pwd": password, "name": self.env.cr.dbname, "backup_format": "zip"},
                )
                self.assertIn("text/html", response.headers.get("Content-Type", ""))
                self.assertIn("Access Denied", response.text)
                self.assertFalse(config.verify_admin_password(password))
                dump = self._db_service_error("dump", [password, self.env.cr.dbname, "zip"])
                self.assertEqual(dump, denied)
                # check_super() refuses before the name is looked at: an absent name is as good
                self.assertEqual(self._db_service_error("drop", [password, "gesmip_absent_db"]), denied)
