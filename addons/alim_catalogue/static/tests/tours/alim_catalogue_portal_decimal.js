import { registry } from "@web/core/registry";

// A volunteer types a quantity with a decimal comma, as French people write it: "2,5" kg of
// loose lentils is 2.5 kg, never 25 nor a field the browser refuses.
registry.category("web_tour.tours").add("alim_catalogue_portal_decimal", {
    url: "/my/cycles",
    steps: () => [
        {
            content: "Open the open cycle",
            trigger: "a.o_alim_cycle_link:contains('Tour cycle')",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Order 2,5 kg of lentils",
            trigger: "tr[data-product*='Tour lentils'] input[name^=qty_]",
            run: "edit 2,5",
        },
        {
            content: "Save the order",
            trigger: "button.o_alim_save",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The order is saved",
            trigger: ".o_alim_saved",
        },
    ],
});
