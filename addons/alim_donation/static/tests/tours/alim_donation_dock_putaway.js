import { registry } from "@web/core/registry";

// A warehouse volunteer receives a chilled and a dry product at the dock without choosing
// a room, then finds each in its room's stock (the French interface).
registry.category("web_tour.tours").add("alim_donation_dock_putaway", {
    steps: () => [
        {
            content: "The donor: typing part of its name finds it",
            trigger: ".o_field_widget[name=partner_id] input",
            run: "edit Super",
        },
        {
            content: "Pick the supermarket",
            trigger: ".o-autocomplete--dropdown-item:contains('Supermarché Tour')",
            run: "click",
        },
        {
            content: "First line",
            trigger: ".o_field_x2many_list_row_add > a",
            run: "click",
        },
        {
            content: "The chilled product",
            trigger: ".o_data_row .o_field_widget[name=product_id] input",
            run: "edit Salade",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains('Salade verte tour')",
            run: "click",
        },
        {
            trigger: ".o_data_row .o_field_widget[name=quantity] input",
            run: "edit 12",
        },
        {
            content: "The temperature measured in the chilled salad",
            trigger: ".o_data_row .o_field_widget[name=alim_reception_temp_entry] input",
            run: "edit 3",
        },
        {
            content: "Second line",
            trigger: ".o_field_x2many_list_row_add > a",
            run: "click",
        },
        {
            content: "The dry product",
            trigger: ".o_data_row:eq(1) .o_field_widget[name=product_id] input",
            run: "edit Riz tour",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains('Riz tour 1 kg')",
            run: "click",
        },
        {
            trigger: ".o_data_row:eq(1) .o_field_widget[name=quantity] input",
            run: "edit 30",
        },
        {
            content: "Validate the reception (French button)",
            trigger: "button[name=button_validate]:contains('Valider')",
            run: "click",
        },
        {
            content: "The reception is done",
            trigger: ".o_statusbar_status button.o_arrow_button_current[data-value=done]",
        },
        {
            content: "The salad went to the positive cold room",
            trigger: ".o_data_row:contains('Salade verte tour') .o_data_cell[name=location_dest_id]:contains('Chambre froide positive')",
        },
        {
            content: "Open the storage rooms",
            trigger: "body",
            run: () => {
                window.location.href = "/odoo/action-alim_food.stock_location_action_room";
            },
            expectUnloadPage: true,
        },
        {
            content: "The cold room's stock",
            trigger: ".o_data_row:contains('Chambre froide positive') button:contains('Stock actuel')",
            run: "click",
        },
        {
            content: "The salad is in the cold room, the rice is not",
            trigger: ".o_list_renderer:contains('Salade verte tour'):not(:contains('Riz tour'))",
        },
        {
            content: "Back to the rooms",
            trigger: ".o_breadcrumb a:contains('Salles de stockage')",
            run: "click",
        },
        {
            content: "The dry zone's stock",
            trigger: ".o_data_row:contains('Zone sèche') button:contains('Stock actuel')",
            run: "click",
        },
        {
            content: "The rice is in the dry zone, the salad is not",
            trigger: ".o_list_renderer:contains('Riz tour 1 kg'):not(:contains('Salade verte'))",
        },
    ],
});
