"""Odoo's demo products are a furniture shop's (desks, screws, services): in the platform's
demo they would be offered at the dock and in the catalogue. They are archived (kept, as
Odoo's demo orders and moves refer to them), except the few that Odoo's own features need."""

OUR_PREFIXES = ("gesmip", "alim_", "ge_ames", "__")
# Products of Odoo's data that its features use (down payments, event tickets, timesheets).
KEEP = (
    "sale.advance_product_0",
    "sale_timesheet.time_product",
    "event_product.product_product_event",
    "event_product.product_product_event_standard",
    "event_product.product_product_event_vip",
)


def archive_odoo_products(env):
    Template = env["product.template"]
    data = env["ir.model.data"].search([("model", "in", ("product.template", "product.product"))])
    templates = Template
    for model in ("product.template", "product.product"):
        ids = sorted({d.res_id for d in data if d.model == model and not d.module.startswith(OUR_PREFIXES)})
        records = env[model].browse(ids).exists()
        templates |= records if model == "product.template" else records.product_tmpl_id
    for xmlid in KEEP:
        kept = env.ref(xmlid, raise_if_not_found=False)
        if kept:
            templates -= kept if kept._name == "product.template" else kept.product_tmpl_id
    templates.filtered(lambda t: t.active and not t.food_category_id).write({"active": False})
