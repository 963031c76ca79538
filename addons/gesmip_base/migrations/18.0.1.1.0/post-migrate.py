"""Sign-up by invitation only on databases installed before 18.0.1.1.0, where Odoo's default
(b2c: anyone may create a portal account at /web/signup) was left as it was."""

import logging

_logger = logging.getLogger(__name__)


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        "UPDATE ir_config_parameter SET value = 'b2b' "
        "WHERE key = 'auth_signup.invitation_scope' AND value != 'b2b'"
    )
    if cr.rowcount:
        _logger.info("gesmip_base: sign-up set to invitation only (auth_signup.invitation_scope = b2b)")
