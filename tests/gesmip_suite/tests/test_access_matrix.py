"""The access matrix: every model the suite defines, for every role, read / write / create /
delete as kept in ``tests/access_matrix.csv``. A model added without its rows fails here, with
the rows it would need printed, to be reviewed and pasted into the table. The administrator
is the database's own admin user, with the groups the addons give it."""

import csv
from pathlib import Path

from odoo.tests import TransactionCase, new_test_user, tagged

from .suite_addons import SUITE

OPERATIONS = ("read", "write", "create", "unlink")
ROLES = {
    "grocery_portal": "gesmip_network.gesmip_network_group_grocery",
    "platform_staff": "gesmip_network.gesmip_network_group_user",
    "warehouse": "alim_food.alim_food_group_warehouse",
    "platform_manager": "alim_food.alim_food_group_manager",
    "lab": "alim_repack.alim_repack_group_lab",
    "accountant": "account.group_account_invoice",
    "coordinator": "gesmip_network.gesmip_network_group_coordinator",
    "ge_employee": "ge_ames.ge_ames_group_employee",
    "ge_manager": "ge_ames.ge_ames_group_manager",
}
MATRIX = Path(__file__).parent / "access_matrix.csv"


@tagged("post_install", "-at_install")
class TestAccessMatrix(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.users = {
            role: new_test_user(cls.env, login=f"matrix_{role}", groups=g) for role, g in ROLES.items()
        }
        cls.users["administrator"] = cls.env.ref("base.user_admin")

    def _suite_models(self):
        data = self.env["ir.model.data"].search([("module", "in", SUITE), ("model", "=", "ir.model")])
        models = self.env["ir.model"].browse(data.mapped("res_id")).exists()
        return sorted(
            m.model
            for m in models
            if m.model in self.env
            and self.env[m.model]._original_module in SUITE
            and not m.transient
            and not self.env[m.model]._abstract
        )

    def _actual(self, model, role):
        records = self.env[model].with_user(self.users[role])
        return tuple(int(records.has_access(op)) for op in OPERATIONS)

    def test_matrix_covers_every_model_and_holds(self):
        with MATRIX.open(encoding="utf-8") as handle:
            table = {
                (row["model"], row["role"]): tuple(int(row[op]) for op in OPERATIONS)
                for row in csv.DictReader(handle)
            }
        missing, wrong = [], []
        for model in self._suite_models():
            for role in self.users:
                actual = self._actual(model, role)
                expected = table.get((model, role))
                if expected is None:
                    missing.append(",".join([model, role, *map(str, actual)]))
                elif expected != actual:
                    wrong.append(f"{model} as {role}: expected {expected}, actual {actual}")
        self.assertFalse(
            missing,
            "Models without rows in tests/gesmip_suite/tests/access_matrix.csv (review, then add):\n"
            + "\n".join(missing),
        )
        self.assertFalse(wrong, "Access differs from the matrix:\n" + "\n".join(wrong))
