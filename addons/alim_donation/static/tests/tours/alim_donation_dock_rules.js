import { registry } from "@web/core/registry";

// The rules of the dock, on the dock screen itself (in French): a short-dated yoghurt is
// accepted with the reason written on its line; the temperature of chilled goods is empty
// until typed, a temperature above the maximum warns the volunteer at once and turns the
// line red; measured again, the reception is validated and the dates read as days.
// On a phone a many2one opens a search dialog instead of a dropdown: the steps pick the
// record in whichever shows.
function inDays(days) {
    const date = new Date();
    date.setDate(date.getDate() + days);
    const pad = (n) => String(n).padStart(2, "0");
    return `${pad(date.getDate())}/${pad(date.getMonth() + 1)}/${date.getFullYear()}`;
}

function pick(name) {
    return `.o-autocomplete--dropdown-item:contains('${name}'), .modal .o_kanban_record:contains('${name}')`;
}

registry.category("web_tour.tours").add("alim_donation_dock_rules", {
    steps: () => [
        {
            content: "The donor",
            trigger: ".o_field_widget[name=partner_id] input",
            run: "edit Super",
        },
        {
            trigger: pick("Supermarché Règles"),
            run: "click",
        },
        {
            content: "First line: the short-dated yoghurt",
            trigger: ".o_field_x2many_list_row_add > a",
            run: "click",
        },
        {
            trigger: ".o_data_row .o_field_widget[name=product_id] input",
            run: "edit Yaourt règles",
        },
        {
            trigger: pick("Yaourt règles"),
            run: "click",
        },
        {
            trigger: ".o_data_row .o_field_widget[name=quantity] input",
            run: "edit 6",
        },
        {
            content: "Its lot (its date goes on the same line)",
            trigger: ".o_data_row .o_field_widget[name=lot_name] input",
            run: "edit DLC-COURTE",
        },
        {
            content: "The temperature is empty until measured (not 0,0)",
            trigger: ".o_data_row .o_field_widget[name=alim_reception_temp_entry] input",
            run() {
                if (this.anchor.value !== "") {
                    throw new Error(`The temperature reads "${this.anchor.value}" before any measure`);
                }
            },
        },
        {
            trigger: ".o_data_row .o_field_widget[name=alim_reception_temp_entry] input",
            run: "edit 3,5",
        },
        {
            content: "Why the short-dated lot is accepted, written on the dock line",
            trigger: ".o_data_row .o_field_widget[name=alim_short_date_reason] textarea",
            run: "edit Distribué demain matin par l'épicerie des Minimes",
        },
        {
            content: "The date last: the product's onchange has answered by now (it proposes a date)",
            trigger: ".o_data_row .o_field_widget[name=expiration_date] input",
            run: `edit ${inDays(1)}`,
        },
        {
            trigger: `.o_data_row .o_field_widget[name=expiration_date] input:value(${inDays(1)})`,
        },
        {
            content: "Second line: the salad",
            trigger: ".o_field_x2many_list_row_add > a",
            run: "click",
        },
        {
            trigger: ".o_data_row:eq(1) .o_field_widget[name=product_id] input",
            run: "edit Salade règles",
        },
        {
            trigger: pick("Salade règles"),
            run: "click",
        },
        {
            trigger: ".o_data_row:eq(1) .o_field_widget[name=quantity] input",
            run: "edit 12",
        },
        {
            trigger: ".o_data_row:eq(1) .o_field_widget[name=lot_name] input",
            run: "edit SAL-1",
        },
        {
            content: "+9 °C measured in the salad",
            trigger: ".o_data_row:eq(1) .o_field_widget[name=alim_reception_temp_entry] input",
            run: "edit 9 && press Tab",
        },
        {
            content: "The volunteer is told at once",
            trigger: ".modal:contains('Température hors limites'):contains('+9 °C')",
        },
        {
            trigger: ".modal .modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "The line is red",
            trigger: ".o_data_row.text-danger .o_field_widget[name=alim_reception_temp_entry] input",
        },
        {
            content: "Measured again, +2 °C",
            trigger: ".o_data_row:eq(1) .o_field_widget[name=alim_reception_temp_entry] input",
            run: "edit 2",
        },
        {
            trigger: ".o_data_row:eq(1) .o_field_widget[name=expiration_date] input",
            run: `edit ${inDays(6)}`,
        },
        {
            trigger: `.o_data_row:eq(1) .o_field_widget[name=expiration_date] input:value(${inDays(6)})`,
        },
        {
            content: "Validate the reception",
            trigger: "button[name=button_validate]:contains('Valider')",
            run: "click",
        },
        {
            content: "The reception is done",
            trigger: ".o_statusbar_status button.o_arrow_button_current[data-value=done]",
        },
        {
            content: "The yoghurt's date reads as a day, on the line of its lot",
            trigger: `.o_data_row:contains('DLC-COURTE') .o_data_cell[name=expiration_date]:contains('${inDays(1)}'):not(:contains(':'))`,
        },
        {
            content: "Its temperature and the reason are kept on the line",
            trigger: ".o_data_row:contains('DLC-COURTE') .o_data_cell[name=alim_reception_temp_entry]:contains('+3,5')",
        },
        {
            trigger: ".o_data_row:contains('DLC-COURTE') .o_data_cell[name=alim_short_date_reason]:contains('Minimes')",
        },
        {
            content: "The salad, no longer red, went to the cold room",
            trigger: ".o_data_row:not(.text-danger):contains('Salade règles') .o_data_cell[name=location_dest_id]:contains('Chambre froide positive')",
        },
    ],
});
