"""Checks of ./run.sh, ./test.sh, scripts/lib.sh and .ci/run, run with bash.

No database is needed: the failure cases stop before any set-up, and every
command the set-up could run (apt-get, sudo, psql, createdb, ...) is replaced
by a stub that records its call, so a test fails if one of them is reached.
"""

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
CI_RUN = ROOT / ".ci" / "run"
SCRIPTS = ["run.sh", "test.sh", "scripts/lib.sh", ".ci/run"]
ENTRY_POINTS = ["run.sh", "test.sh"]
TIMEOUT = 60

# Everything the set-up may call to install or create something.
STUBBED_COMMANDS = [
    "apt",
    "apt-get",
    "sudo",
    "dpkg-query",
    "psql",
    "createdb",
    "dropdb",
    "createuser",
    "pg_lsclusters",
    "pg_createcluster",
    "pg_ctlcluster",
    "runuser",
    "pip",
    "pip3",
    "python3",
]


def existing_scripts():
    return [script for script in SCRIPTS if (ROOT / script).is_file()]


def write_stub(path, calls):
    path.write_text(f'#!/bin/sh\necho "$0 $*" >> "{calls}"\nexit 97\n')
    path.chmod(0o755)


class Sandbox:
    """A temp dir, the stubs' call log and the environment for the scripts."""

    def __init__(self, tmp_path):
        self.tmp = tmp_path
        self.calls = tmp_path / "calls.log"
        stubs = tmp_path / "stubs"
        stubs.mkdir()
        for name in STUBBED_COMMANDS:
            write_stub(stubs / name, self.calls)
        self.env = dict(os.environ)
        self.env.update(
            PATH=f"{stubs}{os.pathsep}{self.env.get('PATH', '/usr/bin:/bin')}",
            VSMS_HOME=str(tmp_path / "vsms_home"),
            PYTHON=str(stubs / "python3"),
            HOME=str(tmp_path / "home"),
        )
        self.env.pop("XDG_CACHE_HOME", None)

    def __repr__(self):
        # Keep the environment out of failure reports.
        return f"Sandbox({self.tmp})"


@pytest.fixture
def sandbox(tmp_path):
    """Where the scripts run and nothing can be set up."""
    return Sandbox(tmp_path)


def run_script(script, env):
    return subprocess.run(
        ["bash", str(ROOT / script)],
        cwd=ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )


def assert_untouched(sandbox):
    vsms_home = Path(sandbox.env["VSMS_HOME"])
    assert not vsms_home.exists() or not any(vsms_home.iterdir()), (
        f"{vsms_home} was written to"
    )
    calls = sandbox.calls
    assert not calls.exists(), "set-up commands ran:\n" + calls.read_text()
    assert not Path(sandbox.env["HOME"]).exists()


@pytest.mark.parametrize("script", SCRIPTS)
def test_bash_syntax(script):
    path = ROOT / script
    if script == ".ci/run" and not path.exists():
        pytest.skip(".ci/run does not exist")
    result = subprocess.run(
        ["bash", "-n", str(path)],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("script", ENTRY_POINTS)
def test_refuses_without_odoo_source(script, sandbox):
    odoo_src = sandbox.tmp / "empty odoo"
    odoo_src.mkdir()
    sandbox.env["ODOO_SRC"] = str(odoo_src)
    result = run_script(script, sandbox.env)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert str(odoo_src) in output, output
    assert "Odoo 19.0" in output, output
    assert "source" in output.lower(), output
    assert_untouched(sandbox)
    assert not any(odoo_src.iterdir()), "the scripts wrote into ODOO_SRC"


@pytest.mark.parametrize("script", ENTRY_POINTS)
def test_refuses_other_odoo_version(script, sandbox):
    odoo_src = sandbox.tmp / "odoo18"
    (odoo_src / "odoo").mkdir(parents=True)
    write_stub(odoo_src / "odoo-bin", sandbox.calls)
    (odoo_src / "requirements.txt").write_text("psycopg2\n")
    (odoo_src / "odoo" / "release.py").write_text(
        "version_info = (18, 0, 0, FINAL, 0, '')\n"
    )
    sandbox.env["ODOO_SRC"] = str(odoo_src)
    result = run_script(script, sandbox.env)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "19.0" in output, output
    assert_untouched(sandbox)


def test_check_odoo_src_accepts_real_source():
    env = dict(os.environ)
    env["ODOO_SRC"] = os.environ.get("ODOO_SRC") or "/opt/odoo"
    result = subprocess.run(
        ["bash", "-c", "source scripts/lib.sh; check_odoo_src"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def fenced_code_lines(markdown):
    lines = []
    for block in re.findall(
        r"^ *(?:```|~~~)[^\n]*\n(.*?)^ *(?:```|~~~)",
        markdown,
        flags=re.MULTILINE | re.DOTALL,
    ):
        lines.extend(line.strip() for line in block.splitlines())
    return lines


def test_readme_documents_the_two_commands():
    lines = fenced_code_lines(README.read_text(encoding="utf-8"))
    assert "./run.sh" in lines, "README: no code block with exactly ./run.sh"
    assert "./test.sh" in lines, "README: no code block with exactly ./test.sh"


def test_ci_runs_test_sh():
    assert CI_RUN.is_file(), ".ci/run does not exist"
    code = [
        line
        for line in CI_RUN.read_text(encoding="utf-8").splitlines()
        if not line.lstrip().startswith("#")
    ]
    assert any(re.search(r"(^|[\s;&|(])\./test\.sh\b", line) for line in code), (
        ".ci/run does not call ./test.sh"
    )


def test_shellcheck():
    shellcheck = shutil.which("shellcheck")
    assert shellcheck, "shellcheck is not installed (./test.sh installs it)"
    result = subprocess.run(
        [shellcheck, "-x", "-S", "error", *existing_scripts()],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
