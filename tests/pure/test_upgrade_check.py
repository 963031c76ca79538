"""The upgrade check's comparison, on snapshots written by hand (no database)."""

import importlib.util
import io
import pathlib

_path = pathlib.Path(__file__).parents[2] / "tools/upgrade_check.py"
_spec = importlib.util.spec_from_file_location("upgrade_check", _path)
upgrade_check = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(upgrade_check)

NO_DECLARATION = {
    "retired": {"columns": {}, "xmlids": {}, "column_patterns": {}, "xmlid_patterns": {}},
    "converted": {},
    "handed_over": {},
}


def _snapshot(folder, prefix, rows, columns, xmlids):
    (folder / f"{prefix}-rows.txt").write_text("".join(f"{t}|{n}\n" for t, n in rows.items()))
    (folder / f"{prefix}-columns.txt").write_text("".join(f"{c}\n" for c in columns))
    (folder / f"{prefix}-xmlids.txt").write_text("".join(f"{x}|{m}|{r}\n" for x, m, r in xmlids))
    return str(folder / prefix)


def _compare(tmp_path, before, after, declarations=NO_DECLARATION, dangling=()):
    (tmp_path / "dangling.txt").write_text("".join(f"{x}\n" for x in dangling))
    return upgrade_check.compare(
        _snapshot(tmp_path, "before", *before),
        _snapshot(tmp_path, "after", *after),
        str(tmp_path / "dangling.txt"),
        declarations,
        out=io.StringIO(),
    )


def test_an_xmlid_handed_to_another_addon_is_kept(tmp_path):
    before = ({"event_event": 3}, ["event_event.name"], [("gesmip_network.event_x", "event.event", "1")])
    after = ({"event_event": 3}, ["event_event.name"], [("gesmip_network_life.event_x", "event.event", "1")])
    assert _compare(tmp_path, before, after) == []


def test_lost_rows_columns_and_xmlids_fail(tmp_path):
    before = ({"t": 3}, ["t.a", "t.b"], [("m.x", "t", "1")])
    after = ({"t": 2}, ["t.a"], [])
    failures = _compare(tmp_path, before, after)
    assert [f.split(":")[0].split(" in ")[0] for f in failures] == [
        "rows lost",
        "columns dropped",
        "external ids lost",
    ]


def test_what_a_migration_declares_retired_passes(tmp_path):
    declarations = {
        **NO_DECLARATION,
        "retired": {
            "columns": {"t.b": "replaced"},
            "xmlids": {"m.x": "replaced"},
            "column_patterns": {},
            "xmlid_patterns": {},
        },
    }
    before = ({"t": 3}, ["t.a", "t.b"], [("m.x", "t", "1")])
    after = ({"t": 3}, ["t.a"], [])
    assert _compare(tmp_path, before, after, declarations) == []


def test_declarations_are_read_from_the_migrations(tmp_path):
    script = tmp_path / "addon_a/migrations/18.0.2.0.0/pre-migrate.py"
    script.parent.mkdir(parents=True)
    script.write_text(
        'RETIRED = {"columns": {"t.b": "why"}}\n'
        'CONVERTED = {"a.b": "c.d"}\n'
        'HANDED_OVER = {"addon_b": {"models": ["a.c"], "fields": {}}}\n'
        "\n\ndef migrate(cr, version):\n    pass\n"
    )
    declarations = upgrade_check.read_declarations(tmp_path)
    assert declarations["retired"]["columns"] == {"t.b": "why"}
    assert declarations["converted"] == {"a.b": "c.d"}
    assert declarations["handed_over"] == {"addon_b": {"models": ["a.c"], "fields": {}}}
    assert len(declarations["sources"]) == 3


def test_the_suites_migrations_declare_what_they_retire():
    declarations = upgrade_check.read_declarations(pathlib.Path(__file__).parents[2] / "addons")
    assert "alim_temperature_sensor.token" in declarations["retired"]["columns"]
    assert declarations["converted"]["alim.delivery.round"] == "stock.picking.batch"
    assert "gesmip.call.project" in declarations["handed_over"]["gesmip_network_life"]["models"]
