from odoo.tests import TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestOrderCycleJobLabels(TransactionCase):
    """The background task's state reads in French on the cycle's form ("En attente", not
    "Queued") once the addon's French is loaded, as Odoo loads it when the addon is installed."""

    def test_job_state_labels_in_french_for_the_cycle_manager(self):
        self.env["res.lang"]._activate_lang("fr_FR")
        manager = new_test_user(
            self.env,
            login="test_labels_manager",
            groups="alim_food.alim_food_group_manager,sales_team.group_sale_manager",
            lang="fr_FR",
        )
        Module = self.env["ir.module.module"]
        # a French database: gesmip_base's French loaded at its install, when the cycle's
        # labels did not exist yet (Odoo creates them in English with alim_catalogue)
        Module.search([("name", "=", "gesmip_base")])._update_translations("fr_FR")
        self.env.flush_all()
        self.env.cr.execute(
            """UPDATE ir_model_fields_selection SET name = jsonb_build_object('en_US', name->>'en_US')
                WHERE field_id = %s""",
            [self.env["ir.model.fields"]._get("alim.order.cycle", "job_state").id],
        )
        self.env.invalidate_all()
        self.env.registry.clear_cache()
        # then alim_catalogue installed: Odoo loads its French
        Module.search([("name", "=", "alim_catalogue")])._update_translations("fr_FR")
        selection = dict(
            self.env["alim.order.cycle"]
            .with_user(manager)
            .with_context(lang=manager.lang)  # as the web client asks, in the user's language
            .fields_get(["job_state"])["job_state"]["selection"]
        )
        self.assertEqual(
            selection,
            {"queued": "En attente", "running": "En cours", "done": "Terminée", "failed": "En échec"},
        )
