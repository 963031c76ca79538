"""18.0.2.0.0: gesmip_network keeps the member groceries; the network's events and
trainings, calls for projects, support programmes and needs studies move to the new addon
gesmip_network_life, installed here with the records handed over (nothing is created again,
nothing is removed). The mixins, the demo runner and the portal's time zone moved to
gesmip_base, whose pre_init_hook takes them.

Read by tools/upgrade_check.py: HANDED_OVER (what moves), RETIRED (nothing)."""

from odoo import SUPERUSER_ID, api

from odoo.addons.gesmip_base.module_split import hand_over

HANDED_OVER = {
    "gesmip_network_life": {
        "models": [
            "gesmip.event.theme",
            "gesmip.call.project",
            "gesmip.support.programme",
            "gesmip.support.need",
            "gesmip.needs.variety",
            "gesmip.needs.line",
            "gesmip.supply.plan.line",
            "gesmip.needs.study",
        ],
        "fields": {
            "event.event": [
                "is_network_event",
                "network_theme_id",
                "network_published",
                "network_minutes",
                "support_programme_id",
                "network_document_ids",
                "network_grocery_count",
                "network_seats_per_grocery",
            ],
            "event.registration": ["grocery_id", "is_network_event", "network_theme_id"],
            "survey.question": ["needs_role", "needs_variety_id"],
            "survey.question.answer": ["needs_grocery_id"],
            "res.partner": [
                "network_registration_ids",
                "network_registration_count",
                "network_attended_event_count",
            ],
        },
    },
}
RETIRED = {}


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    for new_module, moved in HANDED_OVER.items():
        hand_over(cr, "gesmip_network", new_module, models=moved["models"], fields=moved["fields"])
        module = env["ir.module.module"].search([("name", "=", new_module), ("state", "=", "uninstalled")])
        module.button_install()
        # its demo records came with gesmip_network's: loading them again would run the demo
        # generators (the needs study's interviews) a second time
        module.write({"demo": False})
