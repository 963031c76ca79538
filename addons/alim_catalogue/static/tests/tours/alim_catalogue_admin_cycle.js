import { registry } from "@web/core/registry";

// The administrator closes, allocates and confirms a cycle, delivers the grocery's order and
// invoices it (then the grocery finds the invoice in its portal: alim_catalogue_portal_invoice).
registry.category("web_tour.tours").add("alim_catalogue_admin_cycle", {
    steps: () => [
        {
            content: "Open the cycle",
            trigger: ".o_data_row td:contains('Admin tour cycle')",
            run: "click",
        },
        {
            content: "The cycle is open",
            trigger: ".o_statusbar_status .o_arrow_button_current:contains('Open')",
        },
        {
            content: "Close it for orders, before the close announced to the groceries",
            trigger: "button[name=action_close]:contains('Close Early')",
            run: "click",
        },
        {
            content: "The early close is said and confirmed",
            trigger: ".modal:contains('Closing now ends their orders early') .modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "Closed",
            trigger: ".o_statusbar_status .o_arrow_button_current:contains('Closed')",
        },
        {
            content: "Share out the stock",
            trigger: "button[name=action_allocate]",
            run: "click",
        },
        {
            content: "Allocated",
            trigger: ".o_statusbar_status .o_arrow_button_current:contains('Allocated')",
        },
        {
            content: "The allocation report shows the cut",
            trigger: "button[name=action_view_allocation]",
            run: "click",
        },
        {
            content: "Unfold the rice",
            trigger: ".o_group_header:contains('Admin tour rice')",
            run: "click",
        },
        {
            content: "The tour rice was shared among the two groceries",
            trigger: ".o_data_row td:contains('shared among 2 groceries by households served')",
        },
        {
            content: "Back to the cycle",
            trigger: ".o_breadcrumb .o_back_button a, .o_breadcrumb .o_back_button",
            run: "click",
        },
        {
            content: "Confirm the orders",
            trigger: "button[name=action_confirm]",
            run: "click",
        },
        {
            content: "Confirmed",
            trigger: ".o_statusbar_status .o_arrow_button_current:contains('Confirmed')",
        },
        {
            content: "Open the orders",
            trigger: "button[name=action_view_orders]",
            run: "click",
        },
        {
            content: "Open the order of Grocery A",
            trigger: ".o_data_row td:contains('Grocery A')",
            run: "click",
        },
        {
            content: "Open its delivery",
            trigger: "button[name=action_view_delivery]",
            run: "click",
        },
        {
            content: "Validate the delivery",
            trigger: "button[name=button_validate]",
            run: "click",
        },
        {
            content: "Delivered",
            trigger: ".o_statusbar_status .o_arrow_button_current:contains('Done')",
        },
        {
            content: "Back to the order",
            trigger: ".o_breadcrumb .o_back_button a, .o_breadcrumb .o_back_button",
            run: "click",
        },
        {
            content: "Invoice it",
            trigger: "button#create_invoice",
            run: "click",
        },
        {
            content: "Create the invoice",
            trigger: ".modal button[name=create_invoices]",
            run: "click",
        },
        {
            content: "Confirm the invoice",
            trigger: ".o_form_view button[name=action_post]:visible",
            run: "click",
        },
        {
            content: "The invoice is posted",
            trigger: ".o_statusbar_status .o_arrow_button_current:contains('Posted')",
        },
    ],
});

registry.category("web_tour.tours").add("alim_catalogue_portal_invoice", {
    steps: () => [
        {
            content: "The grocery's invoice is listed, 5 rice at 0.10",
            trigger: "tr:contains('INV/'):contains('0.50')",
        },
        {
            content: "Open it",
            trigger: "a:contains('INV/')",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The invoice shows the rice it was given",
            trigger: "iframe#invoice_html:iframe body:contains('Admin tour rice')",
        },
    ],
});
