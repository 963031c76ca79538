from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..lib.department import department_of


class AlimGroceryAttendance(models.Model):
    """The households and people a grocery served over a period: the history the habilitation
    report needs (CASF R266-2), where the grocery's form only holds today's numbers."""

    _name = "alim.grocery.attendance"
    _description = "Households and People Served by a Grocery"
    _order = "date_from desc, grocery_id"
    _rec_name = "grocery_id"

    grocery_id = fields.Many2one(
        "res.partner",
        required=True,
        index=True,
        ondelete="restrict",
        domain=[("is_grocery", "=", True)],
    )
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company)
    date_from = fields.Date(string="Period Start", required=True)
    date_to = fields.Date(string="Period End", required=True)
    year = fields.Integer(compute="_compute_year", store=True, aggregator=False)
    department = fields.Char(string="Département", compute="_compute_department", store=True)
    households_count = fields.Integer(
        string="Households Served", aggregator="max", help="Households the grocery served in the period."
    )
    people_count = fields.Integer(
        string="People Served", aggregator="max", help="People (household members) served in the period."
    )

    @api.depends("date_from")
    def _compute_year(self):
        for record in self:
            record.year = record.date_from.year if record.date_from else 0

    @api.depends("grocery_id.zip")
    def _compute_department(self):
        for record in self:
            record.department = department_of(record.grocery_id.zip)

    @api.constrains("date_from", "date_to", "households_count", "people_count", "grocery_id")
    def _check_period(self):
        for record in self:
            if record.date_to < record.date_from:
                raise ValidationError(self.env._("A period cannot end before it starts."))
            if record.households_count < 0 or record.people_count < 0:
                raise ValidationError(
                    self.env._("The numbers of households and people cannot be below zero.")
                )
            overlap = self.search_count(
                [
                    ("id", "!=", record.id),
                    ("grocery_id", "=", record.grocery_id.id),
                    ("date_from", "<=", record.date_to),
                    ("date_to", ">=", record.date_from),
                ],
                limit=1,
            )
            if overlap:
                raise ValidationError(
                    self.env._(
                        "%(grocery)s already has numbers for a period overlapping %(start)s - %(end)s.",
                        grocery=record.grocery_id.display_name,
                        start=record.date_from,
                        end=record.date_to,
                    )
                )

    @api.model
    def _record_current_counts(self, date_from, date_to):
        """One period for every member grocery, with the figures it declared for the months
        of the period (gesmip.grocery.declaration: the most households and the most people of
        a declared month, as this model's totals read), else, when it declared none, the
        numbers on its form today. Those already recorded for an overlapping period are left
        as they are."""
        groceries = self.env["res.partner"].search([("is_grocery", "=", True), ("is_company", "=", True)])
        done = self.search([("date_from", "<=", date_to), ("date_to", ">=", date_from)]).grocery_id
        declared = self._declared_counts(groceries - done, date_from, date_to)
        return self.create(
            [
                {
                    "grocery_id": grocery.id,
                    "date_from": date_from,
                    "date_to": date_to,
                    **declared.get(
                        grocery.id,
                        {"households_count": grocery.households_count, "people_count": grocery.people_count},
                    ),
                }
                for grocery in groceries - done
            ]
        )

    @api.model
    def _declared_counts(self, groceries, date_from, date_to):
        """``{grocery id: {"households_count": n, "people_count": n}}``: the most of a month
        the groceries declared among the months that start within the period."""
        groups = (
            self.env["gesmip.grocery.declaration"]
            .sudo()
            ._read_group(
                [
                    ("grocery_id", "in", groceries.ids),
                    ("state", "=", "declared"),
                    ("month", ">=", date_from),
                    ("month", "<=", date_to),
                ],
                ["grocery_id"],
                ["households_count:max", "people_count:max"],
            )
        )
        return {
            grocery.id: {"households_count": households, "people_count": people}
            for grocery, households, people in groups
        }

    @api.model
    def action_record_current_year(self):
        today = fields.Date.context_today(self)
        self._record_current_counts(today.replace(month=1, day=1), today.replace(month=12, day=31))
        return {"type": "ir.actions.client", "tag": "soft_reload"}
