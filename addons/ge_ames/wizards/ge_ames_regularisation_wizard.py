from collections import defaultdict
from datetime import date

from odoo import fields, models
from odoo.exceptions import UserError

from ..lib.billing import outstanding_regularisation, regularisation


class GeAmesRegularisationWizard(models.TransientModel):
    _name = "ge.ames.regularisation.wizard"
    _description = "GE AMES Yearly Regularisation"

    year = fields.Integer(required=True, default=lambda self: fields.Date.today().year - 1)

    def _regularised_by_member(self):
        """What the regularisations of the year already invoiced per member (credit notes
        negative); cancelled ones do not count, a credit note reversing one cancels it out."""
        groups = self.env["account.move"]._read_group(
            [
                ("ge_regularisation_year", "=", self.year),
                ("move_type", "in", ("out_invoice", "out_refund")),
                ("state", "!=", "cancel"),
            ],
            ["partner_id"],
            ["amount_untaxed_signed:sum"],
        )
        return {partner: amount for partner, amount in groups}

    def _regularise(self):
        """Draft invoices (or credit notes) per member: actual cost of the year minus what was
        billed and minus what earlier regularisations of the year already invoiced."""
        self.ensure_one()
        start, end = date(self.year, 1, 1), date(self.year, 12, 31)
        groups = self.env["account.analytic.line"]._read_group(
            [("ge_billed", "=", True), ("date", ">=", start), ("date", "<=", end)],
            ["employee_id", "ge_member_id", "ge_invoice_line_id"],
            ["unit_amount:sum"],
        )
        employees = self.env["hr.employee"].union(*(g[0] for g in groups))
        actual = self.env["ge.ames.rate"].search(
            [
                ("employee_id", "in", employees.ids),
                ("provisional", "=", False),
                ("date_from", "<=", end),
                "|",
                ("date_to", "=", False),
                ("date_to", ">=", start),
            ]
        )
        diff_by_member = defaultdict(float)
        by_employee = defaultdict(lambda: (defaultdict(float), defaultdict(float)))
        for employee, member, aml, hours in groups:
            hours_map, billed_map = by_employee[employee]
            hours_map[member] += hours
            billed_map[member] += hours * aml.price_unit
        for employee, (hours_map, billed_map) in by_employee.items():
            rate = actual._rate_at(employee, end)
            if not rate:
                raise UserError(
                    self.env._(
                        "No actual (non provisional) rate for %(employee)s in %(year)s.",
                        employee=employee.name,
                        year=self.year,
                    )
                )
            for member, diff in regularisation(hours_map, rate.hourly_rate, billed_map).items():
                diff_by_member[member] += diff
        outstanding = outstanding_regularisation(diff_by_member, self._regularised_by_member())
        vals_list = []
        label = self.env._("Regularisation at actual cost %(year)s", year=self.year)
        for member, diff in sorted(outstanding.items(), key=lambda item: item[0].id):
            vals_list.append(
                {
                    "move_type": "out_invoice" if diff > 0 else "out_refund",
                    "partner_id": member.id,
                    "invoice_date": end,
                    "ge_regularisation_year": self.year,
                    "invoice_line_ids": [
                        fields.Command.create(
                            {"name": label, "quantity": 1, "price_unit": abs(diff), "tax_ids": False}
                        )
                    ],
                }
            )
        return self.env["account.move"].create(vals_list)

    def action_regularise(self):
        moves = self._regularise()
        if not moves:
            raise UserError(
                self.env._(
                    "Nothing to regularise for %(year)s: what was billed and already regularised "
                    "matches the actual cost.",
                    year=self.year,
                )
            )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("GE AMES Regularisation"),
            "res_model": "account.move",
            "view_mode": "list,form",
            "domain": [("id", "in", moves.ids)],
        }
