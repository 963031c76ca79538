"""Odoo's own demo data out of the platform's demo.

The suite's demo is installed with Odoo's demo data (Odoo installs a module's demo only when
the modules it depends on have theirs), so a furniture shop's transfers, vehicles, orders,
employees and projects would be offered wherever staff pick things. At the end of the demo of
each leaf addon, :func:`hide_odoo_demo` runs (through ``gesmip.demo``), and again at the end
of the next one, so the last run sees everything installed:

- Odoo's demo documents (transfers, batches, sales and purchase orders, manufacturing orders,
  invoices) and the ones Odoo's demo derived from them (the transfers of a demo sales order,
  the invoices of a demo customer) are cancelled, then deleted where Odoo allows it; the
  activities on them are deleted;
- Odoo's demo master data (products, contacts, users, vehicles, employees, projects, bills of
  materials, surveys, locations...) is archived, and the stock of Odoo's demo products set to
  zero (so that their locations can be archived and the stock value is the platform's);
- what stays is renamed in French (the administrator's contact, the stock locations);
- the suite's records that name a person in charge name the platform's demo staff, not
  OdooBot, the administrator or Odoo's demo users.

:func:`odoo_demo_leftovers` lists what would still show; the demo test and
``tools/demo_smoke.py`` fail on it. Everything is idempotent and logged.
"""

import csv
import logging
import os

from lxml import etree

from odoo.modules.module import get_manifest, get_module_path

_logger = logging.getLogger(__name__)

OUR_PREFIXES = ("gesmip", "alim_", "ge_ames", "__")


def _cancel_move(move):
    if move.state == "posted":
        move.button_draft()
    move.button_cancel()


# Documents: cancelled (in this order, an invoice before its order), then deleted if Odoo
# allows. (model, how to cancel one: a method name or a function, states already out of the way)
DOCUMENTS = (
    ("account.move", _cancel_move, ("cancel",)),
    ("sale.order", "_action_cancel", ("cancel",)),
    ("purchase.order", "button_cancel", ("cancel",)),
    ("mrp.production", "action_cancel", ("cancel", "done")),
    ("stock.picking.batch", "action_cancel", ("cancel", "done")),
    ("stock.picking", "action_cancel", ("cancel", "done")),
)
# Master data staff pick from: archived.
ARCHIVED = (
    "project.task",
    "project.project",
    "account.analytic.account",
    "fleet.vehicle.log.contract",
    "fleet.vehicle.log.services",
    "fleet.vehicle",
    "fleet.vehicle.model",
    "mrp.routing.workcenter",
    "mrp.bom",
    "mrp.workcenter",
    "survey.survey",
    "event.event",
    "hr.employee",
    "hr.department",
    "hr.job",
    "hr.work.location",
    "hr.skill.type",
    "resource.calendar",
    "sale.order.template",
    "quotation.document",
    "product.document",
    "product.template",
    "product.product",
    "product.attribute",
    "account.payment.term",
    "crm.team",
    "utm.campaign",
    "discuss.channel",
    "gamification.badge",
    "mail.template",
    "res.users",
    "res.partner.bank",
    "res.bank",
    "res.partner.category",
    "res.partner",
    "stock.warehouse",
    "stock.location",
    "res.company",
)
# Odoo's demo records of models that cannot be archived, offered in pickers (a product's
# category, an event's template, tags): deleted where nothing refers to them any more.
DELETED = (
    "event.type",
    "event.tag",
    "event.tag.category",
    "crm.tag",
    "project.tags",
    "hr.employee.category",
    "fleet.vehicle.tag",
    "stock.storage.category",
    "stock.package.type",
    "product.category",
)
# Stock locations of Odoo's data, in English in every language (their name is not
# translatable): their French names.
FRENCH_LOCATIONS = {
    "Physical Locations": "Emplacements physiques",
    "Partners": "Partenaires",
    "Virtual Locations": "Emplacements virtuels",
    "Vendors": "Fournisseurs",
    "Customers": "Clients",
    "Inter-company transit": "Transit inter-sociétés",
    "Inventory adjustment": "Ajustement d'inventaire",
    "Scrap": "Rebut",
}
WAREHOUSE_STOCK_NAME = "Entrepôt"
ADMIN_NAME = "Camille Martin (administration)"
ADMIN_FUNCTION = "Administration de la plateforme"
ADMIN_EMAIL = "administration@gesmip.example.org"
# Odoo's users that must not be named in charge of the platform's records.
ODOO_PEOPLE = ("base.user_root", "base.user_admin", "base.user_demo", "base.demo_user0")
# (model, field, the demo user in charge, also when the field is empty)
WAREHOUSE, COORDINATION, LAB = (
    "alim_food.user_warehouse",
    "gesmip_network.user_coordinator",
    "alim_repack.user_lab",
)
IN_CHARGE = (
    ("stock.picking", "user_id", WAREHOUSE, False),
    ("stock.picking", "alim_loading_temp_user_id", WAREHOUSE, False),
    ("stock.picking", "alim_reception_temp_user_id", WAREHOUSE, False),
    ("stock.picking.batch", "user_id", WAREHOUSE, True),
    ("stock.location", "cold_responsible_id", WAREHOUSE, False),
    ("alim.temperature.excursion", "action_user_id", WAREHOUSE, False),
    ("alim.repack.order", "user_id", LAB, False),
    ("fleet.vehicle", "manager_id", WAREHOUSE, True),
    ("sale.order", "user_id", WAREHOUSE, False),
    ("purchase.order", "user_id", WAREHOUSE, False),
    ("account.move", "invoice_user_id", COORDINATION, False),
    ("event.event", "user_id", COORDINATION, False),
    ("survey.survey", "user_id", COORDINATION, False),
    ("project.project", "user_id", COORDINATION, False),
    ("gesmip.call.project", "user_id", COORDINATION, False),
    ("gesmip.support.programme", "user_id", COORDINATION, False),
)
# The activities of the platform's records go to the staff of the record's side.
ACTIVITY_OWNER = (("alim.", WAREHOUSE), ("stock.", WAREHOUSE), ("fleet.", WAREHOUSE), ("", COORDINATION))


