"""Run Odoo's own tests on a database where the modules are already installed.

scripts/core_tests.sh calls it with the arguments of ``odoo-bin``, e.g.
``core_tests.py -c odoo.conf -d DB --test-enable --test-tags /calendar,/crm
--stop-after-init``, and ``VSMS_CORE_TESTS_RESULT=result.json``.

``odoo-bin --test-enable`` without ``-i``/``-u`` runs the ``at_install`` tests
of a module while the registry is loaded only up to that module. On a
database where later modules are installed, that is a half-built registry
over a full schema: the tests fail on NOT NULL columns of modules not loaded
yet (``res_users.notification_type`` of mail for base's tests, any required
field of a later addon). Here the ``at_install`` tests wait and run with the
``post_install`` ones, once the whole registry is loaded, through Odoo's own
runner: the same tags, result counting, retries and log checks as odoo-bin.

The result (tests run, every failure with its traceback, time per module)
is written as JSON for the summary of core_tests.sh and for
tests/test_core_suites.py.
"""

import json
import os
import re
import sys
from collections import defaultdict

# module, class path and method of a test id (as in odoo.tests.result)
TEST_ID = re.compile(r"^odoo\.addons\.(?P<module>[^.]+)\.tests\.(?P<rest>.+)$")


class Recorder:
    """What the runs of a process found, whatever the suites."""

    def __init__(self):
        self.tests_run = 0
        self.skipped = 0
        self.problems = []
        self.time = defaultdict(float)
        self.tests = defaultdict(int)

    def add_result(self, result):
        self.tests_run += result.testsRun
        self.skipped += result.skipped
        for test_id, stat in result.stats.items():
            match = TEST_ID.match(test_id)
            if not match:
                continue
            self.time[match["module"]] += stat.time
            if not test_id.endswith((".setUpClass", ".tearDownClass")):
                self.tests[match["module"]] += 1

    def add_problem(self, flavour, test, text):
        self.problems.append(
            {"kind": flavour, "test": test_label(test), "traceback": text}
        )

    def as_dict(self):
        return {
            "tests_run": self.tests_run,
            "skipped": self.skipped,
            "failed": len(self.problems),
            "problems": self.problems,
            "modules": {
                module: {"tests": self.tests[module], "seconds": round(seconds, 1)}
                for module, seconds in sorted(self.time.items())
            },
        }


def test_label(test):
    """``module:Class.method``, the form --test-tags takes, when it applies."""
    while getattr(test, "test_case", None) is not None and hasattr(test, "params"):
        test = test.test_case  # a subtest: name its test
    test_id = test.id()
    match = TEST_ID.match(test_id)
    if match and hasattr(test, "_testMethodName"):
        return f"{match['module']}:{type(test).__name__}.{test._testMethodName}"
    return test_id  # e.g. "setUpClass (odoo.addons.x.tests.test_y.TestZ)"


def install(recorder):
    """Defer at_install tests to the full registry; record what happens."""
    from odoo.tests import loader, result  # noqa: PLC0415

    make_suite = loader.make_suite
    run_suite = loader.run_suite
    log_error = result.OdooTestResult.logError

    def make_full_registry_suite(module_names, position="at_install"):
        if position == "at_install":
            # Called while the registry loads module by module: nothing yet.
            return loader.OdooSuite([])
        tests = [*make_suite(module_names, "at_install")]
        tests += make_suite(module_names, "post_install")
        # sorted() is stable: at_install tests first within a sequence.
        return loader.OdooSuite(
            sorted(tests, key=lambda test: getattr(test, "test_sequence", 0))
        )

    def run_and_record(suite, global_report=None):
        outcome = run_suite(suite, global_report=global_report)
        recorder.add_result(outcome)
        return outcome

    def log_and_record(self, flavour, test, error):
        if not self._soft_fail:  # a soft failure is retried, not counted
            recorder.add_problem(flavour, test, self._exc_info_to_string(error, test))
        return log_error(self, flavour, test, error)

    loader.make_suite = make_full_registry_suite
    loader.run_suite = run_and_record
    result.OdooTestResult.logError = log_and_record


def main():
    import odoo.cli  # noqa: PLC0415

    recorder = Recorder()
    install(recorder)
    sys.argv[0] = "odoo-bin"
    try:
        odoo.cli.main()
    finally:
        path = os.environ.get("VSMS_CORE_TESTS_RESULT")
        if path:
            with open(path, "w", encoding="utf-8") as file:
                json.dump(recorder.as_dict(), file, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
