from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestLoginPage(HttpCase):
    def test_login_asks_for_an_identifier_in_french(self):
        """The network's volunteers log in with a name (mirail, entrepot): the login page asks
        for an "Identifiant", not an "E-mail"."""
        self.env["res.lang"]._activate_lang("fr_FR")
        self.env["ir.module.module"]._load_module_terms(["web", "gesmip_base"], ["fr_FR"])
        page = self.url_open("/web/login", headers={"Accept-Language": "fr-FR,fr;q=0.9"}).text
        self.assertIn('o_gesmip_login_label">Identifiant</label>', page)
        self.assertIn('placeholder="Identifiant ou e-mail"', page)
        page = self.url_open("/web/login", headers={"Accept-Language": "en-US"}).text
        self.assertIn('o_gesmip_login_label">Login</label>', page)
