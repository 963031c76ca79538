/** @odoo-module **/

import { registry } from "@web/core/registry";

// A grocery's portal user opens a network event and registers two of its people.
registry.category("web_tour.tours").add("gesmip_network_event_register", {
    url: "/my/network-events",
    steps: () => [
        {
            content: "Open the network event",
            trigger: "a:contains('Sanitary rules in the grocery')",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The shared document is offered",
            trigger: ".o_network_documents a:contains('hygiene-checklist.txt')",
        },
        {
            content: "First person",
            trigger: "input[name='name_1']",
            run: "edit Lucie Martin",
        },
        {
            content: "Second person",
            trigger: "input[name='name_2']",
            run: "edit Paul Roux",
        },
        {
            content: "Register them",
            trigger: "form button[type='submit']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The registration is confirmed",
            trigger: ".alert-success",
        },
        {
            content: "Both people are listed",
            trigger: ".o_network_registrations li:contains('Paul Roux')",
        },
    ],
});
