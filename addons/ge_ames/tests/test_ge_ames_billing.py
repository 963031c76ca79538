import importlib.util
from datetime import date
from pathlib import Path

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from odoo.addons.account.tests.common import AccountTestInvoicingCommon

MIGRATION_1_1 = Path(__file__).parents[1] / "migrations" / "18.0.1.1.0" / "post-migrate.py"


@tagged("post_install", "-at_install")
class TestGeAmesBilling(AccountTestInvoicingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        company = cls.env.company
        cls.manager = new_test_user(
            cls.env, login="ge_manager", groups="ge_ames.ge_ames_group_manager", company_id=company.id
        )
        cls.accountant = new_test_user(
            cls.env,
            login="ge_accountant",
            groups="ge_ames.ge_ames_group_manager,account.group_account_invoice",
            company_id=company.id,
        )
        cls.emp_user = new_test_user(
            cls.env, login="ge_employee", groups="ge_ames.ge_ames_group_employee", company_id=company.id
        )
        cls.other_user = new_test_user(
            cls.env, login="ge_employee2", groups="ge_ames.ge_ames_group_employee", company_id=company.id
        )
        Employee = cls.env["hr.employee"]
        cls.emp1 = Employee.create({"name": "Alice", "user_id": cls.emp_user.id, "company_id": company.id})
        cls.emp2 = Employee.create({"name": "Bruno", "user_id": cls.other_user.id, "company_id": company.id})
        Partner = cls.env["res.partner"]
        cls.member1 = Partner.create({"name": "Grocery One", "ge_member": True})
        cls.member2 = Partner.create({"name": "Grocery Two", "ge_member": True})
        cls.project = cls.env["project.project"].create({"name": "GE AMES", "allow_timesheets": True})
        cls.log = cls.env.ref("ge_ames.activity_logistics")
        cls.cafe = cls.env.ref("ge_ames.activity_cafe")
        Rate = cls.env["ge.ames.rate"].with_user(cls.manager)
        cls.rate1 = Rate.create(
            {
                "employee_id": cls.emp1.id,
                "date_from": date(2020, 1, 1),
                "date_to": date(2020, 12, 31),
                "gross_salary": 24000.0,
                "charges": 10000.0,
                "overhead_share": 1000.0,
                "hours": 1400.0,
            }
        )
        cls.rate2 = Rate.create(
            {
                "employee_id": cls.emp2.id,
                "date_from": date(2020, 1, 1),
                "gross_salary": 20000.0,
                "charges": 8000.0,
                "overhead_share": 0.0,
                "hours": 1400.0,
            }
        )
        Agreement = cls.env["ge.ames.agreement"].with_user(cls.manager)
        cls.agr1 = Agreement.create(
            {
                "name": "MAD-001",
                "employee_id": cls.emp1.id,
                "partner_id": cls.member1.id,
                "activity_ids": [Command.set(cls.log.ids)],
                "planned_hours": 20.0,
                "date_start": date(2020, 1, 1),
            }
        )
        cls.agr2 = Agreement.create(
            {
                "name": "MAD-002",
                "employee_id": cls.emp2.id,
                "partner_id": cls.member2.id,
                "planned_hours": 40.0,
                "date_start": date(2020, 1, 1),
            }
        )

    def _time(self, employee, member, activity, day, hours):
        return (
            self.env["account.analytic.line"]
            .with_user(self.manager)
            .create(
                {
                    "name": "work",
                    "project_id": self.project.id,
                    "employee_id": employee.id,
                    "ge_member_id": member.id,
                    "ge_activity_id": activity.id,
                    "date": day,
                    "unit_amount": hours,
                }
            )
        )

    def _month(self):
        lines = self.env["account.analytic.line"]
        for day in (6, 7, 8):  # Monday to Wednesday
            lines |= self._time(self.emp1, self.member1, self.log, date(2020, 1, day), 4.0)
            lines |= self._time(self.emp2, self.member2, self.cafe, date(2020, 1, day), 5.0)
        lines |= self._time(self.emp1, self.member1, self.cafe, date(2020, 1, 9), 2.0)
        return lines

    def _bill(self, month=date(2020, 1, 15)):
        return self.env["ge.ames.billing.wizard"].with_user(self.manager).create({"month": month})._bill()

    def _bill_in_background(self):
        self.env["ir.config_parameter"].set_param("gesmip.job_batch_seconds", "0")  # a member per call
        wizard = (
            self.env["ge.ames.billing.wizard"]
            .with_user(self.manager)
            .with_context(gesmip_job_mode="background")
            .create({"month": date(2020, 1, 15)})
        )
        action = wizard.action_bill()
        self.assertEqual(action["res_model"], "ge.ames.billing.run")
        return self.env["ge.ames.billing.run"].with_user(self.manager).browse(action["res_id"])

    def test_month_billed_in_background(self):
        lines = self._month()
        run = self._bill_in_background()
        # the click returned at once with the billing queued; a second click is refused
        self.assertEqual((run.job_state, run.job_done, run.job_total), ("queued", 0, 2))
        self.assertEqual(run.job_label, "Monthly billing")
        self.assertFalse(run.move_ids)
        self.assertFalse(any(lines.mapped("ge_billed")))
        with self.assertRaisesRegex(UserError, "Monthly billing is already under way"):
            self.env["ge.ames.billing.wizard"].with_user(self.manager).create(
                {"month": date(2020, 1, 2)}
            ).action_bill()
        cron = self.env.ref("ge_ames.ge_ames_billing_run_job_cron")
        cron.method_direct_trigger()
        self.assertEqual((run.job_state, run.job_done), ("running", 1))
        self.assertEqual(run.move_ids.partner_id, self.member1)
        cron.method_direct_trigger()
        self.assertEqual((run.job_state, run.job_done, run.job_total), ("done", 2, 2))
        self.assertEqual(run.move_ids.partner_id, self.member1 | self.member2)
        self.assertTrue(all(lines.mapped("ge_billed")))
        self.assertEqual(run.move_ids, self._bill_moves_of(lines))

    def _bill_moves_of(self, lines):
        return lines.ge_invoice_line_id.move_id

    def test_background_billing_failure_then_retry(self):
        lines = self._month()
        run = self._bill_in_background()
        # after the launch, Bruno's rate is changed to start in February: his hours of
        # January (member two) can no longer be billed
        self.rate2.date_from = date(2020, 2, 1)
        cron = self.env.ref("ge_ames.ge_ames_billing_run_job_cron")
        cron.method_direct_trigger()
        cron.method_direct_trigger()
        self.assertEqual(run.job_state, "failed")
        self.assertEqual(run.job_message, "No hourly rate in force for Bruno on 2020-01-01.")
        # member one is billed in full, member two not at all
        self.assertEqual(run.job_done, 1)
        self.assertEqual(run.move_ids.partner_id, self.member1)
        billed = lines.filtered("ge_billed")
        self.assertEqual(billed.ge_member_id, self.member1)
        self.assertEqual(billed, lines.filtered(lambda line: line.ge_member_id == self.member1))
        # fixed and retried: it goes on with member two
        self.rate2.date_from = date(2020, 1, 1)
        run.with_context(gesmip_job_mode="background").action_job_retry()
        self.assertEqual((run.job_state, run.job_done, run.job_total), ("queued", 0, 1))
        cron.method_direct_trigger()
        self.assertEqual(run.job_state, "done")
        self.assertEqual(run.move_ids.partner_id, self.member1 | self.member2)
        self.assertTrue(all(lines.mapped("ge_billed")))

    def test_rate_computation(self):
        self.assertEqual(self.rate1.hourly_rate, 25.0)
        self.assertEqual(self.rate1.formula, "(24000.00 + 10000.00 + 1000.00) / 1400 h = 25.00 / h")
        self.assertEqual(self.rate2.hourly_rate, 20.0)

    def test_flags(self):
        line = self._time(self.emp1, self.member1, self.log, date(2020, 1, 11), 1.0)  # Saturday
        self.assertTrue(line.ge_day_off)
        self.assertEqual(line.ge_agreement_id, self.agr1)
        line = self._time(self.emp1, self.member2, self.log, date(2020, 1, 6), 1.0)
        self.assertTrue(line.ge_outside_agreement)
        line = self._time(self.emp1, self.member1, self.log, date(2020, 2, 3), 23.0)
        self.assertTrue(line.ge_over_planned)
        line = self._time(self.emp1, self.member1, self.log, date(2020, 3, 2), 22.0)
        self.assertFalse(line.ge_over_planned)  # within the 10 % tolerance

    def test_month_billed_to_two_members(self):
        lines = self._month()
        moves = self._bill()
        self.assertEqual(len(moves), 2)
        move1 = moves.filtered(lambda m: m.partner_id == self.member1)
        move2 = moves.filtered(lambda m: m.partner_id == self.member2)
        self.assertEqual(move1.state, "draft")
        self.assertEqual(move1.move_type, "out_invoice")
        self.assertEqual(
            sorted((line.quantity, line.price_unit) for line in move1.invoice_line_ids),
            [(2.0, 25.0), (12.0, 25.0)],
        )
        self.assertEqual(move1.amount_total, 350.0)
        self.assertEqual(move2.amount_total, 300.0)
        self.assertIn("MAD-001", move1.invoice_line_ids[0].name)
        self.assertTrue(all(lines.mapped("ge_billed")))
        # second run bills nothing
        self.assertFalse(self._bill())
        with self.assertRaisesRegex(UserError, "Nothing to bill"):
            self.env["ge.ames.billing.wizard"].with_user(self.manager).create(
                {"month": date(2020, 1, 1)}
            ).action_bill()

    def test_billed_hours_locked(self):
        lines = self._month()
        self._bill()
        with self.assertRaisesRegex(UserError, "billed"):
            lines[0].with_user(self.manager).write({"unit_amount": 8.0})
        with self.assertRaisesRegex(UserError, "billed"):
            lines[0].with_user(self.manager).unlink()
        lines[0].with_user(self.manager).write({"name": "corrected description"})
        self.assertEqual(lines[0].unit_amount, 4.0)

    def test_credit_note_and_rebilling(self):
        lines = self._month()
        moves = self._bill()
        move1 = moves.filtered(lambda m: m.partner_id == self.member1)
        move1.with_user(self.manager).action_post()
        wizard = (
            self.env["account.move.reversal"]
            .with_user(self.manager)
            .with_context(active_model="account.move", active_ids=move1.ids)
            .create({"journal_id": move1.journal_id.id, "reason": "wrong hours"})
        )
        wizard.reverse_moves()
        credit = self.env["account.move"].search([("reversed_entry_id", "=", move1.id)])
        self.assertEqual(credit.amount_total, 350.0)
        member1_lines = lines.filtered(lambda line: line.ge_member_id == self.member1)
        self.assertFalse(any(member1_lines.mapped("ge_billed")))
        member1_lines[0].with_user(self.manager).write({"unit_amount": 3.0})
        rebill = self._bill()
        self.assertEqual(rebill.partner_id, self.member1)
        self.assertEqual(rebill.amount_total, 325.0)
        self.assertTrue(all(lines.mapped("ge_billed")))
        self.assertTrue(any("released by credit note" in m.body for m in move1.message_ids))

    def test_employee_cannot_read_rates(self):
        with self.assertRaises(AccessError):
            self.rate2.with_user(self.emp_user).read(["hourly_rate"])
        with self.assertRaises(AccessError):
            self.env["ge.ames.billing.wizard"].with_user(self.emp_user).create({"month": date(2020, 1, 1)})
        agreements = self.env["ge.ames.agreement"].with_user(self.emp_user).search([])
        self.assertEqual(agreements, self.agr1)

    def _actual_rates(self):
        Rate = self.env["ge.ames.rate"].with_user(self.manager)
        Rate.create(
            {
                "employee_id": self.emp1.id,
                "date_from": date(2020, 1, 1),
                "date_to": date(2020, 12, 31),
                "gross_salary": 27000.0,
                "charges": 10800.0,
                "hours": 1400.0,
                "provisional": False,
            }
        )  # 27.00 / h instead of 25.00
        Rate.create(
            {
                "employee_id": self.emp2.id,
                "date_from": date(2020, 1, 1),
                "gross_salary": 18200.0,
                "charges": 7000.0,
                "hours": 1400.0,
                "provisional": False,
            }
        )  # 18.00 / h instead of 20.00

    def test_one_rate_at_a_time_and_the_actual_one_replaces_the_provisional(self):
        """Two provisional (or two actual) rates of a person cannot cover the same day, from
        the form as from any other path; an actual rate over a provisional one is the one used,
        whatever order the rates come in."""
        Rate = self.env["ge.ames.rate"].with_user(self.manager)
        base = {"employee_id": self.emp1.id, "gross_salary": 1.0, "charges": 0.0, "hours": 1.0}
        for period in (
            {"date_from": date(2020, 6, 1), "date_to": date(2020, 6, 30)},
            {"date_from": date(2019, 1, 1), "date_to": date(2020, 1, 1)},
            {"date_from": date(2020, 12, 31)},
        ):
            with (
                self.subTest(period),
                self.assertRaisesRegex(ValidationError, "overlaps"),
                self.env.cr.savepoint(),
            ):
                Rate.create(dict(base, **period))
        with self.assertRaisesRegex(ValidationError, "overlaps"), self.env.cr.savepoint():
            self.rate2.with_user(self.manager).copy()
        Rate.create(dict(base, date_from=date(2021, 1, 1)))  # after the first one ends
        self._actual_rates()
        actual = Rate.search([("employee_id", "=", self.emp1.id), ("provisional", "=", False)])
        with self.assertRaisesRegex(ValidationError, "overlaps"), self.env.cr.savepoint():
            Rate.create(dict(base, date_from=date(2020, 3, 1), date_to=date(2020, 3, 31), provisional=False))
        rates = Rate.search([("employee_id", "=", self.emp1.id)])
        for ordered in (rates.sorted("id"), rates.sorted("id", reverse=True)):
            self.assertEqual(ordered._rate_at(self.emp1, date(2020, 5, 4)), actual)
        self.assertEqual(rates._rate_at(self.emp1, date(2021, 5, 4)).date_from, date(2021, 1, 1))

    def test_regularisation(self):
        self._month()
        self._bill()
        self._actual_rates()
        moves = (
            self.env["ge.ames.regularisation.wizard"]
            .with_user(self.manager)
            .create({"year": 2020})
            ._regularise()
        )
        move1 = moves.filtered(lambda m: m.partner_id == self.member1)
        move2 = moves.filtered(lambda m: m.partner_id == self.member2)
        self.assertEqual((move1.move_type, move1.amount_total), ("out_invoice", 28.0))  # 14 h x 2.00
        self.assertEqual((move2.move_type, move2.amount_total), ("out_refund", 30.0))  # 15 h x 2.00

    def _accountant_regularises(self, year=2020):
        wizard = self.env["ge.ames.regularisation.wizard"].with_user(self.accountant).create({"year": year})
        action = wizard.action_regularise()
        return self.env["account.move"].with_user(self.accountant).search(action["domain"])

    def test_regularisation_run_twice_proposes_nothing_the_second_time(self):
        self._month()
        self._bill()
        self._actual_rates()
        moves = self._accountant_regularises()
        self.assertEqual(len(moves), 2)
        invoice = moves.filtered(lambda m: m.partner_id == self.member1)
        refund = moves.filtered(lambda m: m.partner_id == self.member2)
        self.assertEqual((invoice.move_type, invoice.amount_total), ("out_invoice", 28.0))
        self.assertEqual((refund.move_type, refund.amount_total), ("out_refund", 30.0))

        # The accountant runs it again (drafts not posted yet, or posted): nothing more.
        with self.assertRaisesRegex(UserError, "Nothing to regularise for 2020"):
            self._accountant_regularises()
        self.assertEqual(set(moves.mapped("ge_regularisation_year")), {2020})
        invoice.action_post()
        with self.assertRaisesRegex(UserError, "Nothing to regularise for 2020"):
            self._accountant_regularises()

        # A cancelled regularisation does not count: it is proposed again, alone.
        refund.button_cancel()
        again = self._accountant_regularises()
        self.assertEqual(
            (again.partner_id, again.move_type, again.amount_total), (self.member2, "out_refund", 30.0)
        )

        # A credit note reversing the posted one cancels it out: member 1 is proposed again.
        reversal = (
            self.env["account.move.reversal"]
            .with_user(self.accountant)
            .with_context(active_model="account.move", active_ids=invoice.ids)
            .create({"journal_id": invoice.journal_id.id, "date": date(2021, 1, 31)})
        )
        reversal.refund_moves()
        again = self._accountant_regularises()
        self.assertEqual(
            (again.partner_id, again.move_type, again.amount_total), (self.member1, "out_invoice", 28.0)
        )

        # The actual rate of Alice is corrected (28.00 / h): only the new difference is proposed.
        actual = (
            self.env["ge.ames.rate"]
            .with_user(self.manager)
            .search([("employee_id", "=", self.emp1.id), ("provisional", "=", False)])
        )
        actual.with_user(self.manager).gross_salary = 28400.0
        self.assertEqual(actual.hourly_rate, 28.0)
        late = self._accountant_regularises()
        self.assertEqual(
            (late.partner_id, late.move_type, late.amount_total), (self.member1, "out_invoice", 14.0)
        )
        with self.assertRaisesRegex(UserError, "Nothing to regularise for 2020"):
            self._accountant_regularises()

    def test_regularisations_made_before_the_upgrade_are_counted(self):
        """The upgrade gives their year to the regularisations made by the previous version."""
        self._month()
        self._bill()
        self._actual_rates()
        moves = self._accountant_regularises()
        self.env.flush_all()
        # As the previous version left them: the new column empty.
        self.env.cr.execute(
            "UPDATE account_move SET ge_regularisation_year = NULL WHERE id IN %s", [tuple(moves.ids)]
        )
        spec = importlib.util.spec_from_file_location("ge_ames_migrate_18_0_1_1_0", MIGRATION_1_1)
        migration = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(migration)
        migration.migrate(self.env.cr, "18.0.1.0.0")
        self.env.invalidate_all()
        self.assertEqual(set(moves.mapped("ge_regularisation_year")), {2020})
        with self.assertRaisesRegex(UserError, "Nothing to regularise for 2020"):
            self._accountant_regularises()

    def test_demo_year_generation(self):
        # The demo XML runs the generator kept in demo/, through the demo loader.
        self.env["gesmip.demo"].sudo()._generate(
            "ge_ames.demo.ge_ames_timesheet_demo.generate_year", (self.agr1 | self.agr2).ids, 2020, 2917
        )
        lines = self.env["account.analytic.line"].search(
            [("ge_agreement_id", "in", (self.agr1 | self.agr2).ids)]
        )
        self.assertEqual(sum(lines.mapped("unit_amount")), 2917)
        self.assertEqual(len(lines.ge_activity_id), 7)
        self.assertEqual(lines.employee_id, self.emp1 | self.emp2)
        self.assertEqual(min(lines.mapped("date")), date(2020, 1, 1))

    def test_employee_records_own_time_only(self):
        Line = self.env["account.analytic.line"].with_user(self.emp_user)
        line = Line.create(
            {
                "name": "stock count",
                "project_id": self.project.id,
                "ge_member_id": self.member1.id,
                "ge_activity_id": self.log.id,
                "date": date(2020, 1, 6),
                "unit_amount": 3.0,
            }
        )
        self.assertEqual(line.employee_id, self.emp1)
        self.assertEqual(line.ge_agreement_id, self.agr1)
        other = self._time(self.emp2, self.member2, self.cafe, date(2020, 1, 6), 5.0)
        self.assertFalse(Line.search([("id", "=", other.id)]))

    def test_deleted_draft_invoice_releases_hours(self):
        lines = self._month()
        self._bill().with_user(self.manager).unlink()
        self.assertFalse(any(lines.mapped("ge_billed")))
        self.assertEqual(len(self._bill()), 2)
