"""French is complete: every term Odoo would export for an addon (field labels, selections,
views, data, Python and template messages), read from the installed code itself, has its
French translation in the addon's i18n/fr.po, or is listed as reading the same in French."""

import polib

from odoo.tests import TransactionCase, tagged
from odoo.tools.translate import TranslationModuleReader

from .suite_addons import ROOT, SUITE

IDENTICAL = ROOT / "tools" / "fr-identical.txt"


@tagged("post_install", "-at_install")
class TestTranslations(TransactionCase):
    def test_every_term_has_its_french(self):
        same = {
            line.rstrip("\n")
            for line in IDENTICAL.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")
        }
        missing = []
        for addon in SUITE:
            po = polib.pofile(str(ROOT / "addons" / addon / "i18n" / "fr.po"))
            translated = {entry.msgid for entry in po if entry.translated() and not entry.obsolete}
            terms = {
                source for _m, _t, _n, _r, source, _v, _c in TranslationModuleReader(self.env.cr, [addon])
            }
            missing += [f"{addon}: {term!r}" for term in sorted(terms - translated - same) if term.strip()]
        self.assertFalse(missing, "Terms without French (run tools/i18n.sh ADDON):\n" + "\n".join(missing))
