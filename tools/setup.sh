# shellcheck shell=bash
# Sourced by tools/run.sh and tools/test.sh: finds or builds everything the suite needs
# and exports the variables the two commands use. Everything downloaded or built lives in
# the user cache folder ($GESMIP_CACHE), keyed by versions, so a fresh clone reuses it.
#
# Variables (all optional):
#   ODOO_SRC        an Odoo 18.0 source tree (the folder holding odoo-bin). Remembered in
#                   the cache, so later runs and fresh clones find it without the variable.
#   GESMIP_CACHE    cache folder (default: ${XDG_CACHE_HOME:-~/.cache}/gesmip)
#   GESMIP_PYTHON   Python 3.10-3.12 interpreter for the virtualenv (default: python3)
#   PGHOST PGPORT PGUSER PGPASSWORD
#                   use this PostgreSQL server instead of finding or starting one
#   GESMIP_PG_DIR   where the private PostgreSQL cluster lives (default: $GESMIP_CACHE/pg15,
#                   or /var/lib/gesmip/pg15 when running as root, as PostgreSQL refuses root)
#   GESMIP_PG_PORT  port of the private cluster (default 54329, unix socket only)
#   GESMIP_NO_APT=1 never call apt-get for missing system packages

set -euo pipefail

GESMIP_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
GESMIP_CACHE="${GESMIP_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/gesmip}"
GESMIP_STATE="$GESMIP_ROOT/.gesmip"
ODOO_GIT_URL="https://github.com/odoo/odoo.git"
mkdir -p "$GESMIP_CACHE" "$GESMIP_STATE"

say() { printf '\033[1m[gesmip]\033[0m %s\n' "$*" >&2; }
die() {
    printf '\033[31m[gesmip] %s\033[0m\n' "$*" >&2
    exit 2
}

_is_odoo18() {
    [ -n "${1:-}" ] && [ -f "$1/odoo-bin" ] && grep -q "version_info = (18, 0" "$1/odoo/release.py" 2>/dev/null
}

# --- Odoo source ---------------------------------------------------------------------
gesmip_find_odoo() {
    local remembered="$GESMIP_CACHE/odoo-src.path" cached="$GESMIP_CACHE/odoo-18.0"
    if [ -n "${ODOO_SRC:-}" ]; then
        ODOO_SRC="$(cd "$ODOO_SRC" 2>/dev/null && pwd)" || die "ODOO_SRC=$ODOO_SRC does not exist."
        _is_odoo18 "$ODOO_SRC" || die "ODOO_SRC=$ODOO_SRC is not an Odoo 18.0 source tree (no odoo-bin, or odoo/release.py is not 18.0)."
        echo "$ODOO_SRC" >"$remembered"
    elif [ -f "$remembered" ] && _is_odoo18 "$(cat "$remembered")"; then
        ODOO_SRC="$(cat "$remembered")"
    elif _is_odoo18 "$cached"; then
        ODOO_SRC="$cached"
    else
        say "No Odoo source given: cloning Odoo 18.0 from $ODOO_GIT_URL into $cached"
        if timeout 30 git ls-remote --exit-code --heads "$ODOO_GIT_URL" 18.0 >/dev/null 2>&1 &&
            git clone --quiet --depth 1 --branch 18.0 "$ODOO_GIT_URL" "$cached.part"; then
            mv "$cached.part" "$cached"
            ODOO_SRC="$cached"
        else
            rm -rf "$cached.part"
            die "Odoo 18.0 was not found and cannot be downloaded here.
  Point ODOO_SRC at an Odoo 18.0 Community source tree (the folder with odoo-bin), e.g.
    git clone --depth 1 --branch 18.0 $ODOO_GIT_URL /some/where/odoo
    ODOO_SRC=/some/where/odoo $0
  It is remembered in $remembered for later runs."
        fi
    fi
    export ODOO_SRC
    ODOO_VERSION_KEY="$( (git -C "$ODOO_SRC" rev-parse --short=12 HEAD 2>/dev/null || sha256sum "$ODOO_SRC/odoo/release.py" | cut -c1-12) | tail -n1)"
    export ODOO_VERSION_KEY
}