def _ours(module):
    return module.startswith(OUR_PREFIXES)


def _declared(module, kind):
    """Full xml ids that ``module`` itself declares in its ``kind`` files ('data'/'demo')."""
    path = get_module_path(module, display_warning=False)
    if not path:
        return set()
    found = set()
    for name in get_manifest(module).get(kind, []):
        filename = os.path.join(path, name)
        if not os.path.isfile(filename):
            continue
        ids = []
        if name.endswith(".xml"):
            ids = etree.parse(filename).xpath("//record/@id | //template/@id")
        elif name.endswith(".csv"):
            with open(filename, encoding="utf-8") as handle:
                ids = [row.get("id") or "" for row in csv.DictReader(handle)]
        for xmlid in ids:
            full = xmlid if "." in xmlid else f"{module}.{xmlid}"
            if full.split(".", 1)[0] == module:
                found.add(full)
    return found


def odoo_demo_ids(env):
    """{model: ids} of the records that Odoo's modules create as demo data only (declared in
    their demo files, not in their data files): ``base.partner_admin``, which base's demo
    only renames "Mitchell Admin", is not one of them."""
    modules = env["ir.module.module"].search([("state", "=", "installed")])
    demo = set()
    for module in modules.mapped("name"):
        if not _ours(module):
            demo |= _declared(module, "demo") - _declared(module, "data")
    result = {}
    data = env["ir.model.data"].search([("module", "in", sorted({x.split(".", 1)[0] for x in demo}))])
    for row in data:
        if f"{row.module}.{row.name}" in demo:
            result.setdefault(row.model, set()).add(row.res_id)
    return result


def _records(env, ids, model):
    if model not in env:
        return None
    return env[model].with_context(active_test=False).browse(sorted(ids.get(model, ()))).exists()


