"""Which addons the test command installs alone, and what they may bring (no database)."""

import importlib.util
import pathlib

_path = pathlib.Path(__file__).parents[2] / "tools/addons_alone.py"
_spec = importlib.util.spec_from_file_location("addons_alone", _path)
addons_alone = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(addons_alone)

SUITE = {
    "g_base": {"depends": ["mail"]},
    "g_network": {"depends": ["g_base", "contacts"]},
    "g_life": {"depends": ["g_network", "event"]},
    "g_food": {"depends": ["g_network", "stock"]},
    "g_cold": {"depends": ["g_food"]},
}
ODOO = {
    "base": {"depends": []},
    "mail": {"depends": ["base"]},
    "contacts": {"depends": ["mail"]},
    "event": {"depends": ["mail"]},
    "stock": {"depends": ["mail"]},
    "stock_sms": {"depends": ["stock", "sms"], "auto_install": True},
    "sms": {"depends": ["mail"]},
    "mail_bot": {"depends": ["mail"], "auto_install": True},
}


def test_leaves_are_the_addons_nothing_depends_on():
    assert addons_alone.leaves(SUITE) == ["g_cold", "g_life"]


def test_closure_keeps_to_the_manifests():
    assert addons_alone.closure(SUITE, ["g_cold"]) & set(SUITE) == {"g_base", "g_network", "g_food", "g_cold"}


def test_an_install_within_the_manifests_passes_and_says_what_stayed_out():
    installed = {"base", "mail", "contacts", "stock", "mail_bot", "g_base", "g_network", "g_food", "g_cold"}
    problems, absent = addons_alone.check(SUITE, ODOO, "g_cold", installed)
    assert problems == []
    assert absent == ["event", "g_life"]


def test_a_module_the_manifests_do_not_bring_fails():
    installed = {"base", "mail", "contacts", "stock", "event", "g_base", "g_network", "g_food", "g_cold"}
    problems, _absent = addons_alone.check(SUITE, ODOO, "g_cold", installed)
    assert problems == ["event"]


def test_auto_installs_bring_their_dependencies():
    installed = {
        "base",
        "mail",
        "contacts",
        "stock",
        "sms",
        "stock_sms",
        "g_base",
        "g_network",
        "g_food",
        "g_cold",
    }
    problems, _absent = addons_alone.check(SUITE, ODOO, "g_cold", installed)
    assert problems == ["sms", "stock_sms"]  # sms is not asked for, so stock_sms may not come
