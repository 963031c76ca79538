from odoo.tests import tagged

from odoo.addons.base.tests.common import BaseCommon


@tagged("post_install", "-at_install")
class TestDemoLoader(BaseCommon):
    def test_odoo_demo_events_are_archived(self):
        """Odoo's English demo events are archived; the network's own stay."""
        Event = self.env["event.event"]
        dates = {"date_begin": "2027-01-15 08:00:00", "date_end": "2027-01-15 18:00:00"}
        foreign = Event.create({"name": "Open Days", **dates})
        ours = Event.create({"name": "Formation hygiène", **dates})
        for module, event in (("event", foreign), ("gesmip_network_life", ours)):
            self.env["ir.model.data"].create(
                {"module": module, "name": f"test_{event.id}", "model": "event.event", "res_id": event.id}
            )
        self.env["gesmip.demo"]._generate("gesmip_network_life.demo.odoo_demo_cleanup.archive_odoo_events")
        self.assertFalse(foreign.active)
        self.assertTrue(ours.active)
