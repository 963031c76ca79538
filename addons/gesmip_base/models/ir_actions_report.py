import functools
import logging
import re
import subprocess
import threading
from collections import OrderedDict
from contextlib import contextmanager

from odoo import api, models
from odoo.exceptions import UserError

from odoo.addons.base.models.ir_actions_report import _get_wkhtmltopdf_bin

from ..lib.letterhead import MARGIN_BOTTOM_MM, MARGIN_TOP_MM, PdfCheckError, check_pdf, merge, stamp

_logger = logging.getLogger(__name__)
ENGINE_LOGGER = "odoo.addons.base.models.ir_actions_report"
# The article of a body laid out by web.external_layout (any of Odoo's layouts) names its
# company in a class; its language in data-oe-lang.
COMPANY_LAYOUT = re.compile(r"\bo_company_(\d+)_layout\b")
BODY_LANG = re.compile(r'data-oe-lang="([A-Za-z_@]+)"')
# What a Debian wkhtmltopdf says on every run, that explains nothing.
ENGINE_NOISE = re.compile(
    r"The switch [-\w]+, is not support using unpatched qt, and will be ignored\.|"
    r"QStandardPaths: XDG_RUNTIME_DIR not set, defaulting to '[^']*'|^wkhtmltopdf: "
)


@functools.cache
def _engine_prints_several_documents():
    """Whether wkhtmltopdf is the build with patched Qt, the only one that prints several
    HTML documents into one PDF (Debian's exits with code 1 and leaves an empty file)."""
    try:
        out = subprocess.run(
            [_get_wkhtmltopdf_bin(), "--version"], capture_output=True, text=True, timeout=30, check=False
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return False
    return "patched qt" in out


class _EngineMessages(logging.Handler):
    """The warnings Odoo logs from wkhtmltopdf in this thread, to tell the user why."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.thread = threading.get_ident()
        self.messages = []

    def emit(self, record):
        if record.thread == self.thread:
            self.messages.append(record.getMessage())

    def reason(self):
        text = " ".join(ENGINE_NOISE.sub("", message).strip() for message in self.messages)
        return text.strip()[-500:]


class IrActionsReport(models.Model):
    """Every PDF laid out by web.external_layout carries its company's letterhead (logo, name,
    address, SIREN, RNA) and "Page x / N" on each page, stamped after the PDF engine, and
    a PDF that fails to render is an error the user reads, never an empty file."""

    _inherit = "ir.actions.report"

    @contextmanager
    def _gesmip_engine_messages(self):
        handler = _EngineMessages()
        logger = logging.getLogger(ENGINE_LOGGER)
        logger.addHandler(handler)
        try:
            yield handler
        finally:
            logger.removeHandler(handler)

    def _gesmip_check_pdf(self, data, report_ref, reason=""):
        """Raise a UserError saying why ``data`` is not a PDF document."""
        try:
            check_pdf(data)
        except PdfCheckError as error:
            report = self._get_report(report_ref) if report_ref else self
            _logger.warning("PDF of %s not made: %s %s", report.report_name, error, reason)
            raise UserError(
                self.env._(
                    "The PDF of “%(report)s” could not be made: %(error)s.%(reason)s",
                    report=report.name or report.report_name or "",
                    error=str(error),
                    reason=self.env._(" The PDF engine said: %(message)s", message=reason) if reason else "",
                )
            ) from error

    def _gesmip_body_company(self, body):
        """The company whose letterhead goes on ``body``, or an empty recordset."""
        match = COMPANY_LAYOUT.search(body)
        if not match:
            return self.env["res.company"]
        # The issuer's public identity, as web.external_layout reads it (company_id.sudo()).
        return self.env["res.company"].sudo().browse(int(match.group(1))).exists()

    def _gesmip_letterhead_paperformat_args(self, specific_paperformat_args):
        """The top and bottom margins of a page under the letterhead: its own, as it replaces
        the HTML header and footer that the paper format's margins were sized for."""
        args = dict(specific_paperformat_args or {})
        args["data-report-margin-top"] = MARGIN_TOP_MM
        args["data-report-margin-bottom"] = MARGIN_BOTTOM_MM
        return args

    @api.model
    def _run_wkhtmltopdf(
        self,
        bodies,
        report_ref=False,
        header=None,
        footer=None,
        landscape=False,
        specific_paperformat_args=None,
        set_viewport_size=False,
    ):
        """One wkhtmltopdf run per document when a letterhead is stamped (numbered per
        document) or when the engine prints one document at a time; each result checked."""
        companies = [self._gesmip_body_company(body) for body in bodies]
        several = len(bodies) > 1
        if not any(companies) and (not several or _engine_prints_several_documents()):
            with self._gesmip_engine_messages() as messages:
                pdf = super()._run_wkhtmltopdf(
                    bodies,
                    report_ref=report_ref,
                    header=header,
                    footer=footer,
                    landscape=landscape,
                    specific_paperformat_args=specific_paperformat_args,
                    set_viewport_size=set_viewport_size,
                )
            self._gesmip_check_pdf(pdf, report_ref, messages.reason())
            return pdf
        letterhead_args = self._gesmip_letterhead_paperformat_args(specific_paperformat_args)
        documents = []
        for body, company in zip(bodies, companies, strict=True):
            with self._gesmip_engine_messages() as messages:
                # Odoo's header and footer are replaced by the stamped letterhead, with the
                # engine of Debian (that ignores them) and with the patched one alike.
                pdf = super()._run_wkhtmltopdf(
                    [body],
                    report_ref=report_ref,
                    header=None if company else header,
                    footer=None if company else footer,
                    landscape=landscape,
                    specific_paperformat_args=letterhead_args if company else specific_paperformat_args,
                    set_viewport_size=set_viewport_size,
                )
            self._gesmip_check_pdf(pdf, report_ref, messages.reason())
            if company:
                match = BODY_LANG.search(body)
                pdf = stamp(pdf, company._gesmip_letterhead(match.group(1) if match else None))
            documents.append(pdf)
        return documents[0] if len(documents) == 1 else merge(documents)

    def _render_qweb_pdf_prepare_streams(self, report_ref, data, res_ids=None):
        """A report saved as an attachment per record (invoices) is rendered one record at a
        time when several are printed, so that each gets its own attachment (the engine of
        Debian makes no outline to split a document of several records by)."""
        report = self._get_report(report_ref)
        if (
            report.attachment
            and res_ids
            and len(res_ids) > 1
            and len(set(res_ids)) == len(res_ids)
            and not self._context.get("report_pdf_no_attachment")
        ):
            streams = OrderedDict()
            for res_id in res_ids:
                streams.update(
                    super()._render_qweb_pdf_prepare_streams(report_ref, dict(data or {}), res_ids=[res_id])
                )
            return streams
        return super()._render_qweb_pdf_prepare_streams(report_ref, data, res_ids=res_ids)

    def _render_qweb_pdf(self, report_ref, res_ids=None, data=None):
        content, report_type = super()._render_qweb_pdf(report_ref, res_ids=res_ids, data=data)
        if report_type == "pdf":
            self._gesmip_check_pdf(content, report_ref)
        return content, report_type
