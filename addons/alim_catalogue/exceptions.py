from odoo.exceptions import UserError


class QuantitiesRefused(UserError):
    """Quantities of a grocery's form refused, all at once: the message says nothing was
    saved and lists each refusal; ``refused`` maps each refused line's id to its reason, for
    the portal page to mark the lines and keep what was typed."""

    def __init__(self, message, refused):
        super().__init__(message)
        self.refused = refused
