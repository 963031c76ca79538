"""One label names one field: a French user who reads "Statut d'adhésion" on a grocery reads
its one membership status, not a second field with the same label (the pricing tier read
"Statut d'adhésion" too, and was empty). Checked for every field the suite's addons add, in
French, against the other fields of the same model."""

from collections import defaultdict

from odoo.tests import TransactionCase, new_test_user, tagged

from .suite_addons import SUITE

# (model, French label): why two fields of the model may read the same.
SAME_LABEL_ALLOWED = {}


@tagged("post_install", "-at_install")
class TestFieldLabels(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("fr_FR")
        cls.env["ir.module.module"].search([("name", "in", SUITE)])._update_translations("fr_FR")
        cls.manager = new_test_user(
            cls.env,
            login="test_labels_manager",
            groups="alim_food.alim_food_group_manager,sales_team.group_sale_manager,"
            "gesmip_network.gesmip_network_group_coordinator",
            lang="fr_FR",
        )

    def _suite_fields(self):
        data = self.env["ir.model.data"].search([("module", "in", SUITE), ("model", "=", "ir.model.fields")])
        fields = self.env["ir.model.fields"].browse(data.mapped("res_id")).exists()
        by_model = defaultdict(set)
        for field in fields:
            if field.model in self.env and field.name in self.env[field.model]._fields:
                by_model[field.model].add(field.name)
        return by_model

    def test_no_two_fields_read_the_same_in_french(self):
        clashes = []
        for model, names in sorted(self._suite_fields().items()):
            Model = self.env[model].with_user(self.manager).with_context(lang="fr_FR")
            if Model._abstract or not Model.has_access("read"):
                continue
            labels = defaultdict(list)
            for name, description in Model.fields_get(attributes=["string"]).items():
                if name not in Model._fields or Model._fields[name].name.startswith("message_"):
                    continue
                labels[description["string"].strip().lower()].append(name)
            for label, fields in labels.items():
                if len(fields) > 1 and set(fields) & names:
                    if (model, label) not in SAME_LABEL_ALLOWED:
                        clashes.append(f"{model}: {label!r} names {sorted(fields)}")
        self.assertFalse(clashes, "Fields that read the same in French:\n" + "\n".join(clashes))

    def test_a_grocery_shows_its_membership_status_once(self):
        """The partner form the cycle manager opens from a cycle's groceries: one field reads
        "Statut d'adhésion", the grocery's status, and the pricing tier reads otherwise."""
        Partner = self.env["res.partner"].with_user(self.manager).with_context(lang="fr_FR")
        labels = Partner.fields_get(["grocery_status", "member_tier"], attributes=["string"])
        self.assertEqual(labels["grocery_status"]["string"], "Statut d'adhésion")
        self.assertEqual(labels["member_tier"]["string"], "Grille tarifaire")
        arch = Partner.get_view(view_type="form")["arch"]
        self.assertEqual(arch.count('name="grocery_status"'), 1)
