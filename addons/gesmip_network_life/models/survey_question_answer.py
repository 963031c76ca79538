from odoo import fields, models


class SurveyQuestionAnswer(models.Model):
    _inherit = "survey.question.answer"

    needs_grocery_id = fields.Many2one(
        "res.partner",
        string="Grocery",
        domain=[("is_grocery", "=", True)],
        help="The grocery this choice stands for, in a needs study questionnaire.",
    )
