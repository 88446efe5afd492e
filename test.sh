#!/usr/bin/env bash
# Test vsms_regional: the same set-up as ./run.sh, then a throwaway database
# with the addon freshly installed, then Odoo's own tests of the modules the
# addon extends (scripts/core_tests.sh), then every test of the project
# (pytest + pytest-odoo: the addon's tests and the top-level tests/), then the
# database is dropped.
# Usage: ./test.sh [extra pytest arguments, e.g. -k parser]
# VSMS_CORE_TESTS=1 runs Odoo's own tests, 0 skips them; by default they run
# when no pytest argument is given (the whole suite, as in CI).
source "$(dirname "$0")/scripts/lib.sh"

# Tests get their own config and HTTP port, so a running ./run.sh is no bother.
VSMS_HTTP_PORT=${VSMS_TEST_HTTP_PORT:-8169}
ODOO_CONF=$VSMS_HOME/odoo-test-$VSMS_HTTP_PORT.conf
setup_all chromium shellcheck docker-compose

DB=vsms_test_$$
LOG=$VSMS_HOME/log/install-$DB.log
drop_db() {
    dropdb --if-exists --force "$DB" >/dev/null 2>&1 || true
    rm -rf "$VSMS_HOME/data/filestore/$DB"
}
trap drop_db EXIT

step "Installing vsms_regional into the throwaway database '$DB'"
mkdir -p "$(dirname "$LOG")"
if ! odoo_bin -d "$DB" -i vsms_regional --load-language=ru_RU --stop-after-init \
        --log-level=info --logfile="$LOG"; then
    tail -n 40 "$LOG" >&2
    die "Installing vsms_regional failed (log: $LOG)"
fi
info "Install log: $LOG"

cd "$REPO_DIR"
export VSMS_INSTALL_LOG=$LOG VSMS_TEST_DB=$DB VSMS_ODOO_CONF=$ODOO_CONF ODOO_SRC

# Odoo's own tests first, so that pytest's summary closes the output; pytest
# runs whatever they give, and tests/test_core_suites.py reports them.
core_status=0
run_core=${VSMS_CORE_TESTS:-}
if [ -z "$run_core" ]; then
    run_core=$(($# == 0))
fi
if [ "$run_core" != 0 ]; then
    export VSMS_CORE_TESTS_RESULT=$VSMS_HOME/log/core-tests-$DB.json
    scripts/core_tests.sh "$DB" || core_status=$?
else
    step "Odoo's own tests: skipped (VSMS_CORE_TESTS=1 runs them)"
    unset VSMS_CORE_TESTS_RESULT
fi

step "Running the tests"
set +e
PYTHONPATH=$ODOO_SRC "$VENV/bin/python" -m pytest -p no:cacheprovider \
    --odoo-config="$ODOO_CONF" --odoo-database="$DB" --odoo-http \
    vsms_regional/tests tests "$@"
status=$?
set -e
if [ "$status" -eq 0 ] && [ "$core_status" -ne 0 ]; then
    status=1
fi
exit $status
