"""Module splits: records handed over from one addon to another, so that an update keeps
them (and what refers to them) instead of creating them again and deleting the old ones.

Called from the pre-migration of the addon that gives records away, or from the
``pre_init_hook`` of the addon that takes them when it installs before the giver's update.
The moves themselves are openupgradelib's."""

import ast
import csv
import logging
from pathlib import Path

from lxml import etree
from openupgradelib import openupgrade

from odoo.models import MetaModel
from odoo.modules.module import get_module_path

_logger = logging.getLogger(__name__)

# the elements of Odoo's data files that declare a record under an external id
DECLARING_TAGS = ("record", "menuitem", "template", "report", "act_window")


def declared_xmlids(module):
    """Names (without the module) of the records that ``module``'s data and demo files
    declare: XML elements with an ``id``, CSV rows. Ids of other modules' records (with a
    dot) are left out: writing to a record does not make it the writer's."""
    path = Path(get_module_path(module))
    manifest = ast.literal_eval((path / "__manifest__.py").read_text())
    names = set()
    for filename in manifest.get("data", []) + manifest.get("demo", []):
        file = path / filename
        if file.suffix == ".csv":
            with file.open(newline="") as handle:
                names.update(row["id"] for row in csv.DictReader(handle))
        elif file.suffix == ".xml":
            names.update(node.get("id") for node in etree.parse(str(file)).iter(*DECLARING_TAGS))
    return {name for name in names if name and "." not in name}


def declared_models(module):
    """Models that ``module``'s Python defines (not those it only extends); its Python must
    be imported, as it is when its hooks and migrations run."""
    found = set()
    for cls in MetaModel.module_to_models.get(module, []):
        inherit = [cls._inherit] if isinstance(cls._inherit, str) else list(cls._inherit or [])
        if cls._name and cls._name not in inherit:
            found.add(cls._name)
    return found


def module_installed(cr, module):
    cr.execute(
        "SELECT 1 FROM ir_module_module WHERE name = %s AND state IN ('installed', 'to upgrade')",
        [module],
    )
    return bool(cr.fetchone())


def hand_over(cr, old_module, new_module, models=(), fields=None, xmlids=None):
    """Give ``new_module`` what ``old_module`` held of ``models`` (the models, their fields,
    constraints and records), the ``fields`` ({model: [field names]}) it added to other
    models, with their many2many tables, and the records ``new_module`` declares (or the
    names ``xmlids``)."""
    for model in models:
        openupgrade.update_module_moved_models(cr, model, old_module, new_module)
    if models:
        # openupgradelib moves the constraints, not their external ids: without them, the
        # old addon's update would delete the constraints it no longer declares
        cr.execute(
            """
            UPDATE ir_model_data data
               SET module = %s
              FROM ir_model_constraint constraint_, ir_model model
             WHERE data.model = 'ir.model.constraint' AND data.res_id = constraint_.id
               AND constraint_.model = model.id AND model.model = ANY(%s) AND data.module = %s
            """,
            [new_module, list(models), old_module],
        )
    for model, names in (fields or {}).items():
        openupgrade.update_module_moved_fields(cr, model, list(names), old_module, new_module)
        # a many2many table is dropped with the module that owns it: it follows its field
        cr.execute(
            """
            UPDATE ir_model_relation relation
               SET module = new_module.id
              FROM ir_model_fields field, ir_module_module old_module, ir_module_module new_module
             WHERE field.model = %s AND field.name = ANY(%s) AND field.relation_table = relation.name
               AND relation.module = old_module.id AND old_module.name = %s AND new_module.name = %s
            """,
            [model, list(names), old_module, new_module],
        )
    names = declared_xmlids(new_module) if xmlids is None else set(xmlids)
    cr.execute(
        "SELECT name FROM ir_model_data WHERE module = %s AND name = ANY(%s)",
        [old_module, sorted(names)],
    )
    held = [name for (name,) in cr.fetchall()]
    openupgrade.rename_xmlids(cr, [(f"{old_module}.{name}", f"{new_module}.{name}") for name in held])
    _logger.info("%s: %s external ids handed over to %s", old_module, len(held), new_module)
