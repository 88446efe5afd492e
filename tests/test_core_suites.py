"""Odoo's own tests of the modules the addon extends pass with the addon.

./test.sh runs them (scripts/core_tests.sh) on its database before pytest and
passes their result in VSMS_CORE_TESTS_RESULT; this file turns that result
into a pytest outcome, and checks the runner itself.
"""

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from unittest import mock

import pytest

ROOT = Path(__file__).resolve().parents[1]
RUNNER = ROOT / "scripts" / "core_tests.py"
SCRIPT = ROOT / "scripts" / "core_tests.sh"
README = ROOT / "README.md"
EXCEPTION_LINE = re.compile(r"^[\w.]+(Error|Exception|Failure|Warning)\b")
MIN_TESTS = 300  # the suites hold about 500 tests: far fewer means a suite is lost


def bash_array(name):
    """The quoted items of the bash array ``name=( ... )`` in core_tests.sh."""
    text = SCRIPT.read_text(encoding="utf-8")
    body = re.search(rf"^{name}=\(\n(.*?)^\)", text, re.MULTILINE | re.DOTALL)
    assert body, f"{name} not found in {SCRIPT.name}"
    return re.findall(r'^\s*"([^"]+)"', body[1], re.MULTILINE)


@pytest.fixture(scope="module")
def runner():
    spec = importlib.util.spec_from_file_location("vsms_core_tests", RUNNER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def patched_runner(runner):
    """The runner's patches of Odoo's loader, undone after the test."""
    from odoo.tests import loader, result  # noqa: PLC0415

    saved = (loader.make_suite, loader.run_suite, result.OdooTestResult.logError)
    recorder = runner.Recorder()
    runner.install(recorder)
    try:
        yield recorder
    finally:
        loader.make_suite, loader.run_suite = saved[:2]
        result.OdooTestResult.logError = saved[2]


def test_core_suites_pass():
    path = os.environ.get("VSMS_CORE_TESTS_RESULT")
    if not path:
        pytest.skip(
            "Odoo's own tests were not run (VSMS_CORE_TESTS=0, or pytest arguments)"
        )
    if not Path(path).is_file():
        pytest.fail(f"Odoo's own tests did not run: no {path} (see the output above)")
    result = json.loads(Path(path).read_text(encoding="utf-8"))
    failed = {}
    for problem in result["problems"]:
        lines = problem["traceback"].strip().splitlines() or [""]
        errors = [line for line in lines if EXCEPTION_LINE.match(line)]
        failed.setdefault(problem["test"], (errors or lines)[-1])
    log = Path(path).with_suffix(".log")
    report = "\n".join(f"{test}: {error}" for test, error in sorted(failed.items()))
    assert not failed, f"Odoo's own tests failed (log: {log}):\n{report}"
    assert result["tests_run"] >= MIN_TESTS, result["modules"]
    names = {suite.split("|")[0] for suite in bash_array("SUITES")}
    assert names - {"base", "mail"} <= set(result["modules"]), result["modules"]


def test_at_install_tests_wait_for_the_whole_registry(patched_runner):
    from odoo.tests import loader  # noqa: PLC0415
    from odoo.tools import config  # noqa: PLC0415

    saved = config["test_tags"]
    config["test_tags"] = "/mail/tests/test_res_partner.py"
    try:
        assert not loader.make_suite(["mail"], "at_install").countTestCases()
        tests = list(loader.make_suite(["mail"], "post_install"))
    finally:
        config["test_tags"] = saved
    assert tests, "mail's res.partner tests (at_install) must run after loading"
    assert all(type(test).__name__ == "TestPartner" for test in tests)


def test_failures_are_recorded_by_test_tag(patched_runner):
    from odoo.tests import TransactionCase  # noqa: PLC0415
    from odoo.tests.result import OdooTestResult  # noqa: PLC0415

    class TestSomething(TransactionCase):
        __module__ = "odoo.addons.calendar.tests.test_something"

        def test_it(self):
            pass

    try:
        raise AssertionError("core behaviour changed")
    except AssertionError:
        error = sys.exc_info()
    with (
        mock.patch.object(OdooTestResult, "log"),
        mock.patch.object(OdooTestResult, "getErrorCallerInfo", return_value=None),
    ):
        OdooTestResult().addFailure(TestSomething("test_it"), error)
    (problem,) = patched_runner.problems
    assert problem["kind"] == "FAIL"
    assert problem["test"] == "calendar:TestSomething.test_it"
    assert "core behaviour changed" in problem["traceback"]


def test_known_failures_are_valid_tags_listed_in_the_readme():
    from odoo.tests.tag_selector import TagsSelector  # noqa: PLC0415

    readme = README.read_text(encoding="utf-8")
    section = readme.split("## Odoo's own tests", 1)
    assert len(section) == 2, 'README has no section "Odoo\'s own tests"'
    section = section[1].split("\n## ", 1)[0]
    for tag in bash_array("KNOWN_CORE_FAILURES"):
        assert TagsSelector.filter_spec_re.match(tag), tag
        assert re.fullmatch(r"/\w+:\w+\.\w+", tag), f"{tag}: name one test method"
        assert f"`{tag[1:]}`" in section, f"{tag} is not explained in the README"
    for suite in bash_array("SUITES"):
        for tag in suite.split("|")[1].split(","):
            assert TagsSelector.filter_spec_re.match(tag), tag


def test_script_is_clean_and_explains_its_usage():
    shellcheck = shutil.which("shellcheck")
    assert shellcheck, "shellcheck is not installed (./test.sh installs it)"
    lint = subprocess.run(
        [shellcheck, "-x", "-S", "warning", str(SCRIPT)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert lint.returncode == 0, lint.stdout + lint.stderr
    run = subprocess.run(
        ["bash", str(SCRIPT)], capture_output=True, text=True, timeout=60, check=False
    )
    assert run.returncode != 0
    assert "Usage: scripts/core_tests.sh DATABASE" in run.stderr
