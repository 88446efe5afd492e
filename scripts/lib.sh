# shellcheck shell=bash
# Shared set-up for ./run.sh and ./test.sh: everything they need on a fresh
# Debian 12 machine that has only an Odoo 19.0 source tree.
#
# Settings (environment variables, all optional):
#   ODOO_SRC   Odoo 19.0 source tree             (default /opt/odoo)
#   VSMS_HOME  venv, config, filestore, logs     (default ~/.cache/vsms_regional)
#   PYTHON     interpreter for the virtualenv    (default python3)
#   PGHOST, PGPORT, PGUSER, PGPASSWORD           an existing PostgreSQL server;
#              when PGHOST is unset, a local Debian cluster is installed/started.
#   VSMS_SMTP_SERVER, VSMS_SMTP_PORT, VSMS_SMTP_SSL, VSMS_SMTP_USER,
#   VSMS_SMTP_PASSWORD, VSMS_EMAIL_FROM          outgoing mail (README, "Mail").
#
# Listening, safe by default (README, "Production deployment"):
#   VSMS_HTTP_INTERFACE   address Odoo listens on (default 127.0.0.1). Anything
#              but 127.0.0.1, localhost or ::1 serves the network, and is
#              refused unless VSMS_MASTER_PASSWORD is set.
#   VSMS_HTTP_PORT        HTTP port (default 8069).
#   VSMS_MASTER_PASSWORD  Odoo's master password (admin_passwd: database
#              create/drop/backup/restore). Required beyond loopback; "admin"
#              (Odoo's well-known default) is always refused. When unset, the
#              config gets an empty admin_passwd, which Odoo reads as "no
#              master password is accepted".
#   VSMS_PROXY_MODE       1 behind a reverse proxy such as nginx: proxy_mode =
#              True, so Odoo trusts the proxy's X-Forwarded-* headers. Default 0.
# The generated config always has list_db = False: no database selector and
# no database manager (/web/database/*); run.sh serves one database.

set -euo pipefail

REPO_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ODOO_SRC=${ODOO_SRC:-/opt/odoo}
VSMS_HOME=${VSMS_HOME:-${XDG_CACHE_HOME:-$HOME/.cache}/vsms_regional}
VENV=$VSMS_HOME/venv
PYTHON=${PYTHON:-python3}
ODOO_CONF=$VSMS_HOME/odoo.conf
ADDONS_PATH=$ODOO_SRC/addons,$ODOO_SRC/odoo/addons,$REPO_DIR

step() { printf '\n==> %s\n' "$*"; }
info() { printf '    %s\n' "$*"; }
die() { printf '\nERROR: %s\n' "$*" >&2; exit 1; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        die "'$*' needs root. Run as root, or install sudo."
    fi
}

check_odoo_src() {
    if [ ! -f "$ODOO_SRC/odoo-bin" ] || [ ! -f "$ODOO_SRC/requirements.txt" ]; then
        die "No Odoo 19.0 source tree at '$ODOO_SRC' (odoo-bin not found).
       This project needs the Odoo 19.0 Community source: clone the 19.0 branch
       of Odoo there, or set ODOO_SRC=/path/to/odoo before running this command."
    fi
    local series
    series=$(sed -n "s/^version_info = (\([0-9]*\), \([0-9]*\),.*/\1.\2/p" "$ODOO_SRC/odoo/release.py")
    if [ "$series" != "19.0" ]; then
        die "'$ODOO_SRC' holds Odoo '$series', but vsms_regional needs Odoo 19.0."
    fi
}

