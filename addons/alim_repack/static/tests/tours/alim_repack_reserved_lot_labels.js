import { registry } from "@web/core/registry";

// The lab operator (French, on a phone or a desktop) records a repack of a bulk lot that a
// grocery's delivery has reserved, then prints the pack labels. On a phone the form's
// header buttons live in the gear menu of the control panel.
const openGearOnPhone = {
    content: "On a phone, the order's buttons are in the gear menu",
    trigger: ".o_cp_action_menus button:has(.fa-cog)",
    run: "click",
    isActive: ["mobile"],
};

registry.category("web_tour.tours").add("alim_repack_reserved_lot_labels", {
    steps: () => [
        {
            content: "The order repacks the reserved sack",
            trigger: ".o_field_widget[name=input_ids]:contains('BULK-TOUR')",
        },
        openGearOnPhone,
        {
            content: "Record the session as done (French button)",
            trigger: "button[name=action_done]:contains('Enregistrer comme terminé')",
            run: "click",
        },
        {
            content: "Confirm: the bulk leaves stock, the packs enter it",
            trigger: ".modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "The packs have their lot",
            trigger: ".o_field_widget[name=output_lot_id]:contains('RC')",
        },
        openGearOnPhone,
        {
            content: "Print the labels (French button)",
            trigger: "button[name=action_print_labels]:contains('Imprimer les étiquettes')",
            run: "click",
        },
        {
            content: "One label per pack, on the company's sheet",
            trigger: ".modal .o_field_widget[name=label_count] input:value(25)",
        },
        {
            content: "The sheet is the L7159",
            trigger: ".modal .o_field_widget[name=label_sheet]:contains('L7159')",
        },
        {
            content: "Start on the third label of a sheet already used",
            trigger: ".modal .o_field_widget[name=first_position] input",
            run: "edit 3",
        },
        {
            content: "Print",
            trigger: ".modal-footer button[name=action_print]",
            run: "click",
        },
        {
            content: "The labels are printed and the dialog closes, with no error",
            trigger: "body:not(:has(.modal)) .o_form_view .o_field_widget[name=output_lot_id]",
        },
    ],
});
