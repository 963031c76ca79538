import { registry } from "@web/core/registry";

// The page must fit the screen it is shown on: no sideways scrolling, on a phone either.
function checkNoSidewaysScroll() {
    const page = document.documentElement;
    if (page.scrollWidth > page.clientWidth) {
        throw new Error(`The page scrolls sideways: ${page.scrollWidth} px for ${page.clientWidth} px`);
    }
}

// A grocery volunteer gives a quantity for a group purchase being collected: once saved, the
// page says what the grocery asks, in euros and in kilograms (3 sacks of 25 kg: 75 kg).
registry.category("web_tour.tours").add("alim_catalogue_portal_group_purchase", {
    steps: () => [
        {
            content: "The group purchases fit the screen",
            trigger: "tr[data-product='Flour sack 25 kg'] input.o_alim_qty",
            run: checkNoSidewaysScroll,
        },
        {
            content: "3 sacks",
            trigger: "tr[data-product='Flour sack 25 kg'] input.o_alim_qty",
            run: "edit 3",
        },
        {
            content: "Save",
            trigger: "form.o_alim_group_purchase button[type='submit']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Saved, the quantity kept",
            trigger: ".o_alim_saved ~ form tr[data-product='Flour sack 25 kg'] input.o_alim_qty[value='3']",
        },
        {
            content: "The total in euros and in kilograms",
            trigger: ".o_alim_group_total:contains('€'):contains('75,0')",
            run: checkNoSidewaysScroll,
        },
    ],
});
