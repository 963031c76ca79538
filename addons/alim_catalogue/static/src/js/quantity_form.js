/** @odoo-module **/

import publicWidget from "@web/legacy/js/public/public_widget";

// A number as a French volunteer types it: "2,5" and "2.5" are 2.5; anything else is not a
// number here (the server's reader says why when the form is saved).
function typedNumber(text) {
    const value = Number(String(text).trim().replace(",", "."));
    return String(text).trim() && Number.isFinite(value) ? value : null;
}

// The catalogue's order form: its total bar follows what is typed, and nothing typed is
// lost by changing page or filter (the form is saved first, then the page asked is shown).
publicWidget.registry.AlimQuantityForm = publicWidget.Widget.extend({
    selector: "form.o_alim_quantity_form",
    events: {
        "input input.o_alim_qty": "_onQuantityInput",
        submit: "_onSubmit",
    },

    start() {
        // values typed and refused, shown again: still to be saved
        this.dirty = this.el.dataset.unsaved === "1";
        this.bar = this.el.querySelector(".o_alim_total_bar");
        const money = this.el.dataset.currency;
        this.moneyFormat = new Intl.NumberFormat(document.documentElement.lang || "fr-FR", {
            style: "currency",
            currency: money || "EUR",
        });
        this.kgFormat = new Intl.NumberFormat(document.documentElement.lang || "fr-FR", {
            maximumFractionDigits: 1,
            minimumFractionDigits: 1,
        });
        this._onBeforeUnload = (ev) => {
            if (this.dirty) {
                ev.preventDefault();
                ev.returnValue = "";
            }
        };
        this._onPagerClick = (ev) => this._saveThenGo(ev, this._pageOf(ev.currentTarget.href));
        this._onFilterSubmit = (ev) => this._saveThenFilter(ev);
        window.addEventListener("beforeunload", this._onBeforeUnload);
        this.pagerLinks = [...document.querySelectorAll(".o_alim_cycle .pagination a[href]")];
        this.pagerLinks.forEach((link) => link.addEventListener("click", this._onPagerClick));
        this.filterForm = document.querySelector("form.o_alim_filters");
        this.filterForm?.addEventListener("submit", this._onFilterSubmit);
        this._updateTotals();
        return this._super(...arguments);
    },

    destroy() {
        window.removeEventListener("beforeunload", this._onBeforeUnload);
        this.pagerLinks.forEach((link) => link.removeEventListener("click", this._onPagerClick));
        this.filterForm?.removeEventListener("submit", this._onFilterSubmit);
        this._super(...arguments);
    },

    _onQuantityInput() {
        this.dirty = true;
        this._updateTotals();
    },

    _onSubmit() {
        this.dirty = false; // saving: leaving the page is what the user asked
    },

    // The order's total as saved, plus what the typed quantities of this page change.
    _updateTotals() {
        if (!this.bar) {
            return;
        }
        let amount = Number(this.bar.dataset.amount) || 0;
        let kg = Number(this.bar.dataset.kg) || 0;
        for (const row of this.el.querySelectorAll("tr.o_alim_line")) {
            const typed = typedNumber(row.querySelector("input.o_alim_qty")?.value || "0");
            const change = (typed === null ? 0 : typed) - (Number(row.dataset.saved) || 0);
            amount += change * (Number(row.dataset.price) || 0);
            kg += change * (Number(row.dataset.kg) || 0);
        }
        this.bar.querySelector(".o_alim_bar_amount").textContent = this.moneyFormat.format(amount);
        this.bar.querySelector(".o_alim_bar_kg").textContent = this.kgFormat.format(kg);
        this.bar.querySelector(".o_alim_bar_unsaved").classList.toggle("d-none", !this.dirty);
    },

    _pageOf(href) {
        const match = /\/page\/(\d+)/.exec(new URL(href, window.location.href).pathname);
        return match ? match[1] : "1";
    },

    _hidden(name, value) {
        let input = this.el.querySelector(`input[type=hidden][name=${name}]`);
        if (!input) {
            input = document.createElement("input");
            input.type = "hidden";
            input.name = name;
            this.el.appendChild(input);
        }
        input.value = value;
    },

    // A pager link with quantities typed and not saved: save them, then show the page asked.
    _saveThenGo(ev, page) {
        if (!this.dirty) {
            return;
        }
        ev.preventDefault();
        this._hidden("goto", page);
        this.dirty = false;
        this.el.submit();
    },

    // The filters asked with quantities typed and not saved: save them, then show the first
    // page of the catalogue filtered.
    _saveThenFilter(ev) {
        if (!this.dirty) {
            return;
        }
        ev.preventDefault();
        for (const name of ["search", "storage", "category", "badge"]) {
            this._hidden(name, this.filterForm.elements[name]?.value || "");
        }
        this._hidden("goto", "1");
        this.dirty = false;
        this.el.submit();
    },
});
