import { registry } from "@web/core/registry";

// The page must fit the screen it is shown on: no sideways scrolling, on a phone either.
function checkNoSidewaysScroll() {
    const page = document.documentElement;
    if (page.scrollWidth > page.clientWidth) {
        throw new Error(`The page scrolls sideways: ${page.scrollWidth} px for ${page.clientWidth} px`);
    }
}

// A grocery volunteer sees the recall banner on /my, opens the recall and answers it with a
// note: the answer is shown with the note, the form is still there for a later correction.
registry.category("web_tour.tours").add("alim_coldchain_portal_recall_answer", {
    steps: () => [
        {
            content: "The portal home fits the screen, with the recall banner",
            trigger: ".o_alim_recall_banner a.alert-link",
            run: checkNoSidewaysScroll,
        },
        {
            content: "Open the recall from the banner",
            trigger: ".o_alim_recall_banner a.alert-link",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The recall fits the screen",
            trigger: "form[action$='/answer'] input#destroyed",
            run: checkNoSidewaysScroll,
        },
        {
            content: "4 destroyed",
            trigger: "input#destroyed",
            run: "edit 4",
        },
        {
            content: "2 already given out",
            trigger: "input#given_out",
            run: "edit 2",
        },
        {
            content: "A note",
            trigger: "textarea#note",
            run: "edit Two portions given on Saturday, families called.",
        },
        {
            content: "Send the answer",
            trigger: "form[action$='/answer'] button[type='submit']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Sent: the answer is shown with its note",
            trigger: ".alert-success ~ #recall_answers .o_alim_recall_answer:contains('families called')",
            run: checkNoSidewaysScroll,
        },
    ],
});