def odoo_demo_records(env):
    """{model: records} of Odoo's demo, with the documents that its demo derived from them
    (orders, transfers, invoices, projects of Odoo's demo contacts; transfers and
    manufacturing orders of Odoo's demo products; tasks and timesheets of its projects)."""
    ids = odoo_demo_ids(env)
    records = {model: _records(env, ids, model) for model in ids if model in env}
    partners = records.get("res.partner", env["res.partner"])
    # Odoo's demo companies and their contacts (a French and a Chicago furniture shop)
    companies = (records.get("res.company") or env["res.company"]) - env.ref("base.main_company")
    partners |= companies.partner_id
    records["res.company"] = companies
    records["res.partner"] = partners
    products = env["product.product"].with_context(active_test=False)
    if "product.template" in records:
        products |= records["product.template"].product_variant_ids
    products |= records.get("product.product", products.browse())
    records["product.product"] = products
    records["product.template"] = (
        records.get("product.template", env["product.template"]) | products.product_tmpl_id
    )
    derived = {
        "sale.order": [("partner_id", "in", partners.ids)],
        "purchase.order": [("partner_id", "in", partners.ids)],
        "account.move": [("commercial_partner_id", "in", partners.ids)],
        "stock.picking": ["|", ("partner_id", "in", partners.ids), ("product_id", "in", products.ids)],
        "mrp.production": [("product_id", "in", products.ids)],
        "project.project": ["|", ("partner_id", "in", partners.ids), ("company_id", "in", companies.ids)],
        "stock.warehouse": [("company_id", "in", companies.ids)],
        "hr.employee": [("company_id", "in", companies.ids)],
    }
    for model, domain in derived.items():
        if model in env:
            found = env[model].with_context(active_test=False).search(domain)
            records[model] = (records.get(model) or env[model]) | found
    if "project.project" in records and "project.task" in env:
        tasks = (
            env["project.task"]
            .with_context(active_test=False)
            .search([("project_id", "in", records["project.project"].ids)])
        )
        records["project.task"] = (records.get("project.task") or env["project.task"]) | tasks
    if "account.analytic.line" in env and "project.project" in records:
        lines = env["account.analytic.line"].search([("project_id", "in", records["project.project"].ids)])
        records["account.analytic.line"] = (records.get("account.analytic.line") or lines.browse()) | lines
    # The system's users and the companies' contacts are not demo data, whoever renamed them.
    users = env["res.users"].with_context(active_test=False)
    system = users.search([]) - records.get("res.users", users.browse())
    records["res.partner"] -= system.partner_id | env.ref("base.main_company").partner_id
    if "hr.employee" in records:
        records["hr.employee"] = records["hr.employee"].filtered(lambda e: e.user_id not in system)
    return records


def _each(records, action, what):
    """Call ``action`` on each record in its own savepoint; the ones Odoo refuses are logged."""
    done, refused = records.browse(), []
    for record in records:
        try:
            with record.env.cr.savepoint():
                action(record)
            done |= record
        except Exception as error:  # Odoo refuses for many reasons: logged, the next goes on
            refused.append(f"{record.display_name}: {error}")
    _logger.info("Odoo's demo %s: %s %d, left %d", records._name, what, len(done), len(refused))
    for line in refused:
        _logger.info("Odoo's demo %s not %s: %s", records._name, what, line)
    return done


def _cancel_documents(records):
    for model, method, out in DOCUMENTS:
        documents = records.get(model)
        if not documents:
            continue
        if model == "stock.picking.batch":
            records.setdefault("stock.picking", documents.browse())
            records["stock.picking"] |= documents.picking_ids
        todo = documents.filtered(lambda d, out=out: d.state not in out)

        def cancel(document, method=method):
            return method(document) if callable(method) else getattr(document, method)()

        _each(todo, cancel, "cancelled")
    # deleted once every one is cancelled (a picking's batch, an order's transfers)
    for model, _method, _out in reversed(DOCUMENTS):
        documents = records.get(model)
        if documents:
            documents = documents.exists().filtered(lambda d: d.state == "cancel")
            _each(documents, lambda d: d.unlink(), "deleted")
            records[model] = records[model].exists()


