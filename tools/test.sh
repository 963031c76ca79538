#!/usr/bin/env bash
# The test command: sets up what is missing, then runs the static checks, the pure-Python
# tests of the algorithms and, on a new database, installs the suite's addons (and the
# suite-level test addon) with Odoo's test runner. Ends on one line "N passed, N failed".
#
#   tools/test.sh                    everything (what CI runs)
#   tools/test.sh --only ge_ames     Odoo tests of these addons only (comma separated), fast
#   tools/test.sh --no-static        skip the static checks
#   tools/test.sh --static           only the static checks and the pure-Python tests (a minute)
#   tools/test.sh --keep-db          keep the test database afterwards (to inspect it)
#   tools/test.sh --alone            only the addons installed alone on empty databases
#   GESMIP_TEST_TAGS=/ADDON:Class tools/test.sh --only ADDON --no-static   one test class
set -euo pipefail
# shellcheck source=setup.sh
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

ALL_ADDONS="$GESMIP_ADDONS"
SUITE_ADDON="gesmip_suite"
ONLY="" STATIC=1 KEEP_DB="" ALONE_ONLY="" STATIC_ONLY=""
while [ $# -gt 0 ]; do
    case "$1" in
    --only) ONLY="$2" && shift ;;
    --no-static) STATIC="" ;;
    --static) STATIC_ONLY=1 ;;
    --keep-db) KEEP_DB=1 ;;
    --alone) ALONE_ONLY=1 STATIC="" ;;
    *) die "unknown option $1 (see the head of $0)" ;;
    esac
    shift
done

gesmip_setup
gesmip_odoo_conf test "$GESMIP_ROOT/tests"
LOGDIR="$GESMIP_STATE/logs"
mkdir -p "$LOGDIR"
PASSED=0 FAILED=0
declare -a REPORT=()
record() { # record NAME PASSED FAILED
    PASSED=$((PASSED + $2))
    FAILED=$((FAILED + $3))
    REPORT+=("$(printf '%-34s %5s passed %5s failed' "$1" "$2" "$3")")
}
check() { # check NAME COMMAND...: one static check, one pass or one failure
    local name="$1"
    shift
    if "$@" >"$LOGDIR/$name.log" 2>&1; then
        record "$name" 1 0
    else
        say "FAILED: $name"
        cat "$LOGDIR/$name.log" >&2
        record "$name" 0 1
    fi
}

summary() {
    echo
    echo "================================ GESMIP test summary ================================"
    printf '%s\n' "${REPORT[@]}"
    echo "Logs: $LOGDIR"
    echo "====================================================================================="
    echo "$PASSED passed, $FAILED failed"
    [ "$FAILED" -eq 0 ] && [ "$PASSED" -gt 0 ]
}

