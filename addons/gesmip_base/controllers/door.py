"""What every portal door of the suite shares: records looked up by a hostile id answer 404,
a form is submitted whole or not at all (:func:`submit`), and the messages shown after a
redirect are kept on the server (in the session), never read from the URL."""

from werkzeug.exceptions import NotFound

from odoo.exceptions import AccessError, MissingError, UserError
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


def flash(kind, text, form=None):
    """Keep ``text`` to show once on the next page (``kind``: "error" or "success"), and
    ``form``, a small dict of what the form held (the values typed, the lines refused), for
    the page to show again after a refusal."""
    request.session[FLASH_KEY] = {"kind": kind, "text": str(text)[:1000], "form": form or {}}


def pop_flash():
    """``{"error": text}`` or ``{"success": text}`` kept by :func:`flash`, with
    ``"flashed_form"`` (the dict kept with it) when there is one, once; else {}."""
    kept = request.session.pop(FLASH_KEY, None)
    if not isinstance(kept, dict) or kept.get("kind") not in ("error", "success"):
        return {}
    values = {kept["kind"]: kept.get("text") or ""}
    if isinstance(kept.get("form"), dict) and kept["form"]:
        values["flashed_form"] = kept["form"]
    return values


def submit(action, success, redirect, refused=None, savepoint=True):
    """Run a portal form's write, ``action()``, and answer the browser.

    The write runs in a savepoint: a refusal leaves nothing written, even half-way through
    (``savepoint=False`` for a write that checks everything before its one write and may
    commit, as mails do). An ``AccessError`` answers 404, as a record the user may not see.
    A ``UserError`` is the refusal said to the user: by default its message is flashed and
    the browser sent to ``redirect``; ``refused`` is another URL to send it to, or a function
    ``refused(error)`` that makes the response itself. Else ``success`` (a text, or a function
    of what ``action`` returned) is flashed and the browser sent to ``redirect``."""
    try:
        if savepoint:
            with request.env.cr.savepoint():
                result = action()
        else:
            result = action()
    except AccessError:
        raise NotFound() from None
    except UserError as error:
        if callable(refused):
            return refused(error)
        flash("error", error.args[0])
        return request.redirect(refused or redirect)
    flash("success", success(result) if callable(success) else success)
    return request.redirect(redirect)
