"""List the entries of .po files that have no translation; exit 1 if there are any."""

import os
import sys

import polib


def missing(path):
    return [entry.msgid for entry in polib.pofile(path) if not entry.translated() and not entry.obsolete]


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