# --- System packages (browser for tours, PDF renderer, headers for python-ldap) ----------
_have_browser() { command -v chromium >/dev/null || command -v chromium-browser >/dev/null || command -v google-chrome >/dev/null; }

gesmip_system_packages() {
    local missing=()
    _have_browser || missing+=(chromium)
    command -v wkhtmltopdf >/dev/null || missing+=(wkhtmltopdf)
    command -v npm >/dev/null || [ -f "$GESMIP_CACHE/axe-$GESMIP_AXE_VERSION/node_modules/axe-core/axe.min.js" ] ||
        missing+=(npm)
    [ -f /usr/include/ldap.h ] || missing+=(libldap2-dev)
    [ -f /usr/include/sasl/sasl.h ] || missing+=(libsasl2-dev)
    command -v pg_config >/dev/null || [ -f /usr/include/postgresql/libpq-fe.h ] || missing+=(libpq-dev)
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null && [ -z "${GESMIP_NO_APT:-}" ]; then
        say "Installing system packages: ${missing[*]}"
        apt-get update -qq >/dev/null
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    else
        say "Missing system packages: ${missing[*]} (install them with your package manager;"
        say "without chromium the browser tours cannot run and the test command fails)."
    fi
}

# --- axe-core, the accessibility engine the portal audit runs in Chromium ----------------
# A pinned version from the npm registry, installed once into the cache; its path is
# exported as GESMIP_AXE_JS for the test run. When it cannot be installed the variable
# still names the expected file, and the audit test fails on the missing file.
GESMIP_AXE_VERSION="4.10.3"
gesmip_axe() {
    local dir="$GESMIP_CACHE/axe-$GESMIP_AXE_VERSION"
    GESMIP_AXE_JS="$dir/node_modules/axe-core/axe.min.js"
    export GESMIP_AXE_JS
    [ -f "$GESMIP_AXE_JS" ] && return 0
    if ! command -v npm >/dev/null; then
        say "npm is missing: axe-core $GESMIP_AXE_VERSION cannot be installed (the accessibility audit will fail)."
        return 0
    fi
    say "Installing axe-core $GESMIP_AXE_VERSION from the npm registry into $dir"
    rm -rf "$dir.part"
    if npm install --silent --no-audit --no-fund --prefix "$dir.part" "axe-core@$GESMIP_AXE_VERSION" >/dev/null &&
        [ -f "$dir.part/node_modules/axe-core/axe.min.js" ]; then
        rm -rf "$dir"
        mv "$dir.part" "$dir"
    else
        rm -rf "$dir.part"
        say "npm could not install axe-core $GESMIP_AXE_VERSION (the accessibility audit will fail)."
    fi
}

# --- Python virtualenvs ----------------------------------------------------------------
# _build_venv DIR REQUIREMENTS...: (re)build DIR unless it was completed before.
_build_venv() {
    local dir="$1"
    shift
    [ -f "$dir/.complete" ] && return 0
    say "Building the virtualenv $dir (first run only, a few minutes)"
    rm -rf "$dir"
    "$GESMIP_PY" -m venv "$dir"
    local reqs=() r
    for r in "$@"; do reqs+=(-r "$r"); done
    # PIP_CONSTRAINT reaches the isolated build environments of source builds too.
    if ! PIP_CONSTRAINT="$GESMIP_ROOT/tools/constraints-build.txt" \
        "$dir/bin/pip" install -q --disable-pip-version-check "${reqs[@]}" \
        2> >(grep -v "is ignored: it is neither a file nor a directory" >&2); then
        die "pip could not install ${*} (see above)."
    fi
    if [ -n "${GESMIP_OCA_REQUIREMENTS:-}" ] && grep -qvE '^\s*(#|$)' "$GESMIP_OCA_REQUIREMENTS"; then
        "$dir/bin/pip" install -q --disable-pip-version-check --no-deps -r "$GESMIP_OCA_REQUIREMENTS" ||
            die "pip could not install the OCA addons of $GESMIP_OCA_REQUIREMENTS (see above)."
    fi
    touch "$dir/.complete"
}