# --- 1. Static checks ------------------------------------------------------------------
if [ -n "$STATIC" ] && [ -z "$ONLY" ]; then
    say "Static checks"
    cd "$GESMIP_ROOT"
    mapfile -t PY_FILES < <(git ls-files --cached --others --exclude-standard '*.py')
    mapfile -t MODULE_FILES < <(git ls-files --cached --others --exclude-standard addons tests/gesmip_suite)
    mapfile -t PO_FILES < <(git ls-files --cached --others --exclude-standard '*.po' '*.pot')
    C="$GESMIP_CHECKS_VENV/bin"
    check ruff "$C/ruff" check --no-cache "${PY_FILES[@]}"
    check ruff-format "$C/ruff" format --no-cache --check "${PY_FILES[@]}"
    check pylint-odoo "$C/pylint" --rcfile="$GESMIP_ROOT/.pylintrc" --disable=missing-readme addons/* tests/gesmip_suite
    check oca-checks-odoo-module "$C/oca-checks-odoo-module" "${MODULE_FILES[@]}"
    check oca-checks-po "$C/oca-checks-po" "${PO_FILES[@]}"
    FR_PO=()
    for addon in ${ALL_ADDONS//,/ }; do FR_PO+=("addons/$addon/i18n/fr.po"); done
    check fr-po-complete "$GESMIP_VENV/bin/python" tools/po_missing.py "${FR_PO[@]}"
    check readme-addons-graph "$GESMIP_VENV/bin/python" tools/addons_graph.py --check README.md
    check model-files "$GESMIP_VENV/bin/python" tools/check_model_files.py addons
    check addon-readme "$GESMIP_VENV/bin/python" tools/addon_readme.py --check
fi

# --- 2. Pure-Python tests of the algorithms --------------------------------------------
if [ -z "$ONLY" ] && [ -z "$ALONE_ONLY" ]; then
    say "Pure-Python tests"
    cd "$GESMIP_ROOT"
    rc=0
    shopt -s nullglob
    PURE_DIRS=(addons/*/lib tests/pure)
    shopt -u nullglob
    "$GESMIP_VENV/bin/python" -m pytest -c pytest.ini --rootdir . -q -p no:cacheprovider --import-mode=importlib \
        --junitxml="$LOGDIR/pytest.xml" "${PURE_DIRS[@]}" >"$LOGDIR/pytest.log" 2>&1 || rc=$?
    tail -n 3 "$LOGDIR/pytest.log"
    if [ $rc -ne 0 ] && [ $rc -ne 5 ]; then cat "$LOGDIR/pytest.log" >&2; fi
    read -r p f < <("$GESMIP_VENV/bin/python" - "$LOGDIR/pytest.xml" <<'EOF'
import sys, xml.etree.ElementTree as ET
try:
    root = ET.parse(sys.argv[1]).getroot()
except (OSError, ET.ParseError):
    print(0, 1)
    raise SystemExit
suites = [root] if root.tag == "testsuite" else root.findall("testsuite")
tests = sum(int(s.get("tests", 0)) for s in suites)
bad = sum(int(s.get("failures", 0)) + int(s.get("errors", 0)) for s in suites)
skipped = sum(int(s.get("skipped", 0)) for s in suites)
print(tests - bad - skipped, bad)
EOF
    )
    [ $rc -ne 0 ] && [ $rc -ne 5 ] && [ "$f" = 0 ] && f=1
    record "pytest (pure algorithms)" "$p" "$f"
fi

if [ -n "$STATIC_ONLY" ]; then
    summary
    exit
fi

# --- 3. Odoo: install the addons on a new database with the test runner ------------------
if [ -n "$ONLY" ]; then
    INSTALL="$ONLY"
    TAGS="$(echo "$ONLY" | sed 's/\([^,]*\)/\/\1/g')"
else
    INSTALL="$ALL_ADDONS,$SUITE_ADDON"
    TAGS="$(echo "$INSTALL" | sed 's/\([^,]*\)/\/\1/g')"
