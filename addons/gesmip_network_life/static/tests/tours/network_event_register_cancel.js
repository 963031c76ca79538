import { registry } from "@web/core/registry";

// The page must fit the screen it is shown on: no sideways scrolling, on a phone either.
function checkNoSidewaysScroll() {
    const page = document.documentElement;
    if (page.scrollWidth > page.clientWidth) {
        throw new Error(`The page scrolls sideways: ${page.scrollWidth} px for ${page.clientWidth} px`);
    }
}

// A grocery volunteer registers someone to a network event, then cancels the registration
// (before the event begins): it stays listed, cancelled, with no cancel button.
registry.category("web_tour.tours").add("gesmip_network_event_register_cancel", {
    steps: () => [
        {
            content: "The network events fit the screen",
            trigger: "a:contains('Cold chain training')",
            run: checkNoSidewaysScroll,
        },
        {
            content: "Open the event",
            trigger: "a:contains('Cold chain training')",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The event fits the screen",
            trigger: "input#name_1",
            run: checkNoSidewaysScroll,
        },
        {
            content: "Who comes",
            trigger: "input#name_1",
            run: "edit Lucie Martin",
        },
        {
            content: "Register",
            trigger: "form[action$='/register'] button[type='submit']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Registered, listed",
            trigger: ".alert-success ~ .o_network_registrations li:contains('Lucie Martin') .o_network_cancel",
            run: checkNoSidewaysScroll,
        },
        {
            content: "Cancel the registration",
            trigger: ".o_network_registrations li:contains('Lucie Martin') .o_network_cancel",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Cancelled: still listed, no cancel button",
            trigger: ".alert-success ~ .o_network_registrations li:contains('Lucie Martin'):not(:has(.o_network_cancel))",
            run: checkNoSidewaysScroll,
        },
    ],
});
