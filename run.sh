#!/usr/bin/env bash
# Run vsms_regional: installs what is missing, creates the database "vsms" with
# the addon and Russian loaded (first time only), and serves Odoo on
# http://localhost:8069.  Usage: ./run.sh [extra odoo-bin options]
# Settings: see scripts/lib.sh (ODOO_SRC, VSMS_HOME, PGHOST, ...), plus
#   VSMS_DB (default vsms), VSMS_HTTP_PORT (default 8069),
#   VSMS_HTTP_INTERFACE (default 127.0.0.1; 0.0.0.0 to serve the network).
source "$(dirname "$0")/scripts/lib.sh"

DB=${VSMS_DB:-vsms}
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
step "Serving Odoo at http://localhost:$port  (login: admin, password: admin)"
info "Press Ctrl+C to stop."
exec "$VENV/bin/python" "$ODOO_SRC/odoo-bin" -c "$ODOO_CONF" -d "$DB" --db-filter="^$DB\$" "$@"
