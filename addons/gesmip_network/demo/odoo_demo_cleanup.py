"""Odoo's own demo data is a furniture shop with contacts from everywhere. In the platform's
demo they would be offered in the donor and grocery pickers and fill the reports: the
contacts and events that Odoo's addons bring as demo data are archived (kept, not deleted,
as Odoo's demo orders and moves refer to them)."""

OUR_PREFIXES = ("gesmip", "alim_", "ge_ames", "__")
ODOO_DEMO_USERS = ("base.user_demo", "base.demo_user0")


def odoo_demo_records(env, model):
    """Records of ``model`` that an addon other than ours declares."""
    data = env["ir.model.data"].search([("model", "=", model)])
    ids = {d.res_id for d in data if not d.module.startswith(OUR_PREFIXES)}
    return env[model].browse(sorted(ids)).exists()


def archive_odoo_contacts(env):
    """Archive Odoo's demo users (Marc Demo, Joel Willis) and demo contacts, except the
    system's users (administrator, public, templates) and the companies' own partners."""
    demo_users = env["res.users"].browse(
        [user.id for user in (env.ref(xmlid, raise_if_not_found=False) for xmlid in ODOO_DEMO_USERS) if user]
    )
    demo_users.filtered("active").write({"active": False})
    all_users = env["res.users"].with_context(active_test=False).search([])
    keep = (all_users - demo_users).with_context(active_test=True).partner_id | env["res.company"].search(
        []
    ).partner_id
    partners = odoo_demo_records(env, "res.partner") - keep
    partners.filtered("active").write({"active": False})


def archive_odoo_companies(env):
    """Archive the other companies of Odoo's demo (a French and a Chicago furniture shop) and
    their partners: the platform is one association."""
    main = env.ref("base.main_company")
    companies = odoo_demo_records(env, "res.company") - main
    partners = companies.partner_id
    companies.filtered("active").write({"active": False})
    partners.filtered("active").write({"active": False})
