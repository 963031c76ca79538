import logging
import sys
import time
from datetime import date, timedelta

from odoo.tests import new_test_user, tagged

from odoo.addons.account.tests.common import AccountTestInvoicingCommon

_logger = logging.getLogger(__name__)


@tagged("gesmip_bench", "-standard", "post_install", "-at_install")
class TestBenchGeAmesBilling(AccountTestInvoicingCommon):
    """Bill one year of daily timesheets (6 employees, 20 members) at two sizes."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager = new_test_user(
            cls.env,
            login="ge_bench_manager",
            groups="ge_ames.ge_ames_group_manager",
            company_id=cls.env.company.id,
        )
        cls.employees = cls.env["hr.employee"].create([{"name": f"Employee {i}"} for i in range(6)])
        cls.members = cls.env["res.partner"].create(
            [{"name": f"Member {i}", "ge_member": True} for i in range(20)]
        )
        cls.env["ge.ames.rate"].sudo().create(
            [
                {"employee_id": e.id, "date_from": date(2020, 1, 1), "gross_salary": 30000.0, "hours": 1500.0}
                for e in cls.employees
            ]
        )
        cls.project = cls.env["project.project"].sudo().create({"name": "GE AMES", "allow_timesheets": True})
        cls.activity = cls.env.ref("ge_ames.activity_logistics")

    def _timesheets(self, per_day):
        days = [date(2020, 1, 1) + timedelta(days=n) for n in range(366)]
        vals = []
        for day in days:
            if day.isoweekday() > 5:
                continue
            for e_index, employee in enumerate(self.employees):
                for k in range(per_day):
                    vals.append(
                        {
                            "name": "bench",
                            "project_id": self.project.id,
                            "employee_id": employee.id,
                            # every employee works for every member each month
                            "ge_member_id": self.members[(day.day + e_index * 3 + k * 7) % 20].id,
                            "ge_activity_id": self.activity.id,
                            "date": day,
                            "unit_amount": 1.0,
                        }
                    )
        return self.env["account.analytic.line"].sudo().create(vals)

    def _bench(self, per_day):
        lines = self._timesheets(per_day)
        self.env.invalidate_all()
        Wizard = self.env["ge.ames.billing.wizard"].with_user(self.manager)
        count0, t0 = self.env.cr.sql_log_count, time.time()
        moves = self.env["account.move"]
        for month in range(1, 13):
            moves |= Wizard.create({"month": date(2020, month, 1)})._bill()
        queries, seconds = self.env.cr.sql_log_count - count0, time.time() - t0
        msg = (
            f"BENCH|ge_ames bill one year|{len(lines)} timesheet lines, {len(moves)} invoices, "
            f"{len(moves.invoice_line_ids)} invoice lines|{queries}|{seconds:.2f}|"
            f"queries follow invoices, not timesheet lines"
        )
        sys.stdout.write(msg + "\n")
        _logger.info(msg)
        self.assertTrue(all(lines.mapped("ge_billed")))
        return queries, len(moves)

    def test_bench_billing(self):
        small, invoices_small = self._bench(1)
        self.env["account.analytic.line"].sudo().search([]).with_context(ge_ames_unbill=True).write(
            {"ge_invoice_line_id": False}
        )
        self.env["account.move"].sudo().search([("ge_billing_month", "!=", False)]).unlink()
        self.env["account.analytic.line"].sudo().search([]).unlink()
        large, invoices_large = self._bench(4)
        self.assertEqual(invoices_small, invoices_large)
        # four times the timesheet lines, about the same number of queries
        self.assertLess(large, small * 1.5)
