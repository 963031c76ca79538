"""The upgrade check's reading (called by tools/upgrade_check.sh): which external ids name
a missing record after the update, and what the update lost compared with before.

What a migration removes or hands over on purpose is declared in the migration itself, as
module-level constants that this tool reads without importing Odoo:
- ``RETIRED``: ``{"columns": {name: why}, "xmlids": {xmlid: why},
  "column_patterns": {regex: why}, "xmlid_patterns": {regex: why}}``;
- ``CONVERTED``: ``{old model: new model}``, models whose rows moved to a core model's table
  (the old table goes, the new one grows by as many rows);
- ``HANDED_OVER``: ``{new addon: {"models": [...], "fields": {model: [...]}}}``, records
  moved to another addon under the same names.
Anything else removed fails the check."""

import argparse
import ast
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Rewritten from the manifests at every update, not data: the dependencies of the addons.
METADATA_TABLES = {"ir_module_module_dependency"}
DECLARED_NAMES = ("RETIRED", "CONVERTED", "HANDED_OVER")


def read_declarations(addons_dir):
    """The declarations of every migration script under ``addons_dir``, merged:
    ``{"retired": {...4 kinds...}, "converted": {...}, "handed_over": {...}, "sources": [...]}``."""
    merged = {
        "retired": {"columns": {}, "xmlids": {}, "column_patterns": {}, "xmlid_patterns": {}},
        "converted": {},
        "handed_over": {},
        "sources": [],
    }
    for path in sorted(Path(addons_dir).glob("*/migrations/*/*.py")):
        tree = ast.parse(path.read_text(), filename=str(path))
        for node in tree.body:
            if not isinstance(node, ast.Assign) or len(node.targets) != 1:
                continue
            name = getattr(node.targets[0], "id", None)
            if name not in DECLARED_NAMES:
                continue
            value = ast.literal_eval(node.value)
            merged["sources"].append(f"{path.relative_to(addons_dir)}: {name}")
            if name == "RETIRED":
                for kind, entries in value.items():
                    if kind not in merged["retired"]:
                        raise ValueError(f"{path}: RETIRED has an unknown kind {kind!r}")
                    merged["retired"][kind].update(entries)
            elif name == "CONVERTED":
                merged["converted"].update(value)
            else:
                merged["handed_over"].update(value)
    return merged


def _rows(path):
    return {t: int(n) for t, n in (line.strip().split("|") for line in open(path) if "|" in line)}


def _lines(path):
    return [line.strip() for line in open(path) if line.strip()]


def _retired(name, exact, patterns):
    if name in exact:
        return exact[name]
    for pattern, why in patterns.items():
        if re.search(pattern, name):
            return why
    return None


def _compare_rows(rows_before, rows_after, converted, out):
    """Failures of the row counts: a table that lost rows, a converted model's rows not found
    in its new table."""
    failures = []
    converted_tables = {model.replace(".", "_") for model in converted}
    for old_model, new_model in converted.items():
        table = old_model.replace(".", "_")
        if rows_before.get(table) and not rows_after.get(table):
            new_table = new_model.replace(".", "_")
            print(f"  table {table} ({rows_before[table]} rows) turned into {new_table}", file=out)
    for new_table in {model.replace(".", "_") for model in converted.values()}:
        moved_rows = sum(
            rows_before.get(old.replace(".", "_"), 0)
            for old, new in converted.items()
            if new.replace(".", "_") == new_table
        )
        if rows_after.get(new_table, 0) - rows_before.get(new_table, 0) < moved_rows:
            failures.append(f"{new_table} did not receive the {moved_rows} converted rows")
    before_total, after_total = sum(rows_before.values()), sum(rows_after.values())
    print(f"{len(rows_before)} tables, {before_total} rows before, {after_total} after", file=out)
    for table in sorted(set(rows_before) | set(rows_after)):
        b, a = rows_before.get(table, 0), rows_after.get(table, 0)
        if b != a:
            note = " (module dependencies, rewritten from the manifests)" if table in METADATA_TABLES else ""
            print(f"  {table}: {b} -> {a}{note}", file=out)
    lost = sorted(
        table
        for table, count in rows_before.items()
        if rows_after.get(table, 0) < count and table not in METADATA_TABLES and table not in converted_tables
    )
    if lost:
        failures.append("rows lost in " + ", ".join(lost))
    return failures


def _compare_columns(before, after, retired, out):
    columns_before = _lines(f"{before}-columns.txt")
    lost = []
    for column in sorted(set(columns_before) - set(_lines(f"{after}-columns.txt"))):
        why = _retired(column, retired["columns"], retired["column_patterns"])
        if why:
            print(f"  column {column} removed on purpose: {why}", file=out)
        else:
            lost.append(column)
    print(f"{len(columns_before)} columns before, {len(lost)} dropped without a declaration", file=out)
    return ["columns dropped: " + ", ".join(lost)] if lost else []


