"""List the Python files of the addons that break "one model per file, named after it".

A Python file of ``models/``, ``wizards/`` or ``report/`` must hold the classes of one model only (``_name``,
or ``_inherit`` when it extends a model without renaming it), and be named after that
model with dots turned into underscores. Prints one line per file that breaks the rule
and exits 1 if there is any.

    python tools/check_model_files.py [ADDONS_DIR]
"""

import ast
import pathlib
import sys

FOLDERS = ("models", "wizards", "wizard", "report")


def _string_value(node):
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def models_of(path):
    """The models the classes of a file define or extend, in order of appearance."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    found = []
    for cls in tree.body:
        if not isinstance(cls, ast.ClassDef):
            continue
        attrs = {}
        for stmt in cls.body:
            if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1:
                target = stmt.targets[0]
                if isinstance(target, ast.Name) and target.id in ("_name", "_inherit"):
                    attrs[target.id] = stmt.value
        name = _string_value(attrs["_name"]) if "_name" in attrs else None
        if name is None and "_inherit" in attrs:
            inherit = attrs["_inherit"]
            name = _string_value(inherit)
            if name is None and isinstance(inherit, ast.List) and len(inherit.elts) == 1:
                name = _string_value(inherit.elts[0])
        if name:
            found.append(name)
    return found


def problems(addons_dir):
    for path in sorted(addons_dir.glob("*/*/*.py")):
        if path.parent.name not in FOLDERS or path.name == "__init__.py":
            continue
        rel = path.relative_to(addons_dir)
        if path.parent.name == "wizard":
            yield f"{rel}: folder 'wizard/', the suite uses 'wizards/'"
        models = list(dict.fromkeys(models_of(path)))
        if not models:
            yield f"{rel}: no model in it"
        elif len(models) > 1:
            yield f"{rel}: {len(models)} models ({', '.join(models)})"
        elif path.stem != models[0].replace(".", "_"):
            yield f"{rel}: holds {models[0]}, expected {models[0].replace('.', '_')}.py"


def main(argv):
    root = pathlib.Path(argv[1] if len(argv) > 1 else "addons")
    found = list(problems(root))
    for line in found:
        print(line)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
