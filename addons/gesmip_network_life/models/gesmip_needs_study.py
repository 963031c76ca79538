from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..lib.needs import Interview, NeedLine, PlanLine, aggregate_weekly_needs, funding_gap, plan_from_needs


class GesmipNeedsStudy(models.Model):
    """Household interviews (a survey) turned into weekly needs, a supply plan and its funding gap."""

    _name = "gesmip.needs.study"
    _description = "Needs Study"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "id desc"

    name = fields.Char(required=True, tracking=True)
    survey_id = fields.Many2one(
        "survey.survey", string="Interview Questionnaire", required=True, tracking=True, ondelete="restrict"
    )
    programme_id = fields.Many2one("gesmip.support.programme", string="Support Programme")
    partner_ids = fields.Many2many(
        "res.partner", string="Partners", help="NGO or funders working on the study."
    )
    grocery_ids = fields.Many2many(
        "res.partner",
        "gesmip_needs_study_grocery_rel",
        "study_id",
        "grocery_id",
        string="Groceries Concerned",
        domain=[("is_grocery", "=", True)],
        required=True,
    )
    households_count = fields.Integer(string="Households Served", compute="_compute_households_count")
    interview_count = fields.Integer(
        string="Interviews", compute="_compute_interview_count", compute_sudo=True
    )
    need_line_ids = fields.One2many("gesmip.needs.line", "study_id", string="Weekly Needs")
    plan_line_ids = fields.One2many("gesmip.supply.plan.line", "study_id", string="Supply Plan")
    currency_id = fields.Many2one(
        "res.currency", required=True, default=lambda self: self.env.company.currency_id
    )
    household_payment_rate = fields.Float(
        string="Households Pay (%)",
        default=20.0,
        help="Share of the cost that households pay at the grocery (10 to 30 % of the usual price).",
    )
    grocery_contribution = fields.Monetary(
        string="Groceries Pay", currency_field="currency_id", help="What the groceries put in themselves."
    )
    total_cost = fields.Monetary(currency_field="currency_id", compute="_compute_funding", store=True)
    households_payment = fields.Monetary(
        string="Households' Payment", currency_field="currency_id", compute="_compute_funding", store=True
    )
    funding_gap = fields.Monetary(currency_field="currency_id", compute="_compute_funding", store=True)
    conclusion = fields.Html()

    @api.depends("grocery_ids.households_count")
    def _compute_households_count(self):
        for study in self:
            study.households_count = sum(study.grocery_ids.mapped("households_count"))

    def _get_interview_inputs(self):
        self.ensure_one()
        return self.env["survey.user_input"].search(
            [("survey_id", "=", self.survey_id.id), ("state", "=", "done"), ("test_entry", "=", False)]
        )

    @api.depends("survey_id")
    def _compute_interview_count(self):
        for study in self:
            study.interview_count = len(study._get_interview_inputs()) if study.survey_id else 0

    @api.depends("plan_line_ids.cost", "household_payment_rate", "grocery_contribution")
    def _compute_funding(self):
        for study in self:
            plan = [
                PlanLine(line.variety_id.id, line.season, line.quantity, line.expected_price)
                for line in study.plan_line_ids
            ]
            total = round(sum(p.cost for p in plan), 2)
            households = round(total * study.household_payment_rate / 100.0, 2)
            study.total_cost = total
            study.households_payment = households
            study.funding_gap = funding_gap(total, households, max(study.grocery_contribution, 0.0))

    @api.constrains("household_payment_rate", "grocery_contribution")
    def _check_payments(self):
        for study in self:
            if not 0 <= study.household_payment_rate <= 100 or study.grocery_contribution < 0:
                raise ValidationError(
                    self.env._(
                        "The households' share is a percentage between 0 and 100, and the groceries' "
                        "contribution cannot be negative."
                    )
                )

    def _read_interviews(self):
        """The done survey answers of the study as plain :class:`Interview` tuples."""
        self.ensure_one()
        interviews = []
        for user_input in self._get_interview_inputs():
            grocery, size, quantities = False, 1, {}
            for line in user_input.user_input_line_ids.filtered(lambda rec: not rec.skipped):
                role = line.question_id.needs_role
                if role == "grocery":
                    grocery = line.suggested_answer_id.needs_grocery_id.id
                elif role == "household_size":
                    size = int(line.value_numerical_box or 0)
                elif role == "quantity":
                    variety = line.question_id.needs_variety_id
                    key = (variety.family, variety.id)
                    quantities[key] = quantities.get(key, 0.0) + (line.value_numerical_box or 0.0)
            if size < 1:
                raise UserError(
                    self.env._(
                        "Interview %(interview)s gives a household of %(size)s people: correct it first.",
                        interview=user_input.display_name,
                        size=size,
                    )
                )
            interviews.append(Interview(grocery, size, quantities))
        return interviews

    def action_compute_needs(self):
        """Aggregate the interviews into weekly needs per variety for the groceries concerned."""
        for study in self:
            interviews = study._read_interviews()
            if not interviews:
                raise UserError(
                    self.env._("The study %(name)s has no completed interview yet.", name=study.name)
                )
            households = {grocery.id: grocery.households_count for grocery in study.grocery_ids}
            needs = aggregate_weekly_needs(interviews, households)
            study.need_line_ids.unlink()
            self.env["gesmip.needs.line"].create([study._prepare_need_line_vals(need) for need in needs])
        return True

    def _prepare_need_line_vals(self, need):
        return {
            "study_id": self.id,
            "family": need.family,
            "variety_id": need.variety,
            "interview_count": need.interviews,
            "mean_per_household": need.mean_per_household,
            "weekly_quantity": need.weekly_quantity,
        }

    def action_generate_plan(self):
        """A supply plan for a year: each weekly need over the seasons in which the variety grows
        (its season table), at the variety's price, with the producer who could grow it."""
        for study in self:
            if not study.need_line_ids:
                raise UserError(
                    self.env._("Compute the weekly needs of the study %(name)s first.", name=study.name)
                )
            needs = [
                NeedLine(
                    line.family,
                    line.variety_id,
                    line.interview_count,
                    line.mean_per_household,
                    line.weekly_quantity,
                )
                for line in study.need_line_ids
            ]
            varieties = study.need_line_ids.variety_id
            prices = {variety: variety.expected_price for variety in varieties}
            months = {variety: variety._available_months() for variety in varieties}
            producers = {variety: variety.producer_ids[:1] for variety in varieties if variety.producer_ids}
            plan = plan_from_needs(needs, prices, months=months, producers=producers)
            study.plan_line_ids.unlink()
            self.env["gesmip.supply.plan.line"].create([study._prepare_plan_line_vals(line) for line in plan])
        return True

    def _prepare_plan_line_vals(self, plan_line):
        return {
            "study_id": self.id,
            "variety_id": plan_line.variety.id,
            "season": plan_line.season,
            "quantity": plan_line.quantity,
            "expected_price": plan_line.unit_price,
            "farmer_id": plan_line.producer.id if plan_line.producer else False,
        }

    def action_view_interviews(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("survey.action_survey_user_input")
        action["domain"] = [("survey_id", "=", self.survey_id.id)]
        action["context"] = {"default_survey_id": self.survey_id.id}
        return action
