"""tools/addons_graph.py prints the addons' dependency graph and checks the README's copy."""

import importlib.util
import pathlib

import pytest

_path = pathlib.Path(__file__).parents[2] / "tools" / "addons_graph.py"
_spec = importlib.util.spec_from_file_location("addons_graph", _path)
addons_graph = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(addons_graph)


def _addons(tmp_path, **depends):
    """A folder of fake addons, each a manifest naming its depends."""
    folder = tmp_path / "addons"
    for addon, deps in depends.items():
        (folder / addon).mkdir(parents=True)
        manifest = {"name": addon.title(), "version": "18.0.1.0.0", "depends": deps}
        (folder / addon / "__manifest__.py").write_text(repr(manifest) + "\n")
    (folder / "not_an_addon").mkdir()  # a folder without a manifest is left out
    return folder


def _graph(tmp_path, capsys, folder):
    assert addons_graph.main(["--addons", str(folder)]) == 0
    return capsys.readouterr().out


def _rows(output):
    """The block's lines as (addon, suite, core), without the fence and the header."""
    lines = output.strip().splitlines()
    assert lines[0] == "```text" and lines[-1] == "```"
    return [tuple(cell.strip() for cell in line.split("  ") if cell.strip()) for line in lines[2:-1]]


@pytest.fixture
def suite(tmp_path):
    return _addons(
        tmp_path,
        base=["mail", "portal"],
        network=["base", "contacts"],
        food=["network", "stock"],
        rounds=["food", "catalogue", "stock_fleet"],
        catalogue=["food", "sale_stock", "account"],
        cold=["food"],
    )


def test_each_addon_after_its_dependencies_with_suite_and_core_apart(tmp_path, capsys, suite):
    assert _rows(_graph(tmp_path, capsys, suite)) == [
        ("base", "-", "mail, portal"),
        ("network", "base", "contacts"),
        ("food", "network", "stock"),
        ("catalogue", "food", "account, sale_stock"),
        ("cold", "food", "-"),
        ("rounds", "catalogue, food", "stock_fleet"),
    ]


def test_manifests_are_read_not_run(tmp_path, capsys):
    folder = _addons(tmp_path, base=["mail"])
    (folder / "base" / "__manifest__.py").write_text("{'depends': __import__('os').getcwd()}")
    assert addons_graph.main(["--addons", str(folder)]) == 2
    assert "addons_graph:" in capsys.readouterr().err


def test_a_cycle_is_refused(tmp_path, capsys):
    folder = _addons(tmp_path, one=["two"], two=["one"])
    assert addons_graph.main(["--addons", str(folder)]) == 2
    assert "dependency cycle" in capsys.readouterr().err


def _readme(tmp_path, block):
    readme = tmp_path / "README.md"
    readme.write_text(
        f"# Suite\n\nThe addons:\n\n<!-- addons-graph -->\n{block}\n<!-- /addons-graph -->\n\nMore.\n"
    )
    return readme


def test_check_passes_when_the_readme_matches(tmp_path, capsys, suite):
    readme = _readme(tmp_path, _graph(tmp_path, capsys, suite).strip())
    assert addons_graph.main(["--addons", str(suite), "--check", str(readme)]) == 0


def test_check_fails_when_a_manifest_changed(tmp_path, capsys, suite):
    readme = _readme(tmp_path, _graph(tmp_path, capsys, suite).strip())
    manifest = suite / "cold" / "__manifest__.py"
    manifest.write_text(manifest.read_text().replace("['food']", "['food', 'mrp']"))
    assert addons_graph.main(["--addons", str(suite), "--check", str(readme)]) == 1
    assert "+cold" in capsys.readouterr().err


def test_check_fails_without_the_markers(tmp_path, capsys, suite):
    readme = tmp_path / "README.md"
    readme.write_text("# Suite\n")
    assert addons_graph.main(["--addons", str(suite), "--check", str(readme)]) == 1
    assert "<!-- addons-graph -->" in capsys.readouterr().err


def test_write_replaces_only_the_block(tmp_path, capsys, suite):
    readme = _readme(tmp_path, "an old graph")
    assert addons_graph.main(["--addons", str(suite), "--write", str(readme)]) == 0
    text = readme.read_text()
    assert text.startswith("# Suite\n\nThe addons:\n\n<!-- addons-graph -->\n```text\n")
    assert text.endswith("```\n<!-- /addons-graph -->\n\nMore.\n")
    assert "an old graph" not in text
    assert addons_graph.main(["--addons", str(suite), "--check", str(readme)]) == 0
