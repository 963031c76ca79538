from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.osv import expression

from ..lib.declaration import previous_month

GROCERY_STATUSES = [
    ("project", "Project"),
    ("new", "New"),
    ("active", "Active"),
    ("suspended", "Suspended"),
    ("left", "Left"),
]

# The statuses in which a grocery takes part in the network's supply (invited to order
# cycles, its standing order applied, ordered for, delivered): a project, a suspended
# grocery or one that left takes part in nothing.
TAKING_PART_STATUSES = ("new", "active")

# Fields that describe a grocery's membership: only network coordinators change them.
NETWORK_FIELDS = {
    "is_grocery",
    "grocery_status",
    "grocery_status_since",
    "grocery_kind",
    "households_count",
    "people_count",
    "department_id",
    "grocery_opening_date",
}


class ResPartner(models.Model):
    _inherit = "res.partner"

    is_grocery = fields.Boolean(
        string="Member Grocery",
        help="This organisation is a social or solidarity grocery of the network.",
        tracking=True,
    )
    grocery_status = fields.Selection(
        GROCERY_STATUSES,
        string="Membership Status",
        default="project",
        tracking=True,
        group_expand="_group_expand_grocery_status",
    )
    grocery_status_since = fields.Date(
        string="Status Since",
        compute="_compute_grocery_status_since",
        store=True,
        readonly=False,
        help="Date of the last change of membership status.",
    )
    grocery_kind = fields.Selection(
        [
            ("sociale", "Social Grocery"),
            ("solidaire", "Solidarity Grocery"),
            ("other", "Other Association"),
        ],
        tracking=True,
    )
    households_count = fields.Integer(
        string="Households Served",
        tracking=True,
        help="Number of households served: the base of fair allocation.",
    )
    people_count = fields.Integer(string="People Served", tracking=True)
    department_id = fields.Many2one("gesmip.department", index=True, tracking=True)
    grocery_opening_date = fields.Date(string="Opening Date")
    grocery_role = fields.Selection(
        [("volunteer", "Volunteer"), ("staff", "Employee")],
        string="Role in the Grocery",
        help="For the contacts of a grocery: volunteer or employee.",
    )
    grocery_user_ids = fields.Many2many(
        "res.users", string="Portal Users", compute="_compute_grocery_user_ids"
    )

    @api.model
    def _gesmip_taking_part_domain(self):
        """The groceries that take part in the network's supply (see TAKING_PART_STATUSES)."""
        return [("is_grocery", "=", True), ("grocery_status", "in", TAKING_PART_STATUSES)]

    def _gesmip_not_taking_part(self):
        """Those of these partners (their organisations) that take part in nothing."""
        return self.commercial_partner_id.filtered(
            lambda partner: not (partner.is_grocery and partner.grocery_status in TAKING_PART_STATUSES)
        )

    def _gesmip_check_takes_part(self):
        """Refuse, in words a grocery understands, when one of these partners' organisations
        does not take part in the network's supply (an order, a form of the portal)."""
        refused = self._gesmip_not_taking_part()[:1]
        if refused:
            statuses = dict(self._fields["grocery_status"]._description_selection(self.env))
            status = (
                statuses.get(refused.grocery_status) if refused.is_grocery else self.env._("not a member")
            )
            raise UserError(
                self.env._(
                    "%(grocery)s does not take part in the network's orders (membership: %(status)s).",
                    grocery=refused.display_name,
                    status=status,
                )
            )

    @api.model
    def _group_expand_grocery_status(self, statuses, domain):
        # The kanban shows every status as a column, in the life-cycle order.
        return [key for key, _label in GROCERY_STATUSES]

    @api.depends("is_grocery", "grocery_status")
    def _compute_grocery_status_since(self):
        today = fields.Date.context_today(self)
        for partner in self:
            partner.grocery_status_since = today if partner.is_grocery else False

    def _compute_grocery_user_ids(self):
        users = self.env["res.users"].search([("commercial_partner_id", "in", self.ids)])
        for partner in self:
            partner.grocery_user_ids = users.filtered(lambda u, p=partner: u.commercial_partner_id == p)

    @api.constrains("households_count", "people_count")
    def _check_gesmip_households(self):
        for partner in self:
            if partner.households_count < 0 or partner.people_count < 0:
                raise ValidationError(
                    self.env._(
                        "The number of households and of people served cannot be "
                        "negative (grocery %(name)s).",
                        name=partner.display_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        if any(vals.get("is_grocery") for vals in vals_list):
            self._gesmip_check_network_write_allowed()
        return super().create(vals_list)

    def write(self, vals):
        if NETWORK_FIELDS & vals.keys() and (vals.get("is_grocery") or any(self.mapped("is_grocery"))):
            self._gesmip_check_network_write_allowed()
        return super().write(vals)

    def _gesmip_check_network_write_allowed(self):
        """Membership data belongs to the network: coordinators only."""
        if self.env.su or self.env.user.has_group("gesmip_network.gesmip_network_group_coordinator"):
            return
        raise AccessError(self.env._("Only a network coordinator can change a grocery's membership data."))

    # --- Partner platforms of the national union ---------------------------------------
    is_partner_platform = fields.Boolean(
        string="Partner Platform",
        help="Another regional supply platform of the national union (UGESS).",
    )
    platform_region = fields.Char()

    # --- Monthly figures declared to the network (gesmip.grocery.declaration) ---------------
    declaration_ids = fields.One2many("gesmip.grocery.declaration", "grocery_id", string="Monthly Figures")
    grocery_declared_month = fields.Date(
        string="Last Month Declared",
        compute="_compute_grocery_households_used",
        help="The latest month whose figures the grocery declared.",
    )
    grocery_households_used = fields.Integer(
        string="Households Used",
        compute="_compute_grocery_households_used",
        help="The households of the latest month the grocery declared, else the households "
        "served on its form: the base of fair allocation.",
    )
    grocery_declaration_late = fields.Boolean(
        string="Last Month Not Declared",
        compute="_compute_grocery_declaration_late",
        search="_search_grocery_declaration_late",
        help="The grocery takes part in the network's supply and has not declared its figures of last month.",
    )

    def _gesmip_latest_declarations(self):
        """``{grocery id: its latest declared month's declaration}`` for these partners'
        organisations (read as superuser: figures are not secret to the reader's own
        grocery, and staff read them all)."""
        groceries = self.commercial_partner_id
        declarations = (
            self.env["gesmip.grocery.declaration"]
            .sudo()
            .search(
                [("grocery_id", "in", groceries.ids), ("state", "=", "declared")], order="month desc, id desc"
            )
        )
        latest = {}
        for declaration in declarations:
            latest.setdefault(declaration.grocery_id.id, declaration)
        return latest

    def _compute_grocery_households_used(self):
        latest = self._gesmip_latest_declarations() if self.ids else {}
        for partner in self:
            declaration = latest.get(partner.commercial_partner_id.id)
            partner.grocery_declared_month = declaration.month if declaration else False
            grocery = partner.commercial_partner_id
            partner.grocery_households_used = (
                declaration.households_count if declaration else grocery.households_count
            )

    @api.model
    def _gesmip_declaration_expected_domain(self, month):
        """The groceries that owe the network their figures of ``month`` (a first day of
        month): those taking part in the supply, opened before the month ended."""
        next_month = month + relativedelta(months=1)
        return [
            *self._gesmip_taking_part_domain(),
            ("is_company", "=", True),
            "|",
            ("grocery_opening_date", "=", False),
            ("grocery_opening_date", "<", next_month),
        ]

    def _gesmip_undeclared(self, month):
        """Those of these partners' organisations that owe their figures of ``month`` and have
        not declared them."""
        groceries = self.commercial_partner_id.filtered_domain(
            self._gesmip_declaration_expected_domain(month)
        )
        declared = (
            self.env["gesmip.grocery.declaration"]
            .sudo()
            .search([("grocery_id", "in", groceries.ids), ("month", "=", month), ("state", "=", "declared")])
            .grocery_id
        )
        return groceries - declared

    def _compute_grocery_declaration_late(self):
        month = previous_month(fields.Date.context_today(self))
        late = self._gesmip_undeclared(month)
        for partner in self:
            partner.grocery_declaration_late = partner in late

    def _search_grocery_declaration_late(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on the late declarations."))
        month = previous_month(fields.Date.context_today(self))
        declared = (
            self.env["gesmip.grocery.declaration"]
            .sudo()
            ._search([("month", "=", month), ("state", "=", "declared")])
        )
        late_domain = [
            *self._gesmip_declaration_expected_domain(month),
            ("id", "not in", declared.subselect("grocery_id")),
        ]
        if (operator == "=") == value:
            return late_domain
        return ["!", *expression.normalize_domain(late_domain)]
