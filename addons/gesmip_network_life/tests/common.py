from datetime import timedelta

from odoo import fields

from odoo.addons.gesmip_network.tests.common import GesmipNetworkCommon


class GesmipNetworkLifeCommon(GesmipNetworkCommon):
    """The two groceries of the foundation plus a published network event and a theme."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.theme = cls.env.ref("gesmip_network_life.event_theme_sanitary")
        now = fields.Datetime.now()
        cls.event = cls.env["event.event"].create(
            {
                "name": "Sanitary rules in the grocery",
                "is_network_event": True,
                "network_published": True,
                "network_theme_id": cls.theme.id,
                "date_begin": now + timedelta(days=10),
                "date_end": now + timedelta(days=10, hours=3),
                "network_minutes": "<p>Keep the cold chain.</p>",
            }
        )
        cls.hidden_event = cls.env["event.event"].create(
            {
                "name": "Internal staff meeting",
                "is_network_event": True,
                "network_published": False,
                "date_begin": now + timedelta(days=3),
                "date_end": now + timedelta(days=3, hours=2),
            }
        )
        cls.document = cls.env["ir.attachment"].create(
            {
                "name": "hygiene-checklist.txt",
                "raw": b"Check the fridge every morning.",
                "res_model": "event.event",
                "res_id": cls.event.id,
            }
        )
        cls.event.network_document_ids = cls.document
        # An attachment of the event that is not shared stays out of the portal.
        cls.private_document = cls.env["ir.attachment"].create(
            {
                "name": "budget-internal.txt",
                "raw": b"Internal",
                "res_model": "event.event",
                "res_id": cls.event.id,
            }
        )
