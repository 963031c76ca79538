import { registry } from "@web/core/registry";

// The page must fit the screen it is shown on: no sideways scrolling, on a phone either.
function checkNoSidewaysScroll() {
    const page = document.documentElement;
    if (page.scrollWidth > page.clientWidth) {
        throw new Error(`The page scrolls sideways: ${page.scrollWidth} px for ${page.clientWidth} px`);
    }
}

// A grocery volunteer types a quantity the line refuses (half a unit) beside a good one: the
// page says nothing was saved and keeps both values; corrected, the volunteer changes page
// without pressing "save": what was typed is saved on the way.
registry.category("web_tour.tours").add("alim_catalogue_portal_refusal_paging", {
    steps: () => [
        {
            content: "The catalogue fits the screen",
            trigger: "tr[data-product='Barley'] input.o_alim_qty",
            run: checkNoSidewaysScroll,
        },
        {
            content: "4 of barley",
            trigger: "tr[data-product='Barley'] input.o_alim_qty",
            run: "edit 4",
        },
        {
            content: "2,5 of oats, sold by the unit",
            trigger: "tr[data-product='Oats'] input.o_alim_qty",
            run: "edit 2,5",
        },
        {
            content: "The total follows what is typed, not saved yet",
            trigger: ".o_alim_total_bar .o_alim_bar_unsaved:not(.d-none)",
        },
        {
            content: "Save",
            trigger: "button.o_alim_save",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Refused: nothing was saved, the oats line is marked",
            trigger: ".o_alim_error:contains('Rien n')",
        },
        {
            content: "The barley typed is still in its field",
            trigger: "tr[data-product='Barley'] input.o_alim_qty[value='4']",
        },
        {
            content: "The oats typed too, marked with the reason",
            trigger: "tr[data-product='Oats'] input.o_alim_qty.is-invalid[value='2,5']",
        },
        {
            content: "Corrected: 2 of oats",
            trigger: "tr[data-product='Oats'] input.o_alim_qty",
            run: "edit 2",
        },
        {
            content: "Next page, without saving first",
            trigger: ".pagination a[href*='/page/2']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Saved on the way, now on the second page",
            trigger: ".o_alim_saved",
        },
        {
            content: "The second page fits the screen too",
            trigger: "tr[data-product='Rice'] input.o_alim_qty",
            run: checkNoSidewaysScroll,
        },
    ],
});
