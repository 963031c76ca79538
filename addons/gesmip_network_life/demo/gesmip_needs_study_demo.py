"""Demo data of the needs study: household interviews typed in from a seeded generator."""

import random

from odoo import Command


def generate_interviews(env, study_ids, count, seed):
    """``count`` finished interviews for each study, drawn from a generator seeded by ``seed``.

    Each household belongs to one of the groceries offered by the questionnaire, has
    1 to 6 people and asks for each variety a weekly quantity that grows with its size.
    """
    rng = random.Random(seed)
    UserInput = env["survey.user_input"]
    for study in env["gesmip.needs.study"].browse(study_ids):
        questions = study.survey_id.question_ids
        grocery_question = questions.filtered(lambda q: q.needs_role == "grocery")[:1]
        size_question = questions.filtered(lambda q: q.needs_role == "household_size")[:1]
        quantity_questions = questions.filtered(lambda q: q.needs_role == "quantity")
        vals_list = []
        for index in range(count):
            choices = grocery_question.suggested_answer_ids
            size = rng.randint(1, 6)
            lines = [
                Command.create(
                    {
                        "question_id": grocery_question.id,
                        "answer_type": "suggestion",
                        "suggested_answer_id": choices[index % len(choices)].id,
                    }
                ),
                Command.create(
                    {
                        "question_id": size_question.id,
                        "answer_type": "numerical_box",
                        "value_numerical_box": size,
                    }
                ),
            ]
            for question in quantity_questions:
                if rng.random() < 0.2:
                    continue  # this household does not want this variety
                quantity = round(rng.uniform(0.2, 0.6) * size, 1)
                lines.append(
                    Command.create(
                        {
                            "question_id": question.id,
                            "answer_type": "numerical_box",
                            "value_numerical_box": quantity,
                        }
                    )
                )
            vals_list.append({"survey_id": study.survey_id.id, "state": "done", "user_input_line_ids": lines})
        UserInput.create(vals_list)
