"""Module split (alim_catalogue 18.0.2): the food, donation and round records used to belong
to alim_catalogue. Before a new addon installs on a database where alim_catalogue was
installed, its external ids are handed over to it, so that the records (and what refers to
them) are kept and updated instead of created again and the old ones deleted.

alim_food is the first of them to install (alim_catalogue depends on it): its hook also
marks alim_donation and alim_rounds for installation, so that the donations' views and
fields are back before alim_catalogue's own views are checked, and nothing that
alim_catalogue no longer declares is removed at the end of the update."""

import json
import logging

from odoo.addons.gesmip_base.module_split import declared_models
from odoo.addons.gesmip_base.module_split import declared_xmlids as split_declared_xmlids

_logger = logging.getLogger(__name__)

OLD_MODULE = "alim_catalogue"
# external ids renamed in the split: old name -> new name
RENAMED = {
    "alim_catalogue_group_warehouse": "alim_food_group_warehouse",
    "alim_catalogue_group_manager": "alim_food_group_manager",
    "alim_catalogue_menu_root": "alim_food_menu_root",
    "alim_catalogue_menu_config": "alim_food_menu_config",
    "alim_catalogue_menu_logistics": "alim_food_menu_logistics",
    "alim_catalogue_menu_donations": "alim_donation_menu",
}


def declared_xmlids(module):
    """External ids (without module) that an addon declares: its data and demo records, its
    access rules and its models; and its models, whose fields follow them."""
    models = declared_models(module)
    return split_declared_xmlids(module) | {"model_" + model.replace(".", "_") for model in models}, models


def _like_patterns(model):
    """LIKE patterns of the external ids of a model's fields (field_<model>__<name>) and SQL
    constraints (constraint_<table>_<name>)."""
    escaped = model.replace(".", "\\_")
    return ["field\\_" + escaped + "\\_\\_%", "constraint\\_" + escaped + "\\_%"]


def adopt_xmlids(env, module):
    """Hand the external ids that ``module`` declares over from alim_catalogue."""
    cr = env.cr
    # only on an update of a database that had the old addon, not on a new install of both
    if not _old_module_installed(cr):
        return
    names, models = declared_xmlids(module)
    # what the old addon still declares stays its own
    names -= split_declared_xmlids(OLD_MODULE)
    old_names = {old for old, new in RENAMED.items() if new in names}
    cr.execute(
        """
        UPDATE ir_model_data
           SET module = %(module)s,
               name = COALESCE((%(renamed)s::jsonb) ->> name, name)
         WHERE module = %(old)s
           AND (name = ANY(%(names)s)
                OR name LIKE ANY(%(field_patterns)s))
        """,
        {
            "module": module,
            "old": OLD_MODULE,
            "renamed": json.dumps(RENAMED),
            "names": list(names | old_names),
            "field_patterns": [pattern for model in models for pattern in _like_patterns(model)] or ["-"],
        },
    )
    _logger.info("%s: %s external ids handed over from %s", module, cr.rowcount, OLD_MODULE)
    # the SQL constraints follow their external ids, so that uninstalling one addon some day
    # does not drop the constraint of the other
    cr.execute(
        """
        UPDATE ir_model_constraint constraint_
           SET module = new_module.id
          FROM ir_model_data data, ir_module_module new_module
         WHERE data.model = 'ir.model.constraint' AND data.res_id = constraint_.id
           AND data.module = %(module)s AND new_module.name = %(module)s
        """,
        {"module": module},
    )


def _old_module_installed(cr):
    cr.execute(
        "SELECT 1 FROM ir_module_module WHERE name = %s AND state IN ('installed', 'to upgrade')",
        [OLD_MODULE],
    )
    return bool(cr.fetchone())


def _rename_groups_in_views(cr):
    """The views stored by the old addon name its groups by their old external ids: they
    name the renamed ones, so that checking those views before alim_catalogue reloads them
    finds every group (no "group does not exist" warning during the update)."""
    for old, new in RENAMED.items():
        if "_group_" not in old:
            continue
        cr.execute(
            """UPDATE ir_ui_view
                  SET arch_db = replace(arch_db::text, %(old)s, %(new)s)::jsonb
                WHERE arch_db::text LIKE %(like)s""",
            {"old": f"{OLD_MODULE}.{old}", "new": f"alim_food.{new}", "like": f"%{OLD_MODULE}.{old}%"},
        )


def pre_init_hook(env):
    if not _old_module_installed(env.cr):
        return
    adopt_xmlids(env, "alim_food")
    _rename_groups_in_views(env.cr)
    split_off = env["ir.module.module"].search(
        [("name", "in", ("alim_donation", "alim_rounds")), ("state", "=", "uninstalled")]
    )
    split_off.button_install()
    # their demo records came with alim_catalogue's: loading their demo data again would
    # create the demo donations and rounds twice
    split_off.write({"demo": False})


def post_init_hook(env):
    """On a database of the five-addon layout, the dated products already exist: they follow
    lots now, as the 18.0.1.1.0 migration does on an update of alim_food itself."""
    if not _old_module_installed(env.cr):
        return
    Template = env["product.template"].with_context(active_test=False)
    Template.search([("food_date_type", "in", ("dlc", "ddm"))])._alim_track_dated()