def _drop_activities(env, records):
    for model, found in records.items():
        if found and "activity_ids" in found._fields:
            activities = env["mail.activity"].search([("res_model", "=", model), ("res_id", "in", found.ids)])
            if activities:
                activities.unlink()
                _logger.info("Odoo's demo %s: %d activities deleted", model, len(activities))


def _zero_demo_stock(env, records):
    products = records.get("product.product")
    if not products or "stock.quant" not in env:
        return
    quants = env["stock.quant"].search(
        [("product_id", "in", products.ids), ("location_id.usage", "=", "internal"), ("quantity", "!=", 0)]
    )
    if quants:
        quants.with_context(inventory_mode=True).write({"inventory_quantity": 0})
        quants.action_apply_inventory()
        _logger.info("Odoo's demo products: %d stock quants set to zero", len(quants))


def _archive(env, records):
    for model in ARCHIVED:
        found = records.get(model)
        if found and "active" in found._fields:
            _each(found.filtered("active"), lambda r: r.write({"active": False}), "archived")
    if records.get("account.analytic.line"):
        _each(records["account.analytic.line"], lambda r: r.unlink(), "deleted")
    categories = records.get("product.category")
    if categories:
        # Odoo's archived demo products leave its demo categories for the root one
        products = (
            env["product.template"]
            .with_context(active_test=False)
            .search([("categ_id", "in", categories.ids), ("active", "=", False)])
        )
        products.write({"categ_id": env.ref("product.product_category_all").id})
    for model in DELETED:
        found = records.get(model)
        if found:
            _each(found.exists(), lambda r: r.unlink(), "deleted")


def _rename(env):
    admin = env.ref("base.user_admin")
    partner = admin.partner_id
    if partner.name != ADMIN_NAME or partner.company_name or partner.email != ADMIN_EMAIL:
        # base's demo makes him "Mitchell Admin" of "YourCompany", in Scranton, with a photo
        company = env.ref("base.main_company")
        partner.write(
            {
                "name": ADMIN_NAME,
                "company_name": False,
                "function": ADMIN_FUNCTION,
                "email": ADMIN_EMAIL,
                "phone": company.phone,
                "mobile": False,
                "street": company.street,
                "street2": company.street2,
                "zip": company.zip,
                "city": company.city,
                "state_id": company.state_id.id,
                "country_id": company.country_id.id,
                "image_1920": False,
            }
        )
        _logger.info("The administrator's contact renamed %s", ADMIN_NAME)
    if "hr.employee" in env:
        employees = env["hr.employee"].search([("user_id", "=", admin.id)])
        employees = employees.filtered(lambda e: e.name != ADMIN_NAME or e.job_title != ADMIN_FUNCTION)
        employees.write(
            {
                "name": ADMIN_NAME,
                "job_title": ADMIN_FUNCTION,
                "job_id": False,
                "department_id": False,
                "work_email": ADMIN_EMAIL,
                "work_phone": partner.phone,
                "mobile_phone": False,
                "image_1920": False,
            }
        )
    if "stock.location" in env:
        Location = env["stock.location"].with_context(active_test=False)
        for english, french in FRENCH_LOCATIONS.items():
            locations = Location.search([("name", "=", english)])
            if locations:
                locations.write({"name": french})
                _logger.info("Stock locations %r renamed %r: %d", english, french, len(locations))
        warehouse = env.ref("stock.warehouse0", raise_if_not_found=False)
        if warehouse and warehouse.lot_stock_id.name != WAREHOUSE_STOCK_NAME:
            warehouse.lot_stock_id.name = WAREHOUSE_STOCK_NAME


def odoo_people(env):
    return env["res.users"].browse(
        [user.id for user in (env.ref(x, raise_if_not_found=False) for x in ODOO_PEOPLE) if user]
    )


