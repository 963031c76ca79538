import { registry } from "@web/core/registry";
import { utils as uiUtils } from "@web/core/ui/ui_service";

// On a phone, the form's header buttons are in the gear menu of the control panel.
function headerButton(name, content) {
    const steps = [];
    if (uiUtils.isSmall()) {
        steps.push({
            content: "Open the form's actions (phone)",
            trigger: ".o_control_panel .o_cp_action_menus button.dropdown-toggle",
            run: "click",
        });
    }
    steps.push({ content, trigger: `button[name=${name}]`, run: "click" });
    return steps;
}

// The cycle manager (in French, in Paris) puts a cycle confirmed without a round on a new
// round: the round opens with one stop per grocery.
registry.category("web_tour.tours").add("gesmip_suite_round_put_on", {
    steps: () => [
        {
            content: "The cycle is confirmed",
            trigger: ".o_statusbar_status .o_arrow_button_current:contains('Confirmé')",
        },
        ...headerButton("action_alim_put_on_round", "Put it on a round (Mettre en tournée)"),
        {
            content: "A new round opens, numbered",
            trigger: ".o_form_view .o_field_widget[name=name]:contains('TL/')",
        },
        {
            content: "One stop for the first grocery",
            trigger: ".o_field_widget[name=alim_delivery_stop_ids] .o_data_row:contains('Round grocery A')",
        },
        {
            content: "One stop for the second grocery",
            trigger: ".o_field_widget[name=alim_delivery_stop_ids] .o_data_row:contains('Round grocery B')",
        },
    ],
});

// After a recall took the lentils' lot out of the deliveries' reservations: the round still
// has its two stops, and its sheet (the HTML the PDF is printed from, as this user reads it)
// lists what is still loaded and no longer the recalled lot.
registry.category("web_tour.tours").add("gesmip_suite_round_sheet_after_recall", {
    steps: () => [
        {
            content: "The round keeps its stops",
            trigger: ".o_field_widget[name=alim_delivery_stop_ids] .o_data_row:contains('Round grocery B')",
        },
        {
            content: "The round sheet lists the rice, not the recalled lentils",
            trigger: ".o_form_view .o_field_widget[name=name]:contains('TL/')",
            async run() {
                const roundId = window.location.pathname.split("/").pop();
                const response = await fetch(`/report/html/alim_rounds.alim_delivery_round_sheet/${roundId}`);
                const sheet = await response.text();
                const expected = ["Feuille de tournée", "Round grocery A", "Round grocery B", "Round rice 5 kg"];
                const missing = expected.filter((text) => !sheet.includes(text));
                if (response.status !== 200 || missing.length) {
                    throw new Error(`Round sheet (${response.status}) without ${missing.join(", ")}`);
                }
                for (const recalled of ["LENT-RECALL-1", "Round green lentils 1 kg"]) {
                    if (sheet.includes(recalled)) {
                        throw new Error(`The round sheet still lists ${recalled}`);
                    }
                }
            },
        },
    ],
});
