#!/usr/bin/env bash
# Run vsms_regional: installs what is missing, creates the database "vsms" with
# the addon and Russian loaded (first time only), and serves Odoo on
# http://localhost:8069.  Usage: ./run.sh [extra odoo-bin options]
# Settings: see scripts/lib.sh (ODOO_SRC, VSMS_HOME, PGHOST, ...), plus
#   VSMS_DB               database (default vsms)
#   VSMS_HTTP_PORT        HTTP port (default 8069)
#   VSMS_HTTP_INTERFACE   listening address (default 127.0.0.1). Serving the
#                         network (0.0.0.0, an external IP) is refused unless
#   VSMS_MASTER_PASSWORD  is set: Odoo's master password, never "admin".
#   VSMS_PROXY_MODE=1     behind a reverse proxy (nginx): proxy_mode = True.
# The generated config always has list_db = False (no database manager).
# Production (workers, nginx, backups): README, "Production deployment".
source "$(dirname "$0")/scripts/lib.sh"

DB=${VSMS_DB:-vsms}
# Before any set-up: refuse to serve the network without a master password.
check_listen_settings
check_odoo_args "$@"
setup_all

addon_hash() {
    (cd "$REPO_DIR" && find vsms_regional -type f ! -name '*.pyc' -print0 | sort -z \
        | xargs -0 sha256sum | sha256sum | cut -d' ' -f1)
}
hash_file=$VSMS_HOME/$DB.addon-hash

if ! db_exists "$DB"; then
    step "Creating database '$DB' with vsms_regional and Russian (about a minute)"
    odoo_bin -d "$DB" -i vsms_regional --load-language=ru_RU --stop-after-init \
        --log-level=warn
    addon_hash > "$hash_file"
elif [ "$(cat "$hash_file" 2>/dev/null)" != "$(addon_hash)" ]; then
    step "Updating vsms_regional in database '$DB' (the addon changed)"
    odoo_bin -d "$DB" -u vsms_regional --stop-after-init --log-level=warn
    addon_hash > "$hash_file"
else
    info "Database '$DB': ready"
fi

port=${VSMS_HTTP_PORT:-8069}
interface=${VSMS_HTTP_INTERFACE:-127.0.0.1}
if is_loopback "$interface"; then
    step "Serving Odoo at http://localhost:$port  (login: admin, password: admin)"
else
    step "Serving Odoo on $interface:$port, beyond this machine"
    info "Change the password of the user 'admin' (initially 'admin') at once."
    if [ "$(proxy_mode_value)" = True ]; then
        info "proxy_mode is on: only the reverse proxy may reach port $port (firewall it)."
    fi
fi
info "Press Ctrl+C to stop."
exec "$VENV/bin/python" "$ODOO_SRC/odoo-bin" -c "$ODOO_CONF" -d "$DB" --db-filter="^$DB\$" "$@"