gesmip_venv() {
    GESMIP_PY="${GESMIP_PYTHON:-python3}"
    command -v "$GESMIP_PY" >/dev/null || die "$GESMIP_PY not found: install Python 3.11 (or set GESMIP_PYTHON)."
    local pyver key
    pyver="$("$GESMIP_PY" -c 'import sys; print(sys.version)')"
    # the OCA pins count in the key once there are any (comments alone change nothing)
    key="$( (echo "$pyver"; cat "$ODOO_SRC/requirements.txt" "$GESMIP_ROOT/tools/requirements-dev.txt" \
        "$GESMIP_ROOT/tools/constraints-build.txt"; grep -vE '^\s*(#|$)' "$GESMIP_ROOT/tools/requirements-oca.txt" || true) |
        sha256sum | cut -c1-12)"
    GESMIP_VENV="$GESMIP_CACHE/venv-$key"
    GESMIP_OCA_REQUIREMENTS="$GESMIP_ROOT/tools/requirements-oca.txt" \
        _build_venv "$GESMIP_VENV" "$ODOO_SRC/requirements.txt" "$GESMIP_ROOT/tools/requirements-dev.txt"
    key="$( (echo "$pyver"; cat "$GESMIP_ROOT/tools/requirements-checks.txt") | sha256sum | cut -c1-12)"
    GESMIP_CHECKS_VENV="$GESMIP_CACHE/checks-venv-$key"
    _build_venv "$GESMIP_CHECKS_VENV" "$GESMIP_ROOT/tools/requirements-checks.txt"
    export GESMIP_VENV GESMIP_CHECKS_VENV
}

