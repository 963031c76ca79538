from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from odoo.addons.gesmip_network.tests.common import GesmipNetworkCommon


@tagged("post_install", "-at_install")
class TestNeedsStudy(GesmipNetworkCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env(user=cls.coordinator)
        Variety = env["gesmip.needs.variety"]
        cls.carrot = Variety.create({"name": "Carrot", "family": "vegetables", "expected_price": 1.5})
        cls.apple = Variety.create({"name": "Apple", "family": "fruit", "expected_price": 2.0})
        cls.survey = env["survey.survey"].create({"title": "Household needs"})
        Question = env["survey.question"]
        cls.q_grocery = Question.create(
            {
                "survey_id": cls.survey.id,
                "title": "Your grocery",
                "question_type": "simple_choice",
                "needs_role": "grocery",
                "suggested_answer_ids": [
                    (0, 0, {"value": "A", "needs_grocery_id": cls.grocery_a.id}),
                    (0, 0, {"value": "B", "needs_grocery_id": cls.grocery_b.id}),
                ],
            }
        )
        cls.q_size = Question.create(
            {
                "survey_id": cls.survey.id,
                "title": "People in the household",
                "question_type": "numerical_box",
                "needs_role": "household_size",
            }
        )
        cls.q_carrot = Question.create(
            {
                "survey_id": cls.survey.id,
                "title": "Carrots per week (kg)",
                "question_type": "numerical_box",
                "needs_role": "quantity",
                "needs_variety_id": cls.carrot.id,
            }
        )
        cls.q_apple = Question.create(
            {
                "survey_id": cls.survey.id,
                "title": "Apples per week (kg)",
                "question_type": "numerical_box",
                "needs_role": "quantity",
                "needs_variety_id": cls.apple.id,
            }
        )
        cls.answer_a, cls.answer_b = cls.q_grocery.suggested_answer_ids
        cls._interview(cls.answer_a, 3, carrot=2, apple=1)
        cls._interview(cls.answer_a, 2, carrot=4)
        cls._interview(cls.answer_b, 4, carrot=1, apple=3)
        cls._interview(cls.answer_b, 4, carrot=100, apple=100, state="in_progress")  # not finished: ignored

    @classmethod
    def _interview(cls, grocery_answer, size, carrot=None, apple=None, state="done"):
        lines = [
            (
                0,
                0,
                {
                    "question_id": cls.q_grocery.id,
                    "answer_type": "suggestion",
                    "suggested_answer_id": grocery_answer.id,
                },
            ),
            (
                0,
                0,
                {"question_id": cls.q_size.id, "answer_type": "numerical_box", "value_numerical_box": size},
            ),
        ]
        for question, value in ((cls.q_carrot, carrot), (cls.q_apple, apple)):
            if value is not None:
                lines.append(
                    (
                        0,
                        0,
                        {
                            "question_id": question.id,
                            "answer_type": "numerical_box",
                            "value_numerical_box": value,
                        },
                    )
                )
        return (
            cls.env["survey.user_input"]
            .with_user(cls.coordinator)
            .create({"survey_id": cls.survey.id, "state": state, "user_input_line_ids": lines})
        )

    def _study(self):
        return (
            self.env["gesmip.needs.study"]
            .with_user(self.coordinator)
            .create(
                {
                    "name": "Needs of A and B",
                    "survey_id": self.survey.id,
                    "grocery_ids": [(6, 0, [self.grocery_a.id, self.grocery_b.id])],
                    "household_payment_rate": 20.0,
                    "grocery_contribution": 5000.0,
                }
            )
        )

    def test_weekly_needs_plan_and_funding_gap(self):
        study = self._study()
        self.assertEqual(study.interview_count, 3)
        self.assertEqual(study.households_count, 160)
        study.action_compute_needs()
        needs = {line.variety_id: line for line in study.need_line_ids}
        # Carrots: A mean (2 + 4) / 2 = 3 kg x 120 households + B 1 kg x 40 households.
        self.assertAlmostEqual(needs[self.carrot].weekly_quantity, 400.0)
        self.assertEqual(needs[self.carrot].interview_count, 3)
        # Apples: A mean (1 + 0) / 2 x 120 + B 3 x 40.
        self.assertAlmostEqual(needs[self.apple].weekly_quantity, 180.0)
        self.assertEqual(needs[self.apple].family, "fruit")

        study.action_generate_plan()
        self.assertEqual(len(study.plan_line_ids), 8)  # 2 varieties x 4 seasons
        carrot_lines = study.plan_line_ids.filtered(lambda line: line.variety_id == self.carrot)
        self.assertAlmostEqual(sum(carrot_lines.mapped("quantity")), 400.0 * 52)
        # 20,800 kg x 1.50 + 9,360 kg x 2.00
        self.assertAlmostEqual(study.total_cost, 49920.0)
        self.assertAlmostEqual(study.households_payment, 9984.0)
        self.assertAlmostEqual(study.funding_gap, 49920.0 - 9984.0 - 5000.0)

        # The coordinator sets a farmer and a better price on a line: the gap follows.
        winter = carrot_lines.filtered(lambda line: line.season == "winter")
        farmer = self.env["res.partner"].create({"name": "GAEC des Collines"})
        winter.with_user(self.coordinator).write({"farmer_id": farmer.id, "expected_price": 1.0})
        self.assertAlmostEqual(study.total_cost, 49920.0 - 5200 * 0.5)

    def test_plan_follows_the_season_table_and_names_the_producer(self):
        """Apples from September to April: no summer line; the carrot grower on every carrot line."""
        farmer = self.env["res.partner"].create({"name": "GAEC des Collines", "is_company": True})
        self.apple.with_user(self.coordinator).write({f"month_{month:02d}": False for month in (5, 6, 7, 8)})
        self.carrot.with_user(self.coordinator).producer_ids = farmer
        study = self._study()
        study.action_compute_needs()
        study.action_generate_plan()

        apple_lines = study.plan_line_ids.filtered(lambda line: line.variety_id == self.apple)
        # Weekly need 180 kg: 13 weeks in autumn and winter, March and April in spring.
        self.assertEqual(
            {line.season: line.quantity for line in apple_lines},
            {"spring": 1560.0, "autumn": 2340.0, "winter": 2340.0},
        )
        self.assertFalse(apple_lines.farmer_id)  # no producer known for apples
        carrot_lines = study.plan_line_ids.filtered(lambda line: line.variety_id == self.carrot)
        self.assertEqual(len(carrot_lines), 4)  # all year
        self.assertEqual(carrot_lines.mapped("farmer_id"), farmer)
        self.assertTrue(all(line.farmer_id == farmer for line in carrot_lines))
        # 20,800 kg of carrots x 1.50 + 6,240 kg of apples x 2.00
        self.assertAlmostEqual(study.total_cost, 31200.0 + 12480.0)

        with self.assertRaisesRegex(ValidationError, "at least one month"), self.env.cr.savepoint():
            self.apple.with_user(self.coordinator).write(
                {f"month_{month:02d}": False for month in range(1, 13)}
            )
        with self.assertRaises(AccessError):
            self.apple.with_user(self.platform_user).month_12 = False

    def test_study_refusals(self):
        study = self._study()
        with self.assertRaisesRegex(UserError, "Compute the weekly needs"):
            study.action_generate_plan()
        empty_survey = self.env["survey.survey"].with_user(self.coordinator).create({"title": "Empty"})
        study.survey_id = empty_survey
        with self.assertRaisesRegex(UserError, "no completed interview"):
            study.action_compute_needs()
        with self.assertRaisesRegex(ValidationError, "percentage"), self.env.cr.savepoint():
            study.household_payment_rate = 120
        with self.assertRaisesRegex(ValidationError, "say of which variety"), self.env.cr.savepoint():
            self.q_carrot.with_user(self.coordinator).needs_variety_id = False
        with self.assertRaisesRegex(ValidationError, "single choice"), self.env.cr.savepoint():
            self.q_size.with_user(self.coordinator).needs_role = "grocery"

    def test_platform_user_cannot_edit_study(self):
        study = self._study()
        study.action_compute_needs()
        as_platform = study.with_user(self.platform_user)
        self.assertEqual(len(as_platform.need_line_ids), 2)  # can read
        self.assertEqual(Form(as_platform).interview_count, 3)  # and open the form
        with self.assertRaises(AccessError):
            as_platform.write({"grocery_contribution": 0})
        with self.assertRaises(AccessError):
            as_platform.action_compute_needs()
        with self.assertRaises(AccessError):
            self.env["gesmip.needs.variety"].with_user(self.platform_user).create({"name": "Leek"})

    def test_coordinator_creates_study_with_form_and_prints_it(self):
        with Form(self.env["gesmip.needs.study"].with_user(self.coordinator)) as form:
            form.name = "Study from the form"
            form.survey_id = self.survey
            form.grocery_ids.add(self.grocery_a)
        study = form.record
        study.action_compute_needs()
        study.action_generate_plan()
        html = self.env["ir.actions.report"]._render_qweb_html(
            "gesmip_network_life.gesmip_needs_study_report", study.ids
        )[0]
        self.assertIn(b"Funding gap", html)
        self.assertIn(b"Carrot", html)

    def test_demo_interviews_from_the_demo_folder(self):
        """The demo XML generates interviews with the generator kept in demo/, run by the loader."""
        study = self._study()
        generator = "gesmip_network_life.demo.gesmip_needs_study_demo.generate_interviews"
        with self.assertRaises(AccessError):
            self.env["gesmip.demo"].with_user(self.coordinator)._generate(generator, study.ids, 5, 1)
        with self.assertRaises(ValueError):
            self.env["gesmip.demo"]._generate("gesmip_network.models.gesmip_needs_study.x", study.ids)
        self.env["gesmip.demo"]._generate(generator, study.ids, 12, 13)
        study.invalidate_recordset(["interview_count"])
        self.assertEqual(study.interview_count, 3 + 12)
        self.assertFalse(hasattr(self.env["gesmip.needs.study"], "_demo_generate_interviews"))
