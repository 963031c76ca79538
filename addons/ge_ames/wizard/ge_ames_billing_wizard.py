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

    def _bill(self):
        """Create one draft invoice per member for the month; return the invoices."""
        self.ensure_one()
        start = fields.Date.start_of(self.month, "month")
        end = fields.Date.end_of(self.month, "month")
        Line = self.env["account.analytic.line"]
        groups = Line._read_group(
            [
                ("ge_member_id", "!=", False),
                ("ge_billed", "=", False),
                ("date", ">=", start),
                ("date", "<=", end),
            ],
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
        moves = self._bill()
        if not moves:
            raise UserError(self.env._("Nothing to bill for this month: all hours are already billed."))
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("GE AMES Invoices"),
            "res_model": "account.move",
            "view_mode": "list,form",
            "domain": [("id", "in", moves.ids)],
        }