# Debian packages: only the missing ones are installed.
ensure_debian_packages() {
    local wanted=(
        # build dependencies of Odoo's Python requirements
        gcc python3-dev python3-venv libpq-dev libldap2-dev libsasl2-dev
        libxml2-dev libxslt1-dev libjpeg-dev zlib1g-dev
        # PDF reports (with Cyrillic fonts) and PDF text checks in tests
        wkhtmltopdf fonts-dejavu-core poppler-utils
    )
    if [ -z "${PGHOST:-}" ]; then
        wanted+=(postgresql)
    fi
    wanted+=("$@")
    local missing=() pkg
    for pkg in "${wanted[@]}"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" \
            || missing+=("$pkg")
    done
    if [ "${#missing[@]}" -eq 0 ]; then
        info "Debian packages: all present"
        return
    fi
    step "Installing Debian packages: ${missing[*]}"
    command -v apt-get >/dev/null 2>&1 || die "apt-get not found: install ${missing[*]} by hand."
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# A local PostgreSQL cluster, started, with a role for the current OS user.
ensure_postgres() {
    if [ -n "${PGHOST:-}" ]; then
        info "PostgreSQL: using PGHOST=$PGHOST"
        psql -d postgres -Atc 'SELECT 1' >/dev/null \
            || die "Cannot connect to PostgreSQL at PGHOST=$PGHOST as ${PGUSER:-$USER}."
        return
    fi
    if ! pg_lsclusters -h 2>/dev/null | grep -q .; then
        step "Creating a PostgreSQL cluster"
        local ver
        ver=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
        as_root pg_createcluster "$ver" main
    fi
    local ver name status
    read -r ver name _ status _ < <(pg_lsclusters -h | head -n 1)
    if [ "$status" != "online" ]; then
        step "Starting PostgreSQL $ver/$name"
        as_root pg_ctlcluster "$ver" "$name" start
    fi
    local me
    me=$(id -un)
    [ "$me" != "postgres" ] || die "Do not run as the 'postgres' user: Odoo refuses it."
    if ! as_root runuser -u postgres -- psql -d postgres -Atc \
        "SELECT 1 FROM pg_roles WHERE rolname = '$me'" | grep -q 1; then
        step "Creating PostgreSQL role '$me'"
        as_root runuser -u postgres -- createuser --createdb "$me"
    fi
    info "PostgreSQL $ver/$name: online, role '$me'"
}

# Whether the OCA addons of requirements-oca.txt are installed, complete and
# found by Odoo (scripts/check_oca_addons.py says what is wrong otherwise).
check_oca_addons() {
    PYTHONPATH=$ODOO_SRC "$VENV/bin/python" "$REPO_DIR/scripts/check_oca_addons.py" \
        "$REPO_DIR/requirements-oca.txt"
}

# The virtualenv with Odoo's requirements, the project's and the OCA addons;
# rebuilt only when a requirements file changes or an OCA addon is missing.
ensure_venv() {
    local stamp=$VENV/.vsms-requirements
    local want
    want=$(cat "$ODOO_SRC/requirements.txt" "$REPO_DIR/requirements.txt" \
               "$REPO_DIR/requirements-dev.txt" "$REPO_DIR/requirements-oca.txt" \
               "$REPO_DIR/scripts/constraints.txt" | sha256sum | cut -d' ' -f1)
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -x "$VENV/bin/python" ] \
            && check_oca_addons >/dev/null 2>&1; then
        info "Python virtualenv: $VENV (up to date)"
        return
    fi
    step "Preparing the Python virtualenv in $VENV (a few minutes the first time)"
    mkdir -p "$VSMS_HOME"
    [ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV"
    "$VENV/bin/python" -m pip install -q --upgrade "pip>=25.3" wheel "setuptools<70"
    "$VENV/bin/python" -m pip install -q --progress-bar off \
        --build-constraint "$REPO_DIR/scripts/constraints.txt" \
        -r "$ODOO_SRC/requirements.txt" \
        -r "$REPO_DIR/requirements.txt" \
        -r "$REPO_DIR/requirements-dev.txt"
    # OCA addons: their wheels require the distribution "odoo", which is not
    # on PyPI, hence --no-deps (see requirements-oca.txt).
    "$VENV/bin/python" -m pip install -q --progress-bar off --no-deps \
        -r "$REPO_DIR/requirements-oca.txt"
    check_oca_addons || die "The OCA addons of requirements-oca.txt are incomplete (above)."
    echo "$want" > "$stamp"
    info "Python virtualenv ready"
}

is_loopback() {
    case "$1" in
        127.0.0.1 | localhost | ::1) return 0 ;;
        *) return 1 ;;
    esac
}

# "True"/"False" for VSMS_PROXY_MODE; dies on anything else.
proxy_mode_value() {
    case "${VSMS_PROXY_MODE:-0}" in
        1 | [Tt]rue | [Yy]es | on) echo True ;;
        0 | [Ff]alse | [Nn]o | off) echo False ;;
        *) die "VSMS_PROXY_MODE='$VSMS_PROXY_MODE': use 1 (behind a reverse proxy) or 0." ;;
    esac
}

