import csv
import io
import json

from odoo import http
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from .common_donation import DonationCommon


@tagged("post_install", "-at_install")
class TestYearlyExports(HttpCase, DonationCommon):
    """The yearly figures leave the platform as files: the coordinator exports the habilitation
    report (CASF R266-2), the treasurer the receipts issued in the year (art. 222 bis CGI), in
    csv and xlsx through Odoo's own export, over HTTP as each of them; a grocery gets nothing."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.coordinator = new_test_user(
            cls.env,
            login="test_export_coordinator",
            groups="alim_food.alim_food_group_warehouse,gesmip_network.gesmip_network_group_coordinator",
        )
        cls.treasurer = new_test_user(
            cls.env,
            login="test_export_treasurer",
            # export is among the groups Odoo gives every new internal user (base.default_user)
            groups="alim_food.alim_food_group_warehouse,account.group_account_invoice,base.group_allow_export",
        )
        cls.grocery_user = new_test_user(
            cls.env, login="test_export_grocery", groups="gesmip_network.gesmip_network_group_grocery"
        )
        cls.programme = cls.env["res.partner"].create(
            {"name": "FranceAgriMer FSE+", "is_company": True, "donor_kind": "public_programme"}
        )
        cls.gift = cls._reception(
            cls.donor, [(cls.yogurt, 20, 35.5, [("YO-X1", 20, cls.in_date, cls.chilled)])]
        )  # 10 kg
        cls._reception(
            cls.programme,
            [(cls.pasta, 60, 0.0, [("FSE-X1", 60, cls.in_date, cls.dry)])],
            source="public_programme",
        )  # 30 kg
        receipts = (
            cls.env["alim.donation.receipt"]
            .with_user(cls.treasurer)
            ._create_for_pickings(cls.donor, cls.gift)
        )
        receipts.action_issue()
        cls.receipt = receipts

    def _export(self, fmt, model, field_names, domain):
        return self.url_open(
            f"/web/export/{fmt}",
            data={
                "data": json.dumps(
                    {
                        "model": model,
                        # as Odoo's web client sends them
                        "fields": [
                            {"name": name, "label": name, "type": self.env[model]._fields[name].type}
                            for name in field_names
                        ],
                        "ids": False,
                        "domain": domain,
                        "groupby": [],
                        "import_compat": False,
                    },
                    default=str,  # the statement's domain holds dates
                ),
                "csrf_token": http.Request.csrf_token(self),
            },
        )

    def test_habilitation_report_exported_by_the_coordinator(self):
        self.authenticate(self.coordinator.login, self.coordinator.login)
        response = self._export(
            "csv",
            "alim.habilitation.report",
            ["direction", "source_type", "received_kg", "distributed_kg"],
            [],
        )
        self.assertEqual(response.status_code, 200)
        rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
        weights = {}
        for row in rows:
            key = (row["direction"], row["source_type"])
            weights[key] = weights.get(key, 0.0) + float(row["received_kg"]) + float(row["distributed_kg"])
        self.assertEqual(weights, {("Received", "Donation"): 10.0, ("Received", "Public programme"): 30.0})
        response = self._export(
            "xlsx", "alim.habilitation.report", ["direction", "received_kg", "distributed_kg"], []
        )
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.content.startswith(b"PK"))  # an Office Open XML workbook
        self.assertIn("spreadsheetml", response.headers["Content-Type"])

    def test_receipts_of_the_year_exported_by_the_treasurer(self):
        statement = (
            self.env["alim.donation.year.statement"]
            .with_user(self.treasurer)
            .create({"kind": "receipts", "year": self.receipt.date.year})
        )
        action = statement.action_open_lines()
        self.authenticate(self.treasurer.login, self.treasurer.login)
        response = self._export(
            "csv", action["res_model"], ["name", "partner_id", "amount_total"], action["domain"]
        )
        self.assertEqual(response.status_code, 200)
        rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
        self.assertEqual(
            [(row["name"], row["partner_id"]) for row in rows], [(self.receipt.name, "Hyper Sud")]
        )
        self.assertEqual(float(rows[0]["amount_total"]), 35.5)

    @mute_logger("odoo.addons.web.controllers.export")  # it logs each refusal as an error
    def test_a_grocery_exports_nothing(self):
        self.authenticate(self.grocery_user.login, self.grocery_user.login)
        # Odoo's export door answers its own refusal (a 500 carrying the message, which its web
        # client shows in a dialog): no file, whatever the model.
        for model in ("alim.habilitation.report", "stock.move", "alim.donation.receipt"):
            response = self._export("csv", model, ["id"], [])
            self.assertNotEqual(response.status_code, 200, model)
            self.assertRegex(response.content, rb"not allowed to access|rights to export")
