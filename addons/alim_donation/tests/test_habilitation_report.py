from odoo import fields
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import new_test_user, tagged

from .common_donation import DonationCommon


@tagged("post_install", "-at_install")
class TestHabilitationReport(DonationCommon):
    """The yearly figures of the food-aid licence (CASF R266-2): kilograms received and
    distributed by category, source and département, and households served by period."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.coordinator = new_test_user(
            cls.env,
            login="test_habilitation_coordinator",
            groups="alim_food.alim_food_group_warehouse,gesmip_network.gesmip_network_group_coordinator",
        )
        Partner = cls.env["res.partner"]
        cls.donor.zip = "31100"
        cls.programme = Partner.create(
            {
                "name": "FranceAgriMer FSE+",
                "is_company": True,
                "donor_kind": "public_programme",
                "zip": "75012",
            }
        )
        cls.grocery = Partner.create(
            {
                "name": "Épicerie d'Albi",
                "is_company": True,
                "is_grocery": True,
                "zip": "81000",
                "households_count": 80,
            }
        )
        cls.gift = cls._reception(
            cls.donor, [(cls.yogurt, 20, 10.0, [("YO-H1", 20, cls.in_date, cls.chilled)])]
        )  # 10 kg of dairy
        cls.fse = cls._reception(
            cls.programme,
            [(cls.pasta, 60, 0.0, [("FSE-H1", 60, cls.in_date, cls.dry)])],
            source="public_programme",
        )  # 30 kg
        cls.delivery = cls._deliver(
            cls.grocery, [(cls.yogurt, "YO-H1", 8, cls.chilled), (cls.pasta, "FSE-H1", 20, cls.dry)]
        )  # 4 kg of dairy, 10 kg of public programme pasta

    @classmethod
    def _deliver(cls, grocery, lines):
        warehouse = cls.warehouse
        customers = cls.env.ref("stock.stock_location_customers")
        picking = cls.env["stock.picking"].create(
            {
                "partner_id": grocery.id,
                "picking_type_id": warehouse.out_type_id.id,
                "location_id": cls.stock.id,
                "location_dest_id": customers.id,
                "move_ids": [
                    fields.Command.create(
                        {
                            "name": product.name,
                            "product_id": product.id,
                            "product_uom_qty": qty,
                            "location_id": cls.stock.id,
                            "location_dest_id": customers.id,
                        }
                    )
                    for product, _lot, qty, _location in lines
                ],
            }
        )
        picking.action_confirm()
        for move, (product, lot_name, qty, location) in zip(picking.move_ids, lines, strict=True):
            lot = cls.env["stock.lot"].search([("name", "=", lot_name), ("product_id", "=", product.id)])
            move.move_line_ids.unlink()
            move.move_line_ids = [
                fields.Command.create(
                    {
                        "product_id": product.id,
                        "lot_id": lot.id,
                        "quantity": qty,
                        "location_id": location.id,
                        "location_dest_id": customers.id,
                        "picking_id": picking.id,
                    }
                )
            ]
            move.picked = True
        if "alim_loading_temp" in picking._fields:  # the cold chain asks for it at loading
            picking.alim_loading_temp = 3.0
        picking.button_validate()
        return picking

    def _report(self, groupby):
        """{key: kilograms} grouped by ``groupby`` (direction first): the received column on
        the received rows, the distributed column on the others, never both."""
        Report = self.env["alim.habilitation.report"].with_user(self.coordinator)
        domain = [("date", ">=", fields.Datetime.to_datetime(f"{fields.Date.today().year}-01-01"))]
        result = {}
        for *key, received, distributed in Report._read_group(
            domain, groupby, ["received_kg:sum", "distributed_kg:sum"]
        ):
            self.assertEqual(distributed if key[0] == "received" else received, 0.0, key)
            result[tuple(g if not hasattr(g, "id") else g.id for g in key)] = round(received + distributed, 3)
        return result

    def test_pivot_shows_received_and_distributed_side_by_side(self):
        """The coordinator's pivot: one column of kilograms received, one of kilograms
        distributed, and no total that adds the two (40 kg in, 14 kg out: never 54)."""
        Report = self.env["alim.habilitation.report"].with_user(self.coordinator)
        pivot = self.env.ref("alim_donation.alim_habilitation_report_view_pivot")
        arch = Report.get_view(pivot.id, "pivot")["arch"]
        self.assertIn('name="received_kg" type="measure"', arch)
        self.assertIn('name="distributed_kg" type="measure"', arch)
        self.assertNotIn('type="col"', arch)
        self.assertNotIn("weight_kg", Report._fields)
        domain = [("date", ">=", fields.Datetime.to_datetime(f"{fields.Date.today().year}-01-01"))]
        [(received, distributed)] = Report._read_group(domain, [], ["received_kg:sum", "distributed_kg:sum"])
        self.assertEqual((round(received, 3), round(distributed, 3)), (40.0, 14.0))

    def test_sums_what_the_receptions_and_deliveries_hold(self):
        self.assertEqual(self.delivery.state, "done")
        received = (self.gift | self.fse).move_ids
        delivered = self.delivery.move_ids
        by_direction = self._report(["direction"])
        self.assertEqual(by_direction[("received",)], round(sum(received.mapped("alim_weight_kg")), 3))
        self.assertEqual(by_direction[("distributed",)], round(sum(delivered.mapped("alim_weight_kg")), 3))
        self.assertEqual(by_direction, {("received",): 40.0, ("distributed",): 14.0})
        by_source = self._report(["direction", "source_type", "department"])
        self.assertEqual(
            by_source,
            {
                ("received", "donation", "31"): 10.0,
                ("received", "public_programme", "75"): 30.0,
                ("distributed", "donation", "81"): 4.0,
                ("distributed", "public_programme", "81"): 10.0,
            },
        )
        by_category = self._report(["direction", "food_category_id"])
        self.assertEqual(by_category[("distributed", self.category.id)], 4.0)
        public = (
            self.env["alim.habilitation.report"]
            .with_user(self.coordinator)
            .search([("public_programme", "=", True), ("direction", "=", "distributed")])
        )
        self.assertEqual(public.partner_id, self.grocery)

    def test_households_kept_by_period(self):
        Attendance = self.env["alim.grocery.attendance"].with_user(self.coordinator)
        year = fields.Date.today().year
        Attendance.create(
            [
                {
                    "grocery_id": self.grocery.id,
                    "date_from": f"{year - 1}-01-01",
                    "date_to": f"{year - 1}-12-31",
                    "households_count": 60,
                    "people_count": 150,
                },
                {
                    "grocery_id": self.grocery.id,
                    "date_from": f"{year}-01-01",
                    "date_to": f"{year}-06-30",
                    "households_count": 75,
                    "people_count": 190,
                },
            ]
        )
        with self.assertRaisesRegex(ValidationError, "overlapping"), self.env.cr.savepoint():
            Attendance.create(
                {"grocery_id": self.grocery.id, "date_from": f"{year}-06-01", "date_to": f"{year}-07-31"}
            )
        # The rest of the year from the grocery's form today.
        Attendance._record_current_counts(
            fields.Date.to_date(f"{year}-07-01"), fields.Date.to_date(f"{year}-12-31")
        )
        groups = Attendance._read_group(
            [("grocery_id", "=", self.grocery.id)], ["year"], ["households_count:max", "people_count:max"]
        )
        self.assertEqual(sorted(groups), [(year - 1, 60, 150), (year, 80, 190)])
        self.assertEqual(
            set(Attendance.search([("grocery_id", "=", self.grocery.id)]).mapped("department")), {"81"}
        )
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            Attendance.with_user(self.user).create(
                {
                    "grocery_id": self.grocery.id,
                    "date_from": f"{year + 1}-01-01",
                    "date_to": f"{year + 1}-12-31",
                }
            )