def _put_staff_in_charge(env, records):
    people = odoo_people(env)
    for model, field, xmlid, fill_empty in IN_CHARGE:
        staff = env.ref(xmlid, raise_if_not_found=False)
        if model not in env or field not in env[model]._fields or not staff:
            continue
        domain = [(field, "in", people.ids)]
        if fill_empty:
            domain = ["|", (field, "=", False), *domain]
        found = env[model].with_context(active_test=False).search(domain) - records.get(model, env[model])
        if found:
            found.write({field: staff.id})
            _logger.info("%s.%s: %d records now in the charge of %s", model, field, len(found), staff.login)
    activities = env["mail.activity"].search([("user_id", "in", people.ids)])
    for activity in activities:
        owner = next(
            env.ref(x, raise_if_not_found=False)
            for p, x in ACTIVITY_OWNER
            if activity.res_model.startswith(p)
        )
        if owner:
            activity.user_id = owner
    if activities:
        _logger.info("Activities of the platform's records: %d given to its staff", len(activities))


def hide_odoo_demo(env):
    """Cancel, delete, archive and rename Odoo's demo data (see the module's docstring)."""
    records = odoo_demo_records(env)
    _cancel_documents(records)
    _drop_activities(env, records)
    _zero_demo_stock(env, records)
    _archive(env, records)
    _rename(env)
    _put_staff_in_charge(env, records)


# Where staff pick or read: Odoo's demo records there must be archived, or cancelled.
PICKED = (
    "product.template",
    "product.product",
    "res.partner",
    "res.users",
    "res.company",
    "fleet.vehicle",
    "hr.employee",
    "hr.department",
    "project.project",
    "project.task",
    "mrp.bom",
    "survey.survey",
    "event.event",
    "stock.warehouse",
    "stock.location",
    "fleet.vehicle.model",
    "product.attribute",
    "res.partner.category",
    "crm.team",
)
OPEN_DOCUMENTS = {
    "stock.picking": ("cancel", "done"),
    "stock.picking.batch": ("cancel", "done"),
    "sale.order": ("cancel",),
    "purchase.order": ("cancel",),
    "mrp.production": ("cancel", "done"),
}


def _admin_leftovers(env):
    lines = []
    admin = env.ref("base.user_admin")
    if admin.name != ADMIN_NAME or admin.partner_id.company_name or admin.partner_id.email != ADMIN_EMAIL:
        lines.append(f"the administrator is still called {admin.partner_id.display_name}")
    if "hr.employee" in env:
        for employee in env["hr.employee"].search([("user_id", "=", admin.id), ("name", "!=", ADMIN_NAME)]):
            lines.append(f"the administrator's employee is still called {employee.name}")
    return lines


def odoo_demo_leftovers(env):
    """Lines saying what of Odoo's demo still shows, and which of the platform's records name
    OdooBot, the administrator or Odoo's demo users in charge; empty when the demo is clean."""
    lines = []
    records = odoo_demo_records(env)
    for model in PICKED:
        found = records.get(model)
        if found and "active" in found._fields:
            for record in found.filtered("active"):
                lines.append(f"{model} {record.display_name!r} (Odoo's demo) is active")
    for model, out in OPEN_DOCUMENTS.items():
        for record in records.get(model) or []:
            if record.state not in out:
                lines.append(f"{model} {record.display_name!r} (Odoo's demo) is {record.state}")
    for model in DELETED:
        for record in records.get(model) or []:
            lines.append(f"{model} {record.display_name!r} (Odoo's demo) is still there")
    if "stock.location" in env:
        Location = env["stock.location"]
        for location in Location.search([("name", "in", list(FRENCH_LOCATIONS))]):
            lines.append(f"stock.location {location.complete_name!r} is named in English")
    lines += _admin_leftovers(env)
    people = odoo_people(env)
    for model, field, xmlid, _fill in IN_CHARGE:
        # (without the platform's demo staff, nobody else to put in charge)
        if model in env and field in env[model]._fields and env.ref(xmlid, raise_if_not_found=False):
            found = env[model].search([(field, "in", people.ids)]) - records.get(model, env[model])
            for record in found:
                lines.append(f"{model} {record.display_name!r}: {field} is {record[field].name}")
    return lines


def demo_is_clean(env):
    """Raise if Odoo's demo still shows (for the tests and tools)."""
    lines = odoo_demo_leftovers(env)
    if lines:
        raise AssertionError("Odoo's demo data still shows:\n" + "\n".join(lines))
