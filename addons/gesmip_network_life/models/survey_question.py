from odoo import api, fields, models
from odoo.exceptions import ValidationError


class SurveyQuestion(models.Model):
    _inherit = "survey.question"

    needs_role = fields.Selection(
        [
            ("grocery", "Grocery of the Household"),
            ("household_size", "Household Size"),
            ("quantity", "Weekly Quantity of a Variety"),
        ],
        string="Needs Study Role",
        help="How a needs study reads the answers to this question.",
    )
    needs_variety_id = fields.Many2one("gesmip.needs.variety", string="Variety", ondelete="restrict")

    @api.constrains("needs_role", "question_type", "needs_variety_id")
    def _check_needs_role(self):
        expected = {
            "grocery": "simple_choice",
            "household_size": "numerical_box",
            "quantity": "numerical_box",
        }
        for question in self.filtered("needs_role"):
            if question.question_type != expected[question.needs_role]:
                raise ValidationError(
                    self.env._(
                        "Question %(title)s: a needs study reads the grocery from a single choice "
                        "and sizes and quantities from numbers.",
                        title=question.title,
                    )
                )
            if question.needs_role == "quantity" and not question.needs_variety_id:
                raise ValidationError(
                    self.env._(
                        "Question %(title)s asks a quantity: say of which variety.", title=question.title
                    )
                )
