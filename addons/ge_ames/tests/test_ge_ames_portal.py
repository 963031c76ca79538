from datetime import date

from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.account.tests.common import AccountTestInvoicingCommon


@tagged("post_install", "-at_install")
class TestGeAmesPortal(AccountTestInvoicingCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        company = cls.env.company
        cls.manager = new_test_user(
            cls.env, login="ge_manager", groups="ge_ames.ge_ames_group_manager", company_id=company.id
        )
        Partner = cls.env["res.partner"]
        cls.member1 = Partner.create({"name": "Grocery One", "ge_member": True})
        cls.member2 = Partner.create({"name": "Grocery Two", "ge_member": True})
        cls.portal1 = new_test_user(
            cls.env, login="ge_portal1", groups="base.group_portal", company_id=company.id
        )
        cls.portal1.partner_id.parent_id = cls.member1
        emp = cls.env["hr.employee"].create({"name": "Alice", "company_id": company.id})
        cls.env["ge.ames.rate"].with_user(cls.manager).create(
            {"employee_id": emp.id, "date_from": date(2020, 1, 1), "gross_salary": 28000.0, "hours": 1400.0}
        )
        project = cls.env["project.project"].create({"name": "GE AMES", "allow_timesheets": True})
        for member, hours in ((cls.member1, 3.0), (cls.member2, 7.0)):
            cls.env["account.analytic.line"].with_user(cls.manager).create(
                {
                    "name": "work",
                    "project_id": project.id,
                    "employee_id": emp.id,
                    "ge_member_id": member.id,
                    "date": date(2020, 1, 6),
                    "unit_amount": hours,
                }
            )
        cls.moves = (
            cls.env["ge.ames.billing.wizard"]
            .with_user(cls.manager)
            .create({"month": date(2020, 1, 1)})
            ._bill()
        )
        cls.moves.action_post()

    def test_portal_user_sees_only_own_invoices_and_hours(self):
        invoices = self.env["account.move"].with_user(self.portal1).search([])
        self.assertEqual(invoices.partner_id, self.member1)
        own = self.moves.filtered(lambda m: m.partner_id == self.member1)
        other = self.moves - own
        self.authenticate("ge_portal1", "ge_portal1")
        page = self.url_open("/my/invoices").text
        self.assertIn(own.name, page)
        self.assertNotIn(other.name, page)
        page = self.url_open("/my/ge-hours").text
        self.assertIn(own.name, page)
        self.assertNotIn(other.name, page)
        self.assertIn("03:00", page)
