"""The test command's reading of Odoo's log decides pass or fail: it is tested too."""

import importlib.util
import pathlib

_path = pathlib.Path(__file__).parents[2] / "tools" / "odoo_log_summary.py"
_spec = importlib.util.spec_from_file_location("odoo_log_summary", _path)
odoo_log_summary = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(odoo_log_summary)

OK = (
    "2026-01-01 10:00:00,000 42 INFO db odoo.service.server: "
    "0 failed, 0 error(s) of 12 tests when loading database 'db'"
)


def _run(tmp_path, capsys, *lines):
    log = tmp_path / "odoo.log"
    log.write_text("\n".join(lines))
    odoo_log_summary.main([str(log)])
    return capsys.readouterr().out.splitlines()[-1]


def test_clean_run_counts_tests(tmp_path, capsys):
    assert _run(tmp_path, capsys, OK) == "12 0"


def test_failures_counted(tmp_path, capsys):
    line = OK.replace("0 failed, 0 error(s)", "2 failed, 1 error(s)")
    assert _run(tmp_path, capsys, line) == "9 3"


def test_error_outside_tests_fails(tmp_path, capsys):
    err = "2026-01-01 10:00:00,000 42 ERROR db odoo.modules.loading: boom"
    assert _run(tmp_path, capsys, err, OK) == "12 1"


def test_skipped_tour_fails(tmp_path, capsys):
    skip = "2026-01-01 10:00:00,000 42 WARNING db odoo.tests: websocket-client module is not installed"
    assert _run(tmp_path, capsys, skip, OK) == "12 1"


def test_no_result_fails(tmp_path, capsys):
    assert _run(tmp_path, capsys, "Traceback") == "0 1"