def _compare_xmlids(before, after, dangling_path, retired, converted, out):
    """An external id resolves when its record is still named by some external id (maybe of
    another addon), or its migration retired it."""
    names_after, short_names_after = {}, {}
    for line in _lines(f"{after}-xmlids.txt"):
        xmlid, model, res_id = line.rsplit("|", 2)
        names_after.setdefault((model, res_id), []).append(xmlid)
        short_names_after.setdefault(xmlid.split(".", 1)[1], set()).add(model)
    unresolved, moved, retired_count = [], 0, 0
    xmlids_before = _lines(f"{before}-xmlids.txt")
    for line in xmlids_before:
        xmlid, model, res_id = line.rsplit("|", 2)
        names = names_after.get((model, res_id))
        if names:
            moved += xmlid not in names
        # a converted record keeps its name, maybe handed to the new addon of a module split
        elif model in converted and converted[model] in short_names_after.get(xmlid.split(".", 1)[1], ()):
            moved += 1
        elif _retired(xmlid, retired["xmlids"], retired["xmlid_patterns"]):
            retired_count += 1
        else:
            unresolved.append(xmlid)
    dangling = [
        xmlid
        for xmlid in _lines(dangling_path)
        if not _retired(xmlid, retired["xmlids"], retired["xmlid_patterns"])
    ]
    print(
        f"{len(xmlids_before)} external ids before: {moved} handed to a new name or addon, "
        f"{len(unresolved)} no longer naming their record, {len(dangling)} naming a missing record, "
        f"{retired_count} retired as their migration declares",
        file=out,
    )
    failures = []
    if unresolved:
        more = " ..." if len(unresolved) > 50 else ""
        failures.append("external ids lost: " + ", ".join(unresolved[:50]) + more)
    if dangling:
        failures.append("external ids naming a missing record: " + ", ".join(dangling[:50]))
    return failures


def compare(before, after, dangling_path, declarations, out=sys.stdout):
    """Compare the snapshots ``<before>-{rows,columns,xmlids}.txt`` and ``<after>-...``;
    print what changed and return the list of failures (empty: the upgrade lost nothing)."""
    retired, converted = declarations["retired"], declarations["converted"]
    return (
        _compare_rows(_rows(f"{before}-rows.txt"), _rows(f"{after}-rows.txt"), converted, out)
        + _compare_columns(before, after, retired, out)
        + _compare_xmlids(before, after, dangling_path, retired, converted, out)
    )


def dangling_xmlids(dbname):
    """External ids whose record no longer exists in its table."""
    import psycopg2  # noqa: PLC0415 (only this command needs a database)

    special = {
        "ir.actions.act_window": "ir_act_window",
        "ir.actions.report": "ir_act_report_xml",
        "ir.actions.server": "ir_act_server",
        "ir.actions.client": "ir_act_client",
        "ir.actions.act_url": "ir_act_url",
        "ir.actions.actions": "ir_actions",
    }
    found = []
    with psycopg2.connect(dbname=dbname) as conn, conn.cursor() as cr:
        cr.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
        tables = {name for (name,) in cr.fetchall()}
        cr.execute("SELECT module || '.' || name, model, res_id FROM ir_model_data WHERE res_id IS NOT NULL")
        by_model = {}
        for xmlid, model, res_id in cr.fetchall():
            by_model.setdefault(model, []).append((xmlid, res_id))
        for model, rows in sorted(by_model.items()):
            table = special.get(model, model.replace(".", "_"))
            if table not in tables:
                continue
            cr.execute(f'SELECT id FROM "{table}" WHERE id = ANY(%s)', [[res_id for _x, res_id in rows]])
            present = {row[0] for row in cr.fetchall()}
            found.extend(xmlid for xmlid, res_id in rows if res_id not in present)
    return found


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("dangling").add_argument("db")
    cmp = sub.add_parser("compare")
    cmp.add_argument("before")
    cmp.add_argument("after")
    cmp.add_argument("dangling")
    sub.add_parser("declarations")
    args = parser.parse_args(argv)
    if args.command == "dangling":
        print("\n".join(dangling_xmlids(args.db)))
        return 0
    declarations = read_declarations(ROOT / "addons")
    if args.command == "declarations":
        print("\n".join(declarations["sources"]))
        return 0
    print("declared by the migrations: " + "; ".join(declarations["sources"]))
    failures = compare(args.before, args.after, args.dangling, declarations)
    for failure in failures:
        print(f"FAILED: {failure}")
    if failures:
        return 1
    print("ok: no table lost rows, no column dropped, every external id still names its record")
    return 0


if __name__ == "__main__":
    sys.exit(main())
