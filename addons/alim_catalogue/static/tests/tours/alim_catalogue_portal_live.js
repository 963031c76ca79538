import { registry } from "@web/core/registry";

// The grocery's cycle page follows the stock: run once before the warehouse ships 5 rice out
// of 20, once after.
registry.category("web_tour.tours").add("alim_catalogue_portal_live_before", {
    steps: () => [
        {
            content: "20 rice are available",
            trigger: "tr[data-product='Tour rice'] .o_alim_available:contains(/^20$/)",
        },
        {
            content: "Order 3 units of rice",
            trigger: "tr[data-product='Tour rice'] input[name^=qty_]",
            run: "edit 3",
        },
        {
            content: "Save the order",
            trigger: "button.o_alim_save",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The order is saved, within what is available",
            trigger: ".o_alim_saved",
        },
        {
            content: "No warning",
            trigger: "body:not(:has(.o_alim_over))",
        },
    ],
});

registry.category("web_tour.tours").add("alim_catalogue_portal_live_after", {
    steps: () => [
        {
            content: "5 rice left the stock: 15 are available, with no button pressed",
            trigger: "tr[data-product='Tour rice'] .o_alim_available:contains(/^15$/)",
        },
        {
            content: "Ask 18",
            trigger: "tr[data-product='Tour rice'] input[name^=qty_]",
            run: "edit 18",
        },
        {
            content: "Save the order",
            trigger: "button.o_alim_save",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The page says at once that 18 is beyond the 15 available",
            trigger: ".o_alim_over:contains('Tour rice: 18 asked, 15 available')",
        },
    ],
});

// After the close and the allocation: the grocery finds its order and reads why it was cut.
registry.category("web_tour.tours").add("alim_catalogue_portal_cut", {
    steps: () => [
        {
            content: "The order is listed among the grocery's orders, with where it stands",
            trigger: ".o_alim_order_state:contains('shared out: what you get is below')",
        },
        {
            content: "Open it",
            trigger: "td a:contains('S0')",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "18 asked, 15 given: the stock left at the close",
            trigger: ".o_alim_cut:contains('Asked 18, given 15: only the stock left at the close of the cycle')",
        },
        {
            content: "The way back leads to the cycle",
            trigger: ".o_alim_breadcrumb_cycle:contains('Tour cycle')",
        },
    ],
});
