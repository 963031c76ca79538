import io
import logging
import os
import subprocess
import tempfile

from odoo import api, models, tools
from odoo.tools.pdf import PdfReaderBase

from odoo.addons.base.models.ir_actions_report import _get_wkhtmltopdf_bin

_logger = logging.getLogger(__name__)

# Two marks 100 mm apart in the HTML: where they land in the PDF says how the renderer scales.
PROBE_MM = 100.0
PROBE_HTML = """<!DOCTYPE html><html><head><meta charset="utf-8"/></head>
<body style="margin:0;padding:0">
<div style="position:absolute;left:0;top:0;font:12pt sans-serif">x</div>
<div style="position:absolute;left:100mm;top:0;font:12pt sans-serif">x</div>
</body></html>"""
PT_PER_MM = 72 / 25.4
# the CSS zoom measured for each wkhtmltopdf binary and set of arguments, once per process
_ZOOMS = {}


def probe_positions(pdf):
    """The x positions (points) of the text runs on the first page of ``pdf``, left to right."""
    positions = []

    def visit(text, cm, tm, _font, _size):
        if text.strip():
            positions.append(tm[4] * cm[0] + tm[5] * cm[2] + cm[4])

    PdfReaderBase(io.BytesIO(pdf)).pages[0].extract_text(visitor_text=visit)
    return sorted(positions)


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    @api.model
    def _alim_true_size_zoom(self, paperformat):
        """The CSS zoom that makes a millimetre of a report's HTML print as a millimetre of
        paper with ``paperformat``.

        Odoo asks wkhtmltopdf for true size with the paperformat's ``dpi`` 96 (``--dpi 96
        --zoom 1.0``) and ``disable_shrinking`` (``--disable-smart-shrinking``); see
        ``_build_wkhtmltopdf_args``. A wkhtmltopdf built on an unpatched Qt (Debian's
        package) ignores ``--disable-smart-shrinking`` and ``--zoom``: WebKit's print shrink
        (1/1.25) and the screen's dpi then print 66 mm as about 50.7 mm. How much depends on
        the build and the machine, so it is measured: a page with two marks 100 mm apart is
        printed once per process with the report's own arguments, and the zoom is the inverse
        of the scale found (1.0 with Odoo's patched wkhtmltopdf). The labels are then laid out
        in millimetres inside an element with that CSS zoom.

        1.0 when Odoo renders HTML instead of a PDF (tests without ``force_report_rendering``)
        or when the measure fails (logged)."""
        if (tools.config["test_enable"] or tools.config["test_file"]) and not self.env.context.get(
            "force_report_rendering"
        ):
            return 1.0
        args = self._build_wkhtmltopdf_args(paperformat, False)
        if "--javascript-delay" in args:  # nothing to wait for on the probe page
            at = args.index("--javascript-delay")
            args = args[:at] + args[at + 2 :]
        key = (_get_wkhtmltopdf_bin(), tuple(args))
        if key not in _ZOOMS:
            _ZOOMS[key] = self._alim_measure_zoom(args)
        return _ZOOMS[key]

    @api.model
    def _alim_measure_zoom(self, args):
        with tempfile.TemporaryDirectory(prefix="alim_probe_") as folder:
            html, pdf = os.path.join(folder, "probe.html"), os.path.join(folder, "probe.pdf")
            with open(html, "w", encoding="utf-8") as probe:
                probe.write(PROBE_HTML)
            try:
                subprocess.run(
                    [_get_wkhtmltopdf_bin(), *args, html, pdf],
                    capture_output=True,
                    timeout=60,
                    check=False,
                )
                with open(pdf, "rb") as printed:
                    positions = probe_positions(printed.read())
                scale = (positions[-1] - positions[0]) / (PROBE_MM * PT_PER_MM)
            except Exception:  # pylint: disable=broad-except
                _logger.warning(
                    "Could not measure how wkhtmltopdf scales; labels print unzoomed", exc_info=True
                )
                return 1.0
        if not 0.2 < scale < 5:
            _logger.warning("wkhtmltopdf scale %.4f out of bounds; labels print unzoomed", scale)
            return 1.0
        zoom = 1.0 if abs(scale - 1) < 0.001 else round(1 / scale, 5)
        _logger.info(
            "wkhtmltopdf prints 100 mm as %.2f mm: true-size reports zoom %s", scale * PROBE_MM, zoom
        )
        return zoom
