"""What every portal door of the suite shares: records looked up by a hostile id answer 404,
and the messages shown after a redirect are kept on the server (in the session), never read
from the URL."""

from werkzeug.exceptions import NotFound

from odoo.exceptions import AccessError, MissingError
from odoo.http import request

# PostgreSQL ids are int4: a bigger number is no record of ours (and would fail in SQL).
MAX_ID = 2**31 - 1
FLASH_KEY = "gesmip_flash"


def record_or_404(model, record_id, check=None):
    """The record ``record_id`` of ``model``, read as the current user, or raise NotFound
    (a 404) when the id is not a positive int4, the record does not exist, the user may not
    read it, or ``check(record)`` is false. A user cannot tell a record it may not see from
    a missing one."""
    if not isinstance(record_id, int) or isinstance(record_id, bool) or not 0 < record_id <= MAX_ID:
        raise NotFound()
    record = request.env[model].browse(record_id)
    try:
        record = record.exists()
        if not record:
            raise NotFound()
        record.check_access("read")
        if check is not None and not check(record):
            raise NotFound()
    except (AccessError, MissingError):
        raise NotFound() from None
    return record


def flash(kind, text):
    """Keep ``text`` to show once on the next page (``kind``: "error" or "success")."""
    request.session[FLASH_KEY] = {"kind": kind, "text": str(text)[:1000]}


def pop_flash():
    """``{"error": text}`` or ``{"success": text}`` kept by :func:`flash`, once; else {}."""
    kept = request.session.pop(FLASH_KEY, None)
    if not isinstance(kept, dict) or kept.get("kind") not in ("error", "success"):
        return {}
    return {kept["kind"]: kept.get("text") or ""}
