import { registry } from "@web/core/registry";

// The page must fit the screen it is shown on: no sideways scrolling, on a phone either.
function checkNoSidewaysScroll() {
    const page = document.documentElement;
    if (page.scrollWidth > page.clientWidth) {
        throw new Error(`The page scrolls sideways: ${page.scrollWidth} px for ${page.clientWidth} px`);
    }
}

// A grocery volunteer pauses the standing order (nothing is put on the next cycles' orders),
// then resumes it: each time the page says it is saved, and whether it is paused.
registry.category("web_tour.tours").add("alim_catalogue_portal_standing_pause", {
    steps: () => [
        {
            content: "The standing order fits the screen",
            trigger: "form[action='/my/standing-order/save'] input#alim_standing_active:checked",
            run: checkNoSidewaysScroll,
        },
        {
            content: "Not applied to the next cycles",
            trigger: "input#alim_standing_active",
            run: "click",
        },
        {
            content: "Save",
            trigger: "form[action='/my/standing-order/save'] button[type='submit']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Saved, and said to be paused",
            trigger: ".o_alim_saved ~ form .o_alim_paused",
        },
        {
            content: "The paused standing order fits the screen",
            trigger: "input#alim_standing_active:not(:checked)",
            run: checkNoSidewaysScroll,
        },
        {
            content: "Applied again to the next cycles",
            trigger: "input#alim_standing_active",
            run: "click",
        },
        {
            content: "Save",
            trigger: "form[action='/my/standing-order/save'] button[type='submit']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Saved, no longer paused",
            trigger: ".o_alim_saved ~ form:not(:has(.o_alim_paused)) input#alim_standing_active:checked",
            run: checkNoSidewaysScroll,
        },
    ],
});
