#!/usr/bin/env python3
"""Print the dependency graph of the suite's addons, as the README shows it.

Reads ``addons/*/__manifest__.py`` (with ``ast.literal_eval``, nothing is imported) and
prints one line per addon: the suite addons it depends on, and the other modules (Odoo's
core) it names in its own ``depends``. Addons come in layers: an addon is listed after every
suite addon it depends on.

    tools/addons_graph.py                   print the block to paste into the README
    tools/addons_graph.py --check README.md exit 1 when the README's block differs
    tools/addons_graph.py --write README.md replace the README's block with the manifests'

The block sits between the lines ``<!-- addons-graph -->`` and ``<!-- /addons-graph -->``.
"""

import argparse
import ast
import difflib
import pathlib
import sys

START = "<!-- addons-graph -->"
END = "<!-- /addons-graph -->"
ADDONS = pathlib.Path(__file__).resolve().parents[1] / "addons"
HEADER = ("addon", "depends on (suite)", "depends on (Odoo, directly)")


def read_depends(addons_dir):
    """Return {addon: [its depends]} for every folder of addons_dir with a manifest."""
    depends = {}
    for manifest in sorted(pathlib.Path(addons_dir).glob("*/__manifest__.py")):
        values = ast.literal_eval(manifest.read_text(encoding="utf-8"))
        depends[manifest.parent.name] = list(values.get("depends", []))
    return depends


def layers(depends):
    """Return {addon: layer}: 0 with no suite dependency, else one more than its deepest."""
    layer = {}

    def visit(addon, path):
        if addon in path:
            raise ValueError("dependency cycle: " + " -> ".join([*path, addon]))
        if addon not in layer:
            suite = [dep for dep in depends[addon] if dep in depends]
            layer[addon] = 1 + max((visit(dep, [*path, addon]) for dep in suite), default=-1)
        return layer[addon]

    for addon in depends:
        visit(addon, [])
    return layer


def render(depends):
    """The block's text (without the markers): a fenced table, one addon a line."""
    layer = layers(depends)
    rows = [HEADER]
    for addon in sorted(depends, key=lambda name: (layer[name], name)):
        suite = sorted(dep for dep in depends[addon] if dep in depends)
        core = sorted(dep for dep in depends[addon] if dep not in depends)
        rows.append((addon, ", ".join(suite) or "-", ", ".join(core) or "-"))
    widths = [max(len(row[i]) for row in rows) for i in range(2)]
    lines = [f"{a:<{widths[0]}}  {s:<{widths[1]}}  {c}".rstrip() for a, s, c in rows]
    return "\n".join(["```text", *lines, "```"])


def split_readme(text):
    """Return (before, block, after) around the markers; ValueError when they are missing."""
    lines = text.splitlines(keepends=True)
    stripped = [line.strip() for line in lines]
    if stripped.count(START) != 1 or stripped.count(END) != 1:
        raise ValueError(f"expected one {START} line and one {END} line")
    start, end = stripped.index(START), stripped.index(END)
    if end < start:
        raise ValueError(f"{END} comes before {START}")
    return "".join(lines[: start + 1]), "".join(lines[start + 1 : end]), "".join(lines[end:])


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--addons", default=str(ADDONS), help="folder of the addons (default: %(default)s)")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--check", metavar="README", help="exit 1 when README's block differs")
    group.add_argument("--write", metavar="README", help="replace README's block")
    args = parser.parse_args(argv)

    try:
        block = render(read_depends(args.addons))
    except (OSError, SyntaxError, ValueError) as error:
        print(f"addons_graph: {error}", file=sys.stderr)
        return 2
    readme_path = args.check or args.write
    if not readme_path:
        print(block)
        return 0

    readme = pathlib.Path(readme_path)
    try:
        before, current, after = split_readme(readme.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        print(f"addons_graph: {readme}: {error}", file=sys.stderr)
        return 1
    if args.write:
        readme.write_text(f"{before}{block}\n{after}", encoding="utf-8")
        return 0
    if current.strip() == block:
        return 0
    print(f"addons_graph: {readme}'s dependency graph differs from the manifests:", file=sys.stderr)
    diff = difflib.unified_diff(
        current.strip().splitlines(), block.splitlines(), str(readme), "manifests", lineterm=""
    )
    print("\n".join(diff), file=sys.stderr)
    print(f"run tools/addons_graph.py --write {readme} to update it", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
