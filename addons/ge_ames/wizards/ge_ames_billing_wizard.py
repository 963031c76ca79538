from odoo import fields, models
from odoo.exceptions import UserError

from ..lib.billing import billing_lines


class GeAmesBillingWizard(models.TransientModel):
    _name = "ge.ames.billing.wizard"
    _description = "GE AMES Monthly Billing"

    month = fields.Date(
        required=True,
        default=lambda self: fields.Date.start_of(
            fields.Date.subtract(fields.Date.today(), months=1), "month"
        ),
        help="Any day of the month to bill.",
    )

    def _to_bill_domain(self):
        start = fields.Date.start_of(self.month, "month")
        end = fields.Date.end_of(self.month, "month")
        return [
            ("ge_member_id", "!=", False),
            ("ge_billed", "=", False),
            ("date", ">=", start),
            ("date", "<=", end),
        ]

    def _members_to_bill(self):
        """The members with hours of the month not billed yet, in a steady order."""
        self.ensure_one()
        groups = self.env["account.analytic.line"]._read_group(
            self._to_bill_domain(), ["ge_member_id"], order="ge_member_id"
        )
        return self.env["res.partner"].union(*(member for (member,) in groups))

    def _check_rates(self):
        """Refuse at once when an employee of the month has no hourly rate."""
        self.ensure_one()
        start = fields.Date.start_of(self.month, "month")
        groups = self.env["account.analytic.line"]._read_group(self._to_bill_domain(), ["employee_id"])
        employees = self.env["hr.employee"].union(*(employee for (employee,) in groups))
        rates = self.env["ge.ames.rate"].search([("employee_id", "in", employees.ids)])
        for employee in employees:
            if not rates._rate_at(employee, start):
                raise UserError(
                    self.env._(
                        "No hourly rate in force for %(employee)s on %(day)s.",
                        employee=employee.name,
                        day=start,
                    )
                )

    def _bill(self, members=None):
        """Create one draft invoice per member for the month (of ``members`` only when
        given); return the invoices."""
        self.ensure_one()
        start = fields.Date.start_of(self.month, "month")
        end = fields.Date.end_of(self.month, "month")
        Line = self.env["account.analytic.line"]
        domain = self._to_bill_domain()
        if members is not None:
            domain.append(("ge_member_id", "in", members.ids))
        groups = Line._read_group(
            domain,
            ["ge_member_id", "employee_id", "ge_activity_id", "ge_agreement_id"],
            ["unit_amount:sum", "id:array_agg"],
        )
        if not groups:
            return self.env["account.move"]
        rates = self.env["ge.ames.rate"].search([("employee_id", "in", [g[1].id for g in groups])])
        entries, ids_by_key, agreement_by_key = [], {}, {}
        for member, employee, activity, agreement, hours, ids in groups:
            rate = rates._rate_at(employee, start)
            if not rate:
                raise UserError(
                    self.env._(
                        "No hourly rate in force for %(employee)s on %(day)s.",
                        employee=employee.name,
                        day=start,
                    )
                )
            entries.append((member, employee, activity, hours, rate.hourly_rate))
            key = (member, employee, activity, rate.hourly_rate)
            ids_by_key.setdefault(key, []).extend(ids)
            agreement_by_key.setdefault(key, agreement)
        lines_by_member = billing_lines(entries)
        members = list(lines_by_member)
        vals_list = []
        for member in members:
            line_vals = []
            for employee, activity, rate, hours, _amount in lines_by_member[member]:
                agreement = agreement_by_key[(member, employee, activity, rate)]
                label = f"{start:%m/%Y} - {employee.name} - {activity.name or '-'}"
                if agreement:
                    label += f" - {agreement.name}"
                line_vals.append(
                    fields.Command.create(
                        {"name": label, "quantity": hours, "price_unit": rate, "tax_ids": False}
                    )
                )
            vals_list.append(
                {
                    "move_type": "out_invoice",
                    "partner_id": member.id,
                    "invoice_date": end,
                    "ge_billing_month": start,
                    "invoice_line_ids": line_vals,
                }
            )
        moves = self.env["account.move"].create(vals_list)
        for member, move in zip(members, moves, strict=True):
            for (employee, activity, rate, _hours, _amount), aml in zip(
                lines_by_member[member], move.invoice_line_ids.sorted("id"), strict=True
            ):
                Line.browse(ids_by_key[(member, employee, activity, rate)]).write(
                    {"ge_invoice_line_id": aml.id}
                )
        return moves

    def action_bill(self):
        """Bill the month: at once for a few members, else in the background on a billing run
        whose form shows the progress."""
        self.ensure_one()
        run = self.env["ge.ames.billing.run"].create({"month": fields.Date.start_of(self.month, "month")})
        run._job_launch("bill")
        if run.job_state == "done":
            return run.action_view_invoices()
        return {
            "type": "ir.actions.act_window",
            "res_model": run._name,
            "res_id": run.id,
            "view_mode": "form",
            "target": "current",
        }