# Refuses, before any set-up, to serve Odoo beyond loopback without a real
# master password (see "Listening" at the top of this file).
check_listen_settings() {
    local interface=${VSMS_HTTP_INTERFACE:-127.0.0.1}
    local password=${VSMS_MASTER_PASSWORD:-}
    case "$password" in
        admin)
            die "VSMS_MASTER_PASSWORD is 'admin', Odoo's well-known default master password.
       Choose a long random one (e.g. \`openssl rand -base64 24\`), or unset it when
       Odoo listens on 127.0.0.1 only." ;;
        *$'\n'*)
            die "VSMS_MASTER_PASSWORD must be a single line." ;;
    esac
    if ! is_loopback "$interface" && [ -z "$password" ]; then
        die "Refusing to listen on VSMS_HTTP_INTERFACE=$interface without a master password.
       Odoo would be reachable from the network. Either keep the default
       127.0.0.1 (and put a reverse proxy in front, VSMS_PROXY_MODE=1), or set
       VSMS_MASTER_PASSWORD to a long random secret (not 'admin').
       See README, \"Production deployment\"."
    fi
    proxy_mode_value >/dev/null
}

# The odoo-bin options after ./run.sh must not undo the checks above.
check_odoo_args() {
    local arg
    for arg in "$@"; do
        case "$arg" in
            --http-i* | --http_i*)
                die "'$arg': set the listening address with VSMS_HTTP_INTERFACE instead,
       so that run.sh can check it (see README, \"Production deployment\")." ;;
            -c* | --c*)
                die "'$arg': run.sh writes and uses its own config ($ODOO_CONF);
       set options through the VSMS_* variables or as odoo-bin options." ;;
        esac
    done
}

# The config holds passwords: readable by the current user only.
write_odoo_conf() {
    check_listen_settings
    local proxy_mode
    proxy_mode=$(proxy_mode_value)
    mkdir -p "$VSMS_HOME/data" "$VSMS_HOME/log"
    (umask 077 && : > "$ODOO_CONF")
    chmod 600 "$ODOO_CONF"
    {
        echo "[options]"
        echo "addons_path = $ADDONS_PATH"
        echo "data_dir = $VSMS_HOME/data"
        # Empty: Odoo accepts no master password at all.
        echo "admin_passwd = ${VSMS_MASTER_PASSWORD:-}"
        echo "list_db = False"
        echo "proxy_mode = $proxy_mode"
        echo "without_demo = True"
        echo "http_interface = ${VSMS_HTTP_INTERFACE:-127.0.0.1}"
        echo "http_port = ${VSMS_HTTP_PORT:-8069}"
        if [ -n "${PGHOST:-}" ]; then
            echo "db_host = $PGHOST"
            echo "db_port = ${PGPORT:-5432}"
            echo "db_user = ${PGUSER:-$(id -un)}"
            # Odoo 19 warns about "False" in a text option: leave it out.
            if [ -n "${PGPASSWORD:-}" ]; then
                echo "db_password = $PGPASSWORD"
            fi
        fi
        # Outgoing mail (see README, "Mail"): only when a server is given.
        if [ -n "${VSMS_SMTP_SERVER:-}" ]; then
            echo "smtp_server = $VSMS_SMTP_SERVER"
            echo "smtp_port = ${VSMS_SMTP_PORT:-587}"
            echo "smtp_ssl = ${VSMS_SMTP_SSL:-False}"
            echo "smtp_user = ${VSMS_SMTP_USER:-}"
            echo "smtp_password = ${VSMS_SMTP_PASSWORD:-}"
            echo "email_from = ${VSMS_EMAIL_FROM:-}"
            echo "from_filter = ${VSMS_EMAIL_FROM:-}"
        fi
        if command -v wkhtmltopdf >/dev/null 2>&1; then
            echo "bin_path = $(dirname "$(command -v wkhtmltopdf)")"
        fi
    } > "$ODOO_CONF"
}

odoo_bin() {
    "$VENV/bin/python" "$ODOO_SRC/odoo-bin" -c "$ODOO_CONF" "$@"
}

db_exists() {
    psql -d postgres -Atc "SELECT 1 FROM pg_database WHERE datname = '$1'" | grep -q 1
}

# Everything both commands need, in order.
setup_all() {
    check_listen_settings
    step "Checking the Odoo source"
    check_odoo_src
    info "Odoo 19.0 at $ODOO_SRC"
    step "Checking system packages"
    ensure_debian_packages "$@"
    step "Checking PostgreSQL"
    ensure_postgres
    step "Checking the Python virtualenv"
    ensure_venv
    write_odoo_conf
}
