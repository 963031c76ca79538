import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("alim_catalogue_portal_order", {
    url: "/my/cycles",
    steps: () => [
        {
            content: "Open the open cycle",
            trigger: "a.o_alim_cycle_link:contains('Tour cycle')",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Order 3 units of rice",
            trigger: "tr[data-product*='Tour rice'] input[name^=qty_]",
            run: "edit 3",
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
        {
            content: "Open the order",
            trigger: "a.o_alim_order_link",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The order shows the rice",
            trigger: "#portal_sale_content:contains('Tour rice')",
        },
    ],
});
