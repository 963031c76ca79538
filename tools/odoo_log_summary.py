"""Read an Odoo test log and print what it says, ending on a line "PASSED FAILED".

Failures counted: failed and erroring tests; any ERROR or CRITICAL line when no test
failed (an error logged outside a test, during install say); any WARNING not matched by
the allowlist; any browser tour that Odoo skipped because Chromium or websocket-client
is missing (Odoo only logs a warning for those and would otherwise report success).
"""

import argparse
import re
import sys

LEVEL = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ \d+ (?P<level>[A-Z]+) (?P<rest>.*)$")
RESULT = re.compile(r"(\d+) failed, (\d+) error\(s\) of (\d+) tests when loading database")
TOUR_SKIPPED = re.compile(r"websocket-client module is not installed|Chrome executable not found")


def read_allowlist(path):
    patterns = []
    try:
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                line = line.strip()
                if line and not line.startswith("#"):
                    patterns.append(re.compile(line))
    except FileNotFoundError:
        pass
    return patterns


def summarise(lines, allowlist):
    result = None
    errors, warnings, skipped_tours = [], [], []
    for line in lines:
        match = RESULT.search(line)
        if match:
            result = tuple(int(g) for g in match.groups())
        if TOUR_SKIPPED.search(line):
            skipped_tours.append(line)
            continue
        level = LEVEL.match(line)
        if not level:
            continue
        if level["level"] in ("ERROR", "CRITICAL"):
            errors.append(line)
        elif level["level"] == "WARNING" and not any(p.search(line) for p in allowlist):
            warnings.append(line)
    return result, errors, warnings, skipped_tours


def main(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument("log")
    parser.add_argument("--allowlist", default="")
    args = parser.parse_args(argv)
    with open(args.log, encoding="utf-8", errors="replace") as handle:
        lines = handle.read().splitlines()
    result, errors, warnings, skipped_tours = summarise(lines, read_allowlist(args.allowlist))
    failed = 0
    if result is None:
        print("Odoo printed no test result: the install or the run broke (see the log).")
        passed, failed = 0, 1
    else:
        test_failed, test_errors, ran = result
        passed = ran - test_failed - test_errors
        failed = test_failed + test_errors
        print(f"Odoo tests: {ran} run, {test_failed} failed, {test_errors} in error")
        if ran == 0:
            print("Odoo ran no test at all.")
            failed += 1
    if errors and failed == 0:
        print("ERROR lines logged although no test failed:")
        failed += len(errors)
    if errors:
        print("\n".join(errors[:40]))
    if warnings:
        print("WARNING lines not in tools/log-allowlist.txt:")
        print("\n".join(warnings[:40]))
        failed += len(warnings)
    if skipped_tours:
        print("Browser tours were skipped (install chromium and websocket-client):")
        print("\n".join(skipped_tours[:5]))
        failed += len(skipped_tours)
    print(passed, failed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
