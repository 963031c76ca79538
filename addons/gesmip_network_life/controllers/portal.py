from urllib.parse import urlencode

from odoo import fields, http
from odoo.http import request

from odoo.addons.gesmip_base.controllers.door import pop_flash, submit
from odoo.addons.gesmip_network.controllers.grocery_door import member_model_or_404, member_record_or_404
from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager

PAGE_SIZE = 20


class GesmipNetworkPortal(CustomerPortal):
    """Network life for a grocery's portal user: events (registration, minutes, documents), calls."""

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "network_event_count" in counters:
            Event = request.env["event.event"]
            values["network_event_count"] = (
                Event.search_count(self._prepare_network_events_domain()) if Event.has_access("read") else 0
            )
        if "network_call_count" in counters:
            Call = request.env["gesmip.call.project"]
            values["network_call_count"] = (
                Call.search_count(self._prepare_network_calls_domain()) if Call.has_access("read") else 0
            )
        return values

    def _prepare_network_events_domain(self):
        return [("is_network_event", "=", True), ("network_published", "=", True)]

    @http.route(
        ["/my/network-events", "/my/network-events/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def portal_my_network_events(self, page=1, **kw):
        member_model_or_404("event.event")
        values = self._prepare_portal_layout_values()
        values.update(self._prepare_network_events_values(page))
        return request.render("gesmip_network_life.portal_my_network_events", values)

    def _prepare_network_events_values(self, page):
        Event = request.env["event.event"]
        domain = self._prepare_network_events_domain()
        total = Event.search_count(domain)
        pager = portal_pager(url="/my/network-events", total=total, page=page, step=PAGE_SIZE)
        events = Event.search(domain, order="date_begin desc", limit=PAGE_SIZE, offset=pager["offset"])
        registered = request.env["event.registration"].search(
            [("event_id", "in", events.ids), ("state", "!=", "cancel")]
        )
        return {
            "events": events,
            "registered_counts": {
                e.id: len(registered.filtered(lambda r, e=e: r.event_id == e)) for e in events
            },
            "pager": pager,
            "page_name": "network_events",
            "now": fields.Datetime.now(),
        }

    def _network_event_or_404(self, event_id):
        """The network event shown to the user's grocery, or a 404."""
        return member_record_or_404(
            "event.event",
            event_id,
            check=lambda event: event.is_network_event and event.network_published,
        )

    # read-only: the documents got their access token when they were shared
    @http.route("/my/network-events/<int:event_id>", type="http", auth="user", website=True, readonly=True)
    def portal_my_network_event(self, event_id, **kw):
        event = self._network_event_or_404(event_id)
        values = self._prepare_portal_layout_values()
        values.update(self._prepare_network_event_values(event))
        values.update(pop_flash())
        return request.render("gesmip_network_life.portal_my_network_event", values)

    def _prepare_network_event_values(self, event):
        address = event.sudo().address_id._gesmip_postal_address()
        return {
            "event": event,
            "registrations": request.env["event.registration"].search([("event_id", "=", event.id)]),
            "documents": self._network_event_documents(event),
            "page_name": "network_event",
            "is_open": not event.date_end or event.date_end >= fields.Datetime.now(),
            "can_cancel": event._gesmip_registration_cancellable(),
            "address": address,
            "map_url": f"https://www.openstreetmap.org/search?{urlencode({'query': address})}"
            if address
            else "",
        }

    def _network_event_documents(self, event):
        """The documents the event shares, with an access token (the user may read the event)."""
        # Portal users have no access to attachments: the event was checked readable above.
        attachments_sudo = event.sudo().network_document_ids
        attachments_sudo.generate_access_token()  # writes only for documents shared before tokens
        return [
            {
                "name": attachment.name,
                "url": f"/web/content/{attachment.id}?access_token={attachment.access_token}&download=true",
            }
            for attachment in attachments_sudo
        ]

    @http.route(
        "/my/network-events/<int:event_id>/register", type="http", auth="user", website=True, methods=["POST"]
    )
    def portal_my_network_event_register(self, event_id, **post):
        event = self._network_event_or_404(event_id)
        attendees = [
            {key: post.get(f"{key}_{index}") for key in ("name", "email", "phone")} for index in (1, 2)
        ]
        # every check comes before the one write (registrations' mails may commit): no savepoint
        return submit(
            lambda: event._network_portal_register(attendees),
            lambda registrations: request.env._("%(count)s people registered.", count=len(registrations)),
            f"/my/network-events/{event.id}",
            savepoint=False,
        )

    @http.route(
        "/my/network-events/<int:event_id>/cancel", type="http", auth="user", website=True, methods=["POST"]
    )
    def portal_my_network_event_cancel(self, event_id, registration=None, **post):
        """Cancel one of the grocery's registrations to the event, until it begins."""
        event = self._network_event_or_404(event_id)
        registration_id = int(registration) if isinstance(registration, str) and registration.isdigit() else 0
        return submit(
            lambda: event._gesmip_portal_cancel(registration_id),
            request.env._("The registration is cancelled."),
            f"/my/network-events/{event.id}",
        )

    @http.route(
        ["/my/calls", "/my/calls/page/<int:page>"], type="http", auth="user", website=True, readonly=True
    )
    def portal_my_calls(self, page=1, **kw):
        member_model_or_404("gesmip.call.project")
        values = self._prepare_portal_layout_values()
        values.update(self._prepare_network_calls_values(page))
        return request.render("gesmip_network_life.portal_my_calls", values)

    def _prepare_network_calls_domain(self):
        # the record rules give what the user may read
        return []

    def _prepare_network_calls_values(self, page):
        Call = request.env["gesmip.call.project"]
        domain = self._prepare_network_calls_domain()
        total = Call.search_count(domain)
        pager = portal_pager(url="/my/calls", total=total, page=page, step=PAGE_SIZE)
        return {
            "calls": Call.search(domain, order="deadline desc", limit=PAGE_SIZE, offset=pager["offset"]),
            "pager": pager,
            "page_name": "network_calls",
            "grocery": request.env.user.partner_id.commercial_partner_id,
        }
