"""Installing the addon on a fresh database logs no warning or error.

./test.sh installs vsms_regional into a throwaway database with
``--log-level=info`` and passes the log file in VSMS_INSTALL_LOG.
"""

import os
import re
from pathlib import Path

import pytest

LEVELS = re.compile(r"^\S+ \S+ \d+ (WARNING|ERROR|CRITICAL) ", re.MULTILINE)


@pytest.fixture(scope="module")
def install_log():
    path = os.environ.get("VSMS_INSTALL_LOG")
    if not path:
        pytest.fail("VSMS_INSTALL_LOG is not set: run the tests with ./test.sh")
    return Path(path).read_text(encoding="utf-8")


def test_addon_was_installed(install_log):
    assert "vsms_regional" in install_log
    translation = r"loading translation file .*vsms_regional/i18n/ru\.po"
    assert re.search(translation, install_log)
    assert "Modules loaded." in install_log


def test_install_logs_no_warning_or_error(install_log):
    problems = [
        line
        for line in install_log.splitlines()
        if LEVELS.match(line) or "DeprecationWarning" in line
    ]
    assert not problems, "\n".join(problems)
