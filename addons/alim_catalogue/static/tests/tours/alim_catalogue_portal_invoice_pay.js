import { registry } from "@web/core/registry";

// The page must fit the screen it is shown on: no sideways scrolling, on a phone either.
function checkNoSidewaysScroll() {
    const page = document.documentElement;
    if (page.scrollWidth > page.clientWidth) {
        throw new Error(`The page scrolls sideways: ${page.scrollWidth} px for ${page.clientWidth} px`);
    }
}

// A grocery volunteer reads the grocery's balance on its portal home, goes to the overdue
// invoice and finds how to pay it: the platform's IBAN and the reference to quote, and no
// "Pay now" leading to a form without any payment method.
registry.category("web_tour.tours").add("alim_catalogue_portal_invoice_pay", {
    steps: () => [
        {
            content: "The balance is at the top of the portal home, in French",
            trigger: ".o_alim_invoice_balance h2:contains('Vos factures')",
        },
        {
            content: "What is left to pay",
            trigger: ".o_alim_balance_due strong:contains('65,75')",
        },
        {
            content: "What was paid of the year's invoices",
            trigger: ".o_alim_balance_paid strong:contains('100,00')",
        },
        {
            content: "The home fits the screen",
            trigger: ".o_alim_balance_overdue:contains('1 facture')",
            run: checkNoSidewaysScroll,
        },
        {
            content: "One invoice overdue: open the overdue invoices",
            trigger: ".o_alim_balance_overdue a:contains('En retard')",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The overdue invoices fit the screen",
            trigger: "td a[href^='/my/invoices/']",
            run: checkNoSidewaysScroll,
        },
        {
            content: "No 'pay overdue' button without a payment method",
            trigger: "body:not(:has(a[href='/my/invoices/overdue']))",
        },
        {
            content: "Open the overdue invoice",
            trigger: "td a[href^='/my/invoices/']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "How to pay it by transfer, said overdue",
            trigger: ".o_alim_bank_transfer h2:contains('Payer par virement')",
        },
        {
            content: "The overdue date",
            trigger: ".o_alim_bank_transfer .o_alim_transfer_overdue",
        },
        {
            content: "The platform's IBAN",
            trigger: ".o_alim_bank_transfer .o_alim_transfer_account:contains('FR76 4255 9100 0008 0012 3456 771')",
        },
        {
            content: "The BIC",
            trigger: ".o_alim_bank_transfer .o_alim_transfer_bic:contains('CCOPFRPPXXX')",
        },
        {
            content: "The reference to quote",
            trigger: ".o_alim_bank_transfer .o_alim_transfer_reference:not(:empty)",
        },
        {
            content: "No 'Pay now' that would lead nowhere",
            trigger: "body:not(:has([data-bs-target='#pay_with']))",
        },
        {
            content: "The invoice page fits the screen",
            trigger: ".o_alim_bank_transfer",
            run: checkNoSidewaysScroll,
        },
    ],
});
