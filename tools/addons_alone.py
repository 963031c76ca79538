"""Which of the suite's addons the test command installs alone, and what such an install
may bring, both read from the manifests (the suite's and Odoo's own).

An addon is installed alone when no other addon of the suite depends on it (a leaf of the
graph): its own dependencies come with it, nothing else of the suite may. So a cold chain
proves it installs without the catalogue, GE AMES without the platform, and none of them
pulls in event or survey unless its manifests ask for them.

  addons_alone.py leaves ADDONS_DIR                  the leaves, one a line
  addons_alone.py closure ADDONS_DIR ADDON           the suite addons it installs, comma separated
  addons_alone.py check ADDONS_DIR ODOO_SRC ADDON INSTALLED_FILE
                                                     fail on a module installed beyond the
                                                     manifests; say which apps stayed out
"""

import ast
import sys
from pathlib import Path


def read_manifests(*addons_dirs):
    """{module: manifest} of every module folder in ``addons_dirs``."""
    manifests = {}
    for folder in addons_dirs:
        for path in sorted(Path(folder).glob("*/__manifest__.py")):
            manifests[path.parent.name] = ast.literal_eval(path.read_text())
    return manifests


def closure(manifests, names):
    """The modules ``names`` need, themselves included (``base`` always)."""
    todo, seen = [*names, "base"], set()
    while todo:
        name = todo.pop()
        if name not in seen:
            seen.add(name)
            todo.extend(manifests.get(name, {}).get("depends", []))
    return seen


def leaves(manifests):
    """The suite's addons that no other addon of the suite depends on."""
    depended = {dep for manifest in manifests.values() for dep in manifest.get("depends", [])}
    return sorted(name for name in manifests if name not in depended)


def auto_installable(manifests, installed):
    """Modules Odoo installs by itself once their (auto-install) dependencies are in."""
    found = set()
    for name, manifest in manifests.items():
        auto = manifest.get("auto_install")
        if not auto:
            continue
        required = manifest.get("depends", []) if auto is True else auto
        if set(required) <= installed:
            found.add(name)
    return found


def check(suite, odoo, addon, installed):
    """(problems, absent apps): modules installed that the manifests do not bring, and the
    suite's addons and direct core dependencies that stayed out."""
    everything = {**odoo, **suite}
    expected = closure(everything, [addon])
    # auto-installs bring their own dependencies, which may bring further auto-installs
    while True:
        more = closure(everything, auto_installable(everything, expected) & installed) - expected
        if not more:
            break
        expected |= more
    problems = sorted(installed - expected - {"base"})
    suite_core = {dep for manifest in suite.values() for dep in manifest["depends"] if dep not in suite}
    absent = sorted((set(suite) | suite_core) - installed)
    return problems, absent


def main(argv):
    command, addons_dir = argv[0], argv[1]
    suite = read_manifests(addons_dir)
    if command == "leaves":
        print("\n".join(leaves(suite)))
    elif command == "closure":
        print(",".join(sorted(closure(suite, [argv[2]]) & set(suite))))
    elif command == "check":
        odoo_src, addon, installed_file = argv[2:5]
        odoo = read_manifests(Path(odoo_src) / "addons", Path(odoo_src) / "odoo/addons")
        installed = set(Path(installed_file).read_text().split())
        problems, absent = check(suite, odoo, addon, installed)
        print(f"{addon} alone: {len(installed)} modules, without {', '.join(absent) or 'nothing'}")
        for name in problems:
            print(f"FAILED: {addon} alone installed {name}, which its manifests do not bring")
        return 1 if problems else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
