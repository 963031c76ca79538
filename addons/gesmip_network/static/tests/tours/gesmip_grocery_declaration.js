import { registry } from "@web/core/registry";

// A grocery volunteer, on a phone or at a desk, declares last month's figures from the banner
// of /my: a slip ("-3") is refused with the message and what was typed kept, then the figures
// are declared.
registry.category("web_tour.tours").add("gesmip_grocery_declaration", {
    url: "/my",
    steps: () => [
        {
            content: "The banner says last month is awaited",
            trigger: ".o_gesmip_declaration_banner a.o_gesmip_declaration_banner_link",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Households served: a slip",
            trigger: ".o_gesmip_declaration_form input[name=households_count]",
            run: "edit -3",
        },
        {
            content: "People served",
            trigger: ".o_gesmip_declaration_form input[name=people_count]",
            run: "edit 310",
        },
        {
            content: "Distribution days",
            trigger: ".o_gesmip_declaration_form input[name=distribution_days]",
            run: "edit 8",
        },
        {
            content: "Declare",
            trigger: "button.o_gesmip_declaration_submit",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Refused, with the reason, and the values typed kept",
            trigger: ".o_gesmip_declaration_error:contains('-3')",
        },
        {
            content: "The people typed are still there",
            trigger: ".o_gesmip_declaration_form input[name=people_count]:value(310)",
        },
        {
            content: "Households served, corrected",
            trigger: ".o_gesmip_declaration_form input[name=households_count]",
            run: "edit 120",
        },
        {
            content: "Kilograms, with a decimal comma",
            trigger: ".o_gesmip_declaration_form input[name=kg_distributed]",
            run: "edit 1250,5",
        },
        {
            content: "Declare again",
            trigger: "button.o_gesmip_declaration_submit",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Declared",
            trigger: ".o_gesmip_declaration_done",
        },
        {
            content: "The month is listed as declared",
            trigger: ".o_gesmip_declaration_list .badge.text-bg-success",
        },
    ],
});
