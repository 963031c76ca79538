from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..lib.billing import hourly_rate


class GeAmesRate(models.Model):
    _name = "ge.ames.rate"
    _description = "GE AMES Hourly Rate at Cost"
    _order = "employee_id, date_from desc"

    employee_id = fields.Many2one("hr.employee", required=True, index=True)
    date_from = fields.Date(required=True)
    date_to = fields.Date()
    currency_id = fields.Many2one("res.currency", default=lambda self: self.env.company.currency_id)
    gross_salary = fields.Monetary(help="Gross salary over the period (usually a year).")
    charges = fields.Monetary(string="Employer Charges")
    overhead_share = fields.Monetary(help="Share of the group's running costs allotted to this employee.")
    hours = fields.Float(string="Paid Hours", default=1607.0, help="Hours paid over the same period.")
    hourly_rate = fields.Monetary(compute="_compute_hourly_rate", store=True)
    formula = fields.Char(compute="_compute_hourly_rate", store=True)
    provisional = fields.Boolean(
        default=True, help="Rate used for monthly billing before the yearly regularisation."
    )

    @api.depends("gross_salary", "charges", "overhead_share", "hours")
    def _compute_hourly_rate(self):
        for rate in self:
            if rate.hours > 0:
                res = hourly_rate(rate.gross_salary, rate.charges, rate.overhead_share, rate.hours)
                rate.hourly_rate, rate.formula = res.hourly_rate, res.formula
            else:
                rate.hourly_rate, rate.formula = 0.0, False

    @api.constrains("hours", "gross_salary", "charges", "overhead_share", "date_from", "date_to")
    def _check_amounts(self):
        for rate in self:
            if rate.hours <= 0:
                raise ValidationError(self.env._("The paid hours of a rate must be positive."))
            if min(rate.gross_salary, rate.charges, rate.overhead_share) < 0:
                raise ValidationError(self.env._("The amounts of a rate cannot be negative."))
            if rate.date_to and rate.date_to < rate.date_from:
                raise ValidationError(self.env._("A rate cannot end before it starts."))

    @api.constrains("employee_id", "date_from", "date_to", "provisional")
    def _check_one_rate_at_a_time(self):
        """One provisional and one actual rate at most for a person on a given day, whatever
        the path (form, import, RPC, a copy): which one bills must not depend on the order
        the rows come in."""
        for rate in self:
            domain = [
                ("id", "!=", rate.id),
                ("employee_id", "=", rate.employee_id.id),
                ("provisional", "=", rate.provisional),
                "|",
                ("date_to", "=", False),
                ("date_to", ">=", rate.date_from),
            ]
            if rate.date_to:
                domain.append(("date_from", "<=", rate.date_to))
            other = self.sudo().search(domain, limit=1)
            if other:
                raise ValidationError(
                    self.env._(
                        "The rate of %(employee)s from %(start)s overlaps the rate from %(other)s: "
                        "end one before the next starts.",
                        employee=rate.employee_id.name,
                        start=rate.date_from,
                        other=other.date_from,
                    )
                )

    @api.depends("employee_id", "date_from")
    def _compute_display_name(self):
        for rate in self:
            rate.display_name = f"{rate.employee_id.name} {rate.date_from or ''}"

    def _rate_at(self, employee, day):
        """The rate record in force for ``employee`` on ``day`` among ``self``: the actual one
        where there is one, else the provisional one (one of each at most, by the constraint)."""
        found = self.filtered(
            lambda rate: (
                rate.employee_id == employee
                and rate.date_from <= day
                and (not rate.date_to or rate.date_to >= day)
            )
        )
        return found.sorted(lambda rate: (rate.provisional, rate.id))[:1]
