"""The households and people of the habilitation report read the monthly figures the
groceries declared for the period, not the numbers on their forms."""

from odoo import fields
from odoo.tests import new_test_user, tagged

from odoo.addons.base.tests.common import BaseCommon
from odoo.addons.gesmip_network.lib.declaration import previous_month


@tagged("post_install", "-at_install")
class TestHabilitationDeclared(BaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.coordinator = new_test_user(
            cls.env,
            login="test_habilitation_declared",
            groups="alim_food.alim_food_group_warehouse,gesmip_network.gesmip_network_group_coordinator",
        )
        cls.declaring, cls.silent = cls.env["res.partner"].create(
            [
                {
                    "name": name,
                    "is_company": True,
                    "is_grocery": True,
                    "grocery_status": "active",
                    "zip": "31000",
                    "households_count": 80,
                    "people_count": 200,
                }
                for name in ("Épicerie qui déclare", "Épicerie silencieuse")
            ]
        )
        cls.last_month = previous_month(fields.Date.context_today(cls.env["gesmip.grocery.declaration"]))
        cls.env["gesmip.grocery.declaration"].create(
            [
                {
                    "grocery_id": cls.declaring.id,
                    "month": month,
                    "households_count": households,
                    "people_count": people,
                    "distribution_days": 8,
                    "state": state,
                }
                for month, households, people, state in (
                    (cls.last_month, 95, 240, "declared"),
                    (previous_month(cls.last_month), 110, 260, "declared"),
                    # a month before the period: not counted
                    (cls.last_month.replace(year=cls.last_month.year - 1), 300, 900, "declared"),
                )
            ]
        )

    def test_period_reads_the_declared_months(self):
        Attendance = self.env["alim.grocery.attendance"].with_user(self.coordinator)
        date_from = previous_month(self.last_month)
        date_to = self.last_month.replace(day=28)
        records = Attendance._record_current_counts(date_from, date_to)
        figures = {record.grocery_id: (record.households_count, record.people_count) for record in records}
        # the most of a declared month of the period; the form's numbers for a grocery that
        # declared nothing
        self.assertEqual(figures[self.declaring], (110, 260))
        self.assertEqual(figures[self.silent], (80, 200))
