"""Odoo's own demo events (conferences and trainings of a furniture shop, in English) are
archived in the network's demo."""

from odoo.addons.gesmip_network.demo.odoo_demo_cleanup import odoo_demo_records


def archive_odoo_events(env):
    """Archive Odoo's English demo events (conferences, trainings of a furniture shop)."""
    events = odoo_demo_records(env, "event.event")
    events.filtered("active").write({"active": False})