# --- PostgreSQL ------------------------------------------------------------------------
_pg_bindir() {
    local d
    for d in "$(pg_config --bindir 2>/dev/null || true)" /usr/lib/postgresql/*/bin; do
        [ -n "$d" ] && [ -x "$d/initdb" ] && {
            echo "$d"
            return
        }
    done
    command -v initdb >/dev/null && dirname "$(command -v initdb)" && return
    die "No PostgreSQL server binaries (initdb) found: install postgresql, or set PGHOST/PGPORT/PGUSER."
}

gesmip_postgres() {
    if [ -n "${PGHOST:-}${PGPORT:-}${PGUSER:-}" ]; then
        DB_HOST="${PGHOST:-}" DB_PORT="${PGPORT:-5432}" DB_USER="${PGUSER:-$(id -un)}" DB_PASSWORD="${PGPASSWORD:-}"
        say "PostgreSQL from PG* variables: ${DB_HOST:-local socket}:$DB_PORT as $DB_USER"
    elif [ "$(id -un)" != root ] && psql -d postgres -Atqc 'select 1' >/dev/null 2>&1; then
        DB_HOST="" DB_PORT="" DB_USER="$(id -un)" DB_PASSWORD=""
        say "PostgreSQL: the server already running on this machine, as $DB_USER"
    else
        _gesmip_private_cluster
    fi
    export DB_HOST DB_PORT DB_USER DB_PASSWORD
}

_as_pg_owner() {
    # runuser lives in /usr/sbin, which a minimal PATH (env -i, cron) leaves out
    if [ "$(id -u)" = 0 ]; then PATH="$PATH:/usr/sbin:/sbin" runuser -u "$GESMIP_PG_OWNER" -- "$@"; else "$@"; fi
}

_gesmip_private_cluster() {
    local bindir port dir
    bindir="$(_pg_bindir)"
    port="${GESMIP_PG_PORT:-54329}"
    if [ "$(id -u)" = 0 ]; then
        dir="${GESMIP_PG_DIR:-/var/lib/gesmip/pg15}"
        GESMIP_PG_OWNER=postgres
        id -u postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/gesmip postgres
    else
        dir="${GESMIP_PG_DIR:-$GESMIP_CACHE/pg15}"
        GESMIP_PG_OWNER="$(id -un)"
    fi
    mkdir -p "$dir/run"
    # Recursively only while the folder is not the owner's yet: a walk over a running cluster
    # that other processes share fails on files that vanish under it (dropped databases).
    if [ "$(id -u)" = 0 ] && [ "$(stat -c %U "$dir")" != "$GESMIP_PG_OWNER" ]; then
        chown -R "$GESMIP_PG_OWNER" "$dir"
    elif [ "$(id -u)" = 0 ]; then
        chown "$GESMIP_PG_OWNER" "$dir/run"
    fi
    if [ ! -f "$dir/data/PG_VERSION" ]; then
        say "Creating a private PostgreSQL cluster in $dir"
        _as_pg_owner "$bindir/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
        # A throw-away development cluster: durability is traded for speed.
        cat >>"$dir/data/postgresql.conf" <<EOF
listen_addresses = ''
unix_socket_directories = '$dir/run'
port = $port
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 200
shared_buffers = 256MB
EOF
    fi
    if ! _as_pg_owner "$bindir/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
        say "Starting the private PostgreSQL cluster (socket $dir/run, port $port)"
        _as_pg_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/postgresql.log" -w start >/dev/null
    fi
    # Odoo refuses to connect as "postgres": it gets a role of its own.
    psql -h "$dir/run" -p "$port" -U postgres -d postgres -Atqc \
        "SELECT 1 FROM pg_roles WHERE rolname='odoo'" | grep -q 1 ||
        psql -h "$dir/run" -p "$port" -U postgres -d postgres -qc "CREATE ROLE odoo SUPERUSER LOGIN" >/dev/null
    DB_HOST="$dir/run" DB_PORT="$port" DB_USER=odoo DB_PASSWORD=""
    export PGHOST="$DB_HOST" PGPORT="$DB_PORT" PGUSER="$DB_USER"
}

# --- Odoo configuration ----------------------------------------------------------------
# The master password: generated once per machine, random, kept outside the clone in
# $GESMIP_CACHE/admin_passwd (mode 600, for the person who must use it), and its PBKDF2 hash
# beside it (admin_passwd.hash), which is what the generated configurations hold. No
# configuration of the repository holds a password; see docs/deployment.md.
gesmip_admin_passwd() {
    local file="$GESMIP_CACHE/admin_passwd" hash="$GESMIP_CACHE/admin_passwd.hash"
    if [ ! -s "$file" ]; then
        say "Generating the master password of this machine into $file"
        (
            umask 077
            "$GESMIP_VENV/bin/python" -c 'import secrets; print(secrets.token_urlsafe(24))' >"$file.part"
        )
        mv "$file.part" "$file"
        rm -f "$hash"
    fi
    chmod 600 "$file"
    if [ ! -s "$hash" ] || [ "$hash" -ot "$file" ]; then
        (
            umask 077
            PYTHONPATH="$ODOO_SRC" "$GESMIP_VENV/bin/python" -c '
import sys
from odoo.tools.config import crypt_context
print(crypt_context.hash(open(sys.argv[1]).read().strip()))' "$file" >"$hash.part"
        )
        mv "$hash.part" "$hash"
    fi
    cat "$hash"
}

gesmip_odoo_conf() { # gesmip_odoo_conf NAME [EXTRA_ADDONS_DIR]: .gesmip/odoo-NAME.conf
    local extra_addons="${2:-}" conf="$GESMIP_STATE/odoo-$1.conf" admin_hash
    admin_hash="$(gesmip_admin_passwd)"
    local addons_path="$ODOO_SRC/addons,$ODOO_SRC/odoo/addons,$GESMIP_ROOT/addons"
    [ -n "$extra_addons" ] && addons_path="$addons_path,$extra_addons"
    sed -e "s|@ADDONS_PATH@|$addons_path|" \
        -e "s|@DATA_DIR@|$GESMIP_CACHE/filestore|" \
        -e "s|@DB_HOST@|$DB_HOST|" \
        -e "s|@DB_PORT@|$DB_PORT|" \
        -e "s|@DB_USER@|$DB_USER|" \
        -e "s|@DB_PASSWORD@|$DB_PASSWORD|" \
        -e "s|@ADMIN_PASSWD@|$admin_hash|" \
        "$GESMIP_ROOT/config/odoo.conf.template" >"$conf.part"
    chmod 600 "$conf.part"
    mv "$conf.part" "$conf"
    ODOO_CONF="$conf"
    export ODOO_CONF
}

gesmip_odoo() { "$GESMIP_VENV/bin/python" "$ODOO_SRC/odoo-bin" -c "$ODOO_CONF" "$@"; }
# Odoo in the background, GESMIP_BG_PID being Odoo's own pid: a function sent to the background
# runs in a subshell, and killing that subshell would leave the server running.
gesmip_odoo_bg() {
    ( exec "$GESMIP_VENV/bin/python" "$ODOO_SRC/odoo-bin" -c "$ODOO_CONF" "$@" ) &
    GESMIP_BG_PID=$!
}

# One way to serve a database for a script (load test, screenshots, benchmarks, demo smoke):
#   gesmip_server_start DB LOG [odoo options...]   starts Odoo on free loopback ports, waits
#       until its login page answers (up to 5 minutes) and sets GESMIP_SERVER_URL,
#       GESMIP_SERVER_PID and GESMIP_SERVER_GEVENT_PORT; returns 1 (log tail on stderr) if the
#       server died or never answered;
#   gesmip_server_stop                              stops it and waits for its end.
gesmip_server_start() {
    local db="$1" log="$2" port gevent_port
    shift 2
    port="$(gesmip_free_port)"
    gevent_port="$(gesmip_free_port)"
    gesmip_odoo_bg -d "$db" --db-filter "^$db\$" --http-interface 127.0.0.1 --http-port "$port" \
        --gevent-port "$gevent_port" "$@" >"$log" 2>&1
    GESMIP_SERVER_PID=$GESMIP_BG_PID
    GESMIP_SERVER_URL="http://127.0.0.1:$port"
    GESMIP_SERVER_GEVENT_PORT="$gevent_port"
    for _ in $(seq 150); do
        curl -sf -o /dev/null "$GESMIP_SERVER_URL/web/login" && return 0
        kill -0 "$GESMIP_SERVER_PID" 2>/dev/null || break
        sleep 2
    done
    tail -n 20 "$log" >&2
    say "The Odoo server of $db did not answer (log: $log)."
    return 1
}
gesmip_server_stop() {
    if [ -n "${GESMIP_SERVER_PID:-}" ]; then
        kill "$GESMIP_SERVER_PID" 2>/dev/null || true
        wait "$GESMIP_SERVER_PID" 2>/dev/null || true
    fi
    GESMIP_SERVER_PID=""
}

# A browser script's set-up (screenshots, the phone benchmark): the Playwright venv
# (SCREENS_VENV), the demo database built if missing (GESMIP_DEMO_DB, default gesmip_demo) and
# served by gesmip_server_start, its log in $GESMIP_STATE/LOG; the caller stops the server.
#   gesmip_serve_demo_for_browser LOG
gesmip_serve_demo_for_browser() {
    SCREENS_VENV="$GESMIP_CACHE/screens-venv-$(sha256sum "$GESMIP_ROOT/tools/requirements-screens.txt" | cut -c1-12)"
    _build_venv "$SCREENS_VENV" "$GESMIP_ROOT/tools/requirements-screens.txt"
    local db="${GESMIP_DEMO_DB:-gesmip_demo}"
    GESMIP_DEMO_DB="$db" bash "$GESMIP_ROOT/tools/run.sh" --build >/dev/null
    gesmip_odoo_conf run
    gesmip_server_start "$db" "$GESMIP_STATE/$1" --max-cron-threads=0 || die "The server did not start."
}

# A TCP port free on the loopback now (for a server started next).
gesmip_free_port() {
    "$GESMIP_VENV/bin/python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# The suite's addons: every folder of addons/ with a manifest, comma separated.
gesmip_addon_list() {
    local manifest names=()
    for manifest in "$GESMIP_ROOT"/addons/*/__manifest__.py; do
        names+=("$(basename "$(dirname "$manifest")")")
    done
    local IFS=,
    echo "${names[*]}"
}
GESMIP_ADDONS="$(gesmip_addon_list)"
export GESMIP_ADDONS

gesmip_setup() {
    gesmip_find_odoo
    gesmip_system_packages
    gesmip_venv
    gesmip_axe
    gesmip_postgres
    say "Odoo $ODOO_SRC ($ODOO_VERSION_KEY), venv $GESMIP_VENV"
}