fi
# GESMIP_TEST_TAGS narrows a run to some tests (Odoo's --test-tags syntax), while working
TAGS="${GESMIP_TEST_TAGS:-$TAGS}"
# shellcheck source=template_db.sh
source "$GESMIP_ROOT/tools/template_db.sh"
PORT="$(gesmip_free_port)"
if [ -z "$ALONE_ONLY" ]; then
    TEMPLATE="$(gesmip_template_db)"
    DB="gesmip_test_$(date +%Y%m%d_%H%M%S)_$$"
    say "Installing $INSTALL on the new database $DB (from template $TEMPLATE) with the test runner"
    gesmip_copy_db "$TEMPLATE" "$DB"
    ODOO_LOG="$LOGDIR/odoo-test.log"
    rc=0
    gesmip_odoo -d "$DB" -i "$INSTALL" --test-enable --test-tags "$TAGS" --stop-after-init \
        --without-demo=all --http-port "$PORT" --log-level=test --max-cron-threads=0 \
        >"$ODOO_LOG" 2>&1 || rc=$?

    "$GESMIP_VENV/bin/python" "$GESMIP_ROOT/tools/odoo_log_summary.py" "$ODOO_LOG" \
        --allowlist "$GESMIP_ROOT/tools/log-allowlist.txt" >"$LOGDIR/odoo-summary.txt" || true
    cat "$LOGDIR/odoo-summary.txt"
    read -r p f < <(tail -n 1 "$LOGDIR/odoo-summary.txt")
    if [ $rc -ne 0 ] && [ "$f" = 0 ]; then
        say "Odoo exited with code $rc"
        f=1
    fi
    # Every addon asked for must be installed.
    for addon in ${INSTALL//,/ }; do
        state="$(psql -d "$DB" -Atqc "SELECT state FROM ir_module_module WHERE name='$addon'" 2>/dev/null || true)"
        if [ "$state" != installed ]; then
            say "Addon $addon is not installed (state: ${state:-missing})"
            f=$((f + 1))
        fi
    done
    record "odoo tests ($INSTALL)" "$p" "$f"
    if [ -z "$KEEP_DB" ]; then gesmip_drop_db "$DB"; else say "Kept database $DB"; fi
fi

# --- 3b. Addons alone: each installs with only its own dependencies and passes its tests ---
# The leaves of the suite's graph (addons no other addon of the suite depends on), read from
# the manifests by tools/addons_alone.py, each on an empty database (not the template, which
# holds every core module the suite uses), so that a dependency missing from a manifest
# shows, and so does a module installed that the manifests do not bring (the cold chain
# without the catalogue, GE AMES without the platform, neither with event or survey).
if [ -z "$ONLY" ]; then
    ALONE_TOOL=("$GESMIP_VENV/bin/python" "$GESMIP_ROOT/tools/addons_alone.py")
    mapfile -t LEAVES < <("${ALONE_TOOL[@]}" leaves "$GESMIP_ROOT/addons")
    for alone in "${LEAVES[@]}"; do
        closure="$("${ALONE_TOOL[@]}" closure "$GESMIP_ROOT/addons" "$alone")"
        ALONE_DB="gesmip_alone_$(date +%H%M%S)_$$"
        say "Installing $alone alone ($closure) on the empty database $ALONE_DB with the test runner"
        psql -d postgres -qc "CREATE DATABASE \"$ALONE_DB\"" >/dev/null
        ALONE_LOG="$LOGDIR/odoo-alone-$alone.log"
        rc=0
        # The leaf's own tests: its dependencies' run in step 3 with everything. PDFs are
        # rendered there too; on a database made from nothing here, wkhtmltopdf waits for ever
        # on Odoo's asset server (left to investigate).
        ALONE_TAGS="/$alone,-/alim_repack:TestRepackOrder.test_label_pdf_renders,-/alim_repack:TestRepackLabelPdf"
        gesmip_odoo -d "$ALONE_DB" -i "$alone" --test-enable --test-tags "$ALONE_TAGS" \
            --stop-after-init --without-demo=all --http-port "$PORT" --log-level=test --max-cron-threads=0 \
            >"$ALONE_LOG" 2>&1 || rc=$?
        "$GESMIP_VENV/bin/python" "$GESMIP_ROOT/tools/odoo_log_summary.py" "$ALONE_LOG" \
            --allowlist "$GESMIP_ROOT/tools/log-allowlist.txt" >"$ALONE_LOG.summary" || true
        read -r p f < <(tail -n 1 "$ALONE_LOG.summary")
        [ $rc -ne 0 ] && [ "$f" = 0 ] && f=1
        for addon in ${closure//,/ }; do
            state="$(psql -d "$ALONE_DB" -Atqc "SELECT state FROM ir_module_module WHERE name='$addon'" 2>/dev/null || true)"
            [ "$state" = installed ] || { say "Addon $addon alone is not installed (state: ${state:-missing})"; f=$((f + 1)); }
        done
        psql -d "$ALONE_DB" -Atqc "SELECT name FROM ir_module_module WHERE state = 'installed'" \
            >"$ALONE_LOG.installed" 2>/dev/null || true
        "${ALONE_TOOL[@]}" check "$GESMIP_ROOT/addons" "$ODOO_SRC" "$alone" "$ALONE_LOG.installed" \
            >"$ALONE_LOG.modules" || f=$((f + 1))
        cat "$ALONE_LOG.modules"
        [ "$f" = 0 ] || cat "$ALONE_LOG.summary" >&2
        record "alone: $alone" "$p" "$f"
        gesmip_drop_db "$ALONE_DB"
    done
fi

# --- 4. The demo database: builds with demo data, serves /web/login, a grocery logs in, ----
# the doors of accounts and databases are shut, a backup restores to an equal database.
if [ -z "$ONLY" ] && [ -z "$ALONE_ONLY" ]; then
    DEMO_DB="gesmip_democheck_$$"
    say "Building the demo database $DEMO_DB and serving it"
    if GESMIP_DEMO_DB="$DEMO_DB" bash "$GESMIP_ROOT/tools/run.sh" --build --reset >"$LOGDIR/demo-build.log" 2>&1 &&
        ! grep -qE "^[0-9-]+ [0-9:,]+ [0-9]+ (ERROR|CRITICAL) |^Traceback" "$LOGDIR/demo-build.log"; then
        record "demo database builds" 1 0
        gesmip_odoo_conf run
        # Odoo's own demo data out of the platform's pickers and lists (gesmip_base's demo runner)
        # (a subcommand comes before Odoo's options: not through gesmip_odoo, which puts -c first)
        "$GESMIP_VENV/bin/python" "$ODOO_SRC/odoo-bin" shell -c "$ODOO_CONF" -d "$DEMO_DB" --no-http --log-level=warn \
            <"$GESMIP_ROOT/tools/demo_odoo_leftovers.py" >"$LOGDIR/demo-leftovers.log" 2>&1 || true
        left_ok="$(grep -c '^ok' "$LOGDIR/demo-leftovers.log" || true)"
        left_failed="$(grep -c '^FAILED' "$LOGDIR/demo-leftovers.log" || true)"
        [ "$left_ok" = 0 ] && [ "$left_failed" = 0 ] && left_failed=1
        [ "$left_failed" = 0 ] || cat "$LOGDIR/demo-leftovers.log" >&2
        record "demo shows no Odoo demo data" "$left_ok" "$left_failed"
        smoke_rc=0
        if gesmip_server_start "$DEMO_DB" "$LOGDIR/demo-serve.log" --max-cron-threads=0; then
            "$GESMIP_VENV/bin/python" "$GESMIP_ROOT/tools/demo_smoke.py" "$GESMIP_SERVER_URL" \
                "$DEMO_DB" mirail mirail >"$LOGDIR/demo-smoke.log" 2>&1 || smoke_rc=$?
        else
            echo "FAILED the demo server did not answer (see $LOGDIR/demo-serve.log)" >"$LOGDIR/demo-smoke.log"
            smoke_rc=1
        fi
        gesmip_server_stop
        cat "$LOGDIR/demo-smoke.log"
        smoke_ok="$(grep -c '^ok' "$LOGDIR/demo-smoke.log" || true)"
        smoke_failed="$(grep -c '^FAILED' "$LOGDIR/demo-smoke.log" || true)"
        [ "$smoke_rc" != 0 ] && [ "$smoke_failed" = 0 ] && smoke_failed=1
        record "demo served, portal login, doors" "$smoke_ok" "$smoke_failed"
        # The demo database backed up and restored into a new one: the same rows and files.
        say "Backing up $DEMO_DB, restoring it into a new database and comparing the two"
        if bash "$GESMIP_ROOT/tools/backup_check.sh" "$DEMO_DB" >"$LOGDIR/backup-check.log" 2>&1; then
            tail -n 1 "$LOGDIR/backup-check.log"
            record "demo backup restored, equal" 1 0
        else
            tail -n 40 "$LOGDIR/backup-check.log" >&2
            record "demo backup restored, equal" 0 1
        fi
    else
        tail -n 40 "$LOGDIR/demo-build.log" >&2
        record "demo database builds" 0 1
    fi
    gesmip_drop_db "$DEMO_DB"
fi

# --- Summary ---------------------------------------------------------------------------
summary
