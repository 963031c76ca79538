from odoo import fields, models


class GesmipDepartment(models.Model):
    """A French département: the territory unit the network reports on."""

    _name = "gesmip.department"
    _description = "Département"
    _order = "code"
    _rec_names_search = ["code", "name"]

    code = fields.Char(required=True, size=3)
    name = fields.Char(required=True, translate=False)
    region = fields.Char()
    active = fields.Boolean(default=True)
    grocery_ids = fields.One2many("res.partner", "department_id", domain=[("is_grocery", "=", True)])
    grocery_count = fields.Integer(compute="_compute_grocery_count")

    _sql_constraints = [
        ("code_unique", "unique(code)", "This département number already exists."),
    ]

    def _compute_grocery_count(self):
        counts = dict(
            self.env["res.partner"]._read_group(
                [("department_id", "in", self.ids), ("is_grocery", "=", True)],
                ["department_id"],
                ["__count"],
            )
        )
        for department in self:
            department.grocery_count = counts.get(department, 0)

    def _compute_display_name(self):
        for department in self:
            department.display_name = f"{department.code} - {department.name}"
