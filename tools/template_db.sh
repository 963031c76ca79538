# shellcheck shell=bash
# A template database per Odoo version and set of core dependencies: the core modules
# (stock, sale, account, mrp, ...) are installed once, then every test database starts as a
# copy of it, and only the suite's own addons are installed, tested, on the new database.

# Odoo modules the suite depends on, outside the suite itself.
gesmip_core_dependencies() {
    "$GESMIP_VENV/bin/python" - "$GESMIP_ROOT/addons" "$GESMIP_ROOT/tests" <<'PY'
import ast, pathlib, sys
ours, deps = set(), set()
for root in sys.argv[1:]:
    for manifest in pathlib.Path(root).glob("*/__manifest__.py"):
        ours.add(manifest.parent.name)
        deps.update(ast.literal_eval(manifest.read_text())["depends"])
print(",".join(sorted(deps - ours)))
PY
}

gesmip_copy_db() { # gesmip_copy_db FROM TO: database and filestore
    local from="$1" to="$2" store="$GESMIP_CACHE/filestore/filestore"
    psql -d postgres -qc "CREATE DATABASE \"$to\" TEMPLATE \"$from\"" >/dev/null
    if [ -d "$store/$from" ]; then
        rm -rf "${store:?}/$to"
        cp -r "$store/$from" "$store/$to"
    fi
}

gesmip_drop_db() {
    psql -d postgres -qc "DROP DATABASE IF EXISTS \"$1\" WITH (FORCE)" >/dev/null 2>&1 || true
    rm -rf "${GESMIP_CACHE:?}/filestore/filestore/$1"
}

gesmip_template_db() { # [demo]: prints the template's name, building it if needed
    local kind="${1:-test}" deps key name
    deps="$(gesmip_core_dependencies)"
    key="$(echo "$ODOO_VERSION_KEY $GESMIP_VENV $deps $kind" | sha256sum | cut -c1-10)"
    name="gesmip_tmpl_${kind}_$key"
    (
        flock 9
        if [ "$(psql -d postgres -Atqc "SELECT 1 FROM pg_database WHERE datname='$name'")" != 1 ]; then
            say "Building the $kind template database $name with: $deps (once per Odoo version)"
            gesmip_drop_db "$name.part"
            if [ "$kind" = demo ]; then
                PYTHONPATH="$ODOO_SRC" "$GESMIP_VENV/bin/python" "$GESMIP_ROOT/tools/create_db.py" \
                    "$ODOO_CONF" "$name.part" || die "Creating $name failed."
            else
                psql -d postgres -qc "CREATE DATABASE \"$name.part\"" >/dev/null
            fi
            local demo_flag=(--without-demo=all)
            [ "$kind" = demo ] && demo_flag=()
            if ! gesmip_odoo -d "$name.part" -i "$deps" "${demo_flag[@]}" --stop-after-init \
                --max-cron-threads=0 --log-level=warn >"$GESMIP_STATE/template-$kind.log" 2>&1; then
                cat "$GESMIP_STATE/template-$kind.log" >&2
                die "Installing Odoo's core modules failed (log above)."
            fi
            psql -d postgres -qc "ALTER DATABASE \"$name.part\" RENAME TO \"$name\"" >/dev/null
            if [ -d "$GESMIP_CACHE/filestore/filestore/$name.part" ]; then
                rm -rf "$GESMIP_CACHE/filestore/filestore/$name"
                mv "$GESMIP_CACHE/filestore/filestore/$name.part" "$GESMIP_CACHE/filestore/filestore/$name"
            fi
        fi
    ) 9>"$GESMIP_CACHE/template.lock" >&2 || die "Building the template database $name failed."
    echo "$name"
}
