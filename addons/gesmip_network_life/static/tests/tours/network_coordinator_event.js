import { registry } from "@web/core/registry";

// The network coordinator (French interface, browser in Paris time) creates a member
// grocery, then a training shown to the groceries, on 15 January 2027 from 18:00 to 20:00.
registry.category("web_tour.tours").add("gesmip_network_coordinator_event", {
    steps: () => [
        {
            content: "The new grocery's name",
            trigger: ".o_field_widget[name=name] input",
            run: "edit Épicerie du Canal",
        },
        {
            content: "Its households",
            trigger: ".o_field_widget[name=households_count] input",
            run: "edit 80",
        },
        {
            content: "Save the grocery",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "The grocery is saved",
            trigger: ".o_form_view .o_form_saved",
        },
        {
            content: "under its name",
            trigger: ".o_breadcrumb .active:contains('Épicerie du Canal')",
        },
        {
            content: "The network's events",
            trigger: "body",
            run: () => {
                window.location.href = "/odoo/action-gesmip_network_life.event_event_action_network/new";
            },
            expectUnloadPage: true,
        },
        {
            content: "The event's name",
            trigger: ".o_field_widget[name=name] textarea, .o_field_widget[name=name] input",
            run: "edit Formation hygiène et chaîne du froid",
        },
        {
            content: "From 18:00 to 20:00 on 15 January 2027, typed in French",
            trigger: "div[name=date_begin]",
            run() {
                const begin = this.anchor.querySelector("input[data-field=date_begin]");
                begin.value = "15/01/2027 18:00:00";
                begin.dispatchEvent(new Event("change"));
                const end = this.anchor.querySelector("input[data-field=date_end]");
                end.value = "15/01/2027 20:00:00";
                end.dispatchEvent(new Event("change"));
            },
        },
        {
            content: "Save the event",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "The event is saved",
            trigger: ".o_form_view .o_form_saved",
        },
        {
            content: "under its name",
            trigger: ".o_breadcrumb .active:contains('Formation hygiène')",
        },
        {
            content: "It reads 18:00 in the back office",
            trigger: "input[data-field=date_begin]:value('15/01/2027 18:00:00')",
        },
    ],
});

// A member grocery's user, whose own time zone is not Paris, sees the training at 18:00.
registry.category("web_tour.tours").add("gesmip_network_grocery_sees_event", {
    url: "/my/network-events",
    steps: () => [
        {
            content: "The training is listed on its day",
            trigger: "tr:contains('Formation hygiène et chaîne du froid'):contains('15/01/2027')",
        },
        {
            content: "Open it",
            trigger: "a:contains('Formation hygiène et chaîne du froid')",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "It starts at 18:00 and ends at 20:00, Paris time",
            trigger: ".o_network_event_dates:contains('15/01/2027 18:00'):contains('15/01/2027 20:00')",
        },
    ],
});
