"""List the entries of .po files that have no translation; exit 1 if there are any.

Strings that read the same in French are listed in fr-identical.txt beside this file.
"""

import os
import sys

import polib

IDENTICAL = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fr-identical.txt")


def identical_strings():
    with open(IDENTICAL, encoding="utf-8") as handle:
        return {line.rstrip("\n") for line in handle if line.strip() and not line.startswith("#")}


def missing(path):
    same = identical_strings()
    return [
        entry.msgid
        for entry in polib.pofile(path)
        if not entry.translated() and not entry.obsolete and entry.msgid not in same
    ]


def main(paths):
    status = 0
    for path in paths:
        if not os.path.exists(path):
            print(f"{path}: missing")
            status = 1
            continue
        untranslated = missing(path)
        if untranslated:
            status = 1
            print(f"{path}: {len(untranslated)} untranslated")
            for msgid in untranslated:
                print(f"  {msgid!r}")
        else:
            print(f"{path}: complete")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
