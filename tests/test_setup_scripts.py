"""Checks of ./run.sh, ./test.sh, scripts/lib.sh and .ci/run, run with bash.

No database is needed: the failure cases stop before any set-up, and every
command the set-up could run (apt-get, sudo, psql, createdb, ...) is replaced
by a stub that records its call, so a test fails if one of them is reached.
"""

import configparser
import hashlib
import os
import re
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
CI_RUN = ROOT / ".ci" / "run"
SCRIPTS = ["run.sh", "test.sh", "scripts/lib.sh", ".ci/run"]
ENTRY_POINTS = ["run.sh", "test.sh"]
TIMEOUT = 60
# Listening settings (scripts/lib.sh): the tests set them explicitly.
SAFETY_VARIABLES = ("VSMS_HTTP_INTERFACE", "VSMS_MASTER_PASSWORD", "VSMS_PROXY_MODE")

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
        for name in SAFETY_VARIABLES:
            self.env.pop(name, None)

    def __repr__(self):
        # Keep the environment out of failure reports.
        return f"Sandbox({self.tmp})"


@pytest.fixture
def sandbox(tmp_path):
    """Where the scripts run and nothing can be set up."""
    return Sandbox(tmp_path)


def run_bash(argv, env):
    """``bash argv…`` in the repository, no input, output captured."""
    return subprocess.run(
        ["bash", *argv],
        cwd=ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )


def run_script(script, env, *args):
    return run_bash([str(ROOT / script), *args], env)


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


# Safe by default: run.sh serves the network only with a master password; the
# generated config has list_db = False and proxy_mode on request.


def run_lib(code, env):
    """Runs bash code after sourcing scripts/lib.sh."""
    return run_bash(["-c", f"source scripts/lib.sh; {code}"], env)


def read_conf(path):
    parser = configparser.RawConfigParser()
    parser.read_string(path.read_text(encoding="utf-8"))
    return dict(parser.items("options"))


@pytest.mark.parametrize("interface", ["0.0.0.0", "192.168.1.10", "::"])
def test_run_refuses_network_without_master_password(sandbox, interface):
    sandbox.env["VSMS_HTTP_INTERFACE"] = interface
    result = run_script("run.sh", sandbox.env)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "Refusing to listen" in output, output
    assert f"VSMS_HTTP_INTERFACE={interface}" in output, output
    assert "VSMS_MASTER_PASSWORD" in output, output
    # Refused before any set-up (a real ODOO_SRC: the next step would run).
    assert_untouched(sandbox)


@pytest.mark.parametrize("interface", ["0.0.0.0", "127.0.0.1"])
def test_run_refuses_admin_master_password(sandbox, interface):
    sandbox.env.update(VSMS_HTTP_INTERFACE=interface, VSMS_MASTER_PASSWORD="admin")
    result = run_script("run.sh", sandbox.env)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "VSMS_MASTER_PASSWORD is 'admin'" in output, output
    assert_untouched(sandbox)


@pytest.mark.parametrize(
    "option", ["--http-interface=0.0.0.0", "--http-interface", "-c", "--config=x"]
)
def test_run_refuses_options_that_bypass_the_check(sandbox, option):
    result = run_script("run.sh", sandbox.env, option, "0.0.0.0")
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert option in output, output
    assert_untouched(sandbox)


def test_run_accepts_network_with_master_password(sandbox):
    """Past the check, run.sh goes on to the set-up (here: no Odoo source)."""
    odoo_src = sandbox.tmp / "no odoo"
    odoo_src.mkdir()
    sandbox.env.update(
        ODOO_SRC=str(odoo_src),
        VSMS_HTTP_INTERFACE="0.0.0.0",
        VSMS_MASTER_PASSWORD="a long random secret",
    )
    result = run_script("run.sh", sandbox.env)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "master password" not in output, output
    assert str(odoo_src) in output, output
    assert_untouched(sandbox)


@pytest.mark.parametrize("interface", ["", "127.0.0.1", "localhost", "::1"])
def test_loopback_needs_no_master_password(sandbox, interface):
    sandbox.env["VSMS_HTTP_INTERFACE"] = interface
    result = run_lib("check_listen_settings && echo listen-ok", sandbox.env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "listen-ok" in result.stdout


def test_config_local_default(sandbox):
    result = run_lib("write_odoo_conf", sandbox.env)
    assert result.returncode == 0, result.stdout + result.stderr
    conf = Path(sandbox.env["VSMS_HOME"]) / "odoo.conf"
    options = read_conf(conf)
    assert options["http_interface"] == "127.0.0.1"
    assert options["list_db"] == "False"
    assert options["proxy_mode"] == "False"
    # Not Odoo's default "admin": empty, i.e. no master password is accepted.
    assert options["admin_passwd"] == ""
    assert conf.stat().st_mode & 0o077 == 0, "the config is readable by others"


def test_config_network_behind_proxy(sandbox):
    sandbox.env.update(
        VSMS_HTTP_INTERFACE="0.0.0.0",
        VSMS_MASTER_PASSWORD="s3cret %x; #1",
        VSMS_PROXY_MODE="1",
        VSMS_HTTP_PORT="8270",
    )
    result = run_lib("write_odoo_conf", sandbox.env)
    assert result.returncode == 0, result.stdout + result.stderr
    options = read_conf(Path(sandbox.env["VSMS_HOME"]) / "odoo.conf")
    assert options["http_interface"] == "0.0.0.0"
    assert options["http_port"] == "8270"
    assert options["admin_passwd"] == "s3cret %x; #1"
    assert options["list_db"] == "False"
    assert options["proxy_mode"] == "True"


def test_config_refused_without_master_password(sandbox):
    """write_odoo_conf checks too, whoever calls it."""
    sandbox.env["VSMS_HTTP_INTERFACE"] = "0.0.0.0"
    result = run_lib("write_odoo_conf", sandbox.env)
    assert result.returncode != 0
    assert "VSMS_MASTER_PASSWORD" in result.stderr
    assert not (Path(sandbox.env["VSMS_HOME"]) / "odoo.conf").exists()


def test_config_refuses_bad_proxy_mode(sandbox):
    sandbox.env["VSMS_PROXY_MODE"] = "maybe"
    result = run_lib("write_odoo_conf", sandbox.env)
    assert result.returncode != 0
    assert "VSMS_PROXY_MODE='maybe'" in result.stderr


def test_odoo_reads_the_generated_config(sandbox):
    """Odoo itself: no database list, proxy mode, no master password accepted."""
    sandbox.env["VSMS_PROXY_MODE"] = "1"
    result = run_lib("write_odoo_conf", sandbox.env)
    assert result.returncode == 0, result.stdout + result.stderr
    conf = Path(sandbox.env["VSMS_HOME"]) / "odoo.conf"
    odoo_src = os.environ.get("ODOO_SRC") or "/opt/odoo"
    code = (
        "from odoo.tools import config\n"
        f"config._parse_config(['-c', {str(conf)!r}])\n"
        "print(config['list_db'], config['proxy_mode'], repr(config['admin_passwd']),\n"
        "      config.verify_admin_password('admin'))\n"
    )
    env = dict(os.environ, PYTHONPATH=odoo_src)
    checked = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    assert checked.returncode == 0, checked.stderr
    assert checked.stdout.split() == ["False", "True", "''", "False"], checked.stdout


def readme_section(title):
    text = README.read_text(encoding="utf-8")
    match = re.search(
        rf"^## {re.escape(title)}\n(.*?)(?=^## )", text, re.MULTILINE | re.DOTALL
    )
    assert match, f"README: no section '## {title}'"
    return match.group(1)


@pytest.mark.parametrize(
    "term",
    [
        "What changed for admins",
        "VSMS_MASTER_PASSWORD",
        "VSMS_PROXY_MODE",
        "list_db = False",
        "proxy_mode",
        "workers",
        "limit_memory_soft",
        "gevent_port",
        "/websocket",
        "max_cron_threads",
        "db_maxconn",
        "nginx",
        "ssl_certificate",
        "pg_dump --format=custom",
        "pg_restore",
        "filestore",
        "shared storage",
        "sticky sessions",
    ],
)
def test_readme_production_deployment(term):
    assert term in readme_section("Production deployment"), term


def test_readme_nginx_sends_websocket_to_gevent_port():
    section = readme_section("Production deployment")
    assert re.search(
        r"upstream vsms_websocket \{ server 127\.0\.0\.1:8072; \}", section
    )
    websocket = re.search(r"location /websocket \{(.*?)\}", section, re.DOTALL)
    assert websocket, "README: the nginx example has no /websocket location"
    assert "proxy_pass http://vsms_websocket;" in websocket.group(1)
    assert "Upgrade" in websocket.group(1)
    assert "longpolling_port =" not in section, "gone in Odoo 19: gevent_port"


# OCA addons: wheels from PyPI installed with `pip install --no-deps` (they
# require the distribution "odoo", which is not on PyPI), see
# requirements-oca.txt.

OCA_REQUIREMENTS = ROOT / "requirements-oca.txt"
OCA_CHECK = ROOT / "scripts" / "check_oca_addons.py"
# What ensure_venv hashes into its stamp, in this order.
VENV_INPUTS = [
    "{odoo}/requirements.txt",
    "{root}/requirements.txt",
    "{root}/requirements-dev.txt",
    "{root}/requirements-oca.txt",
    "{root}/scripts/constraints.txt",
]


def oca_requirement_lines():
    return [
        line.strip()
        for line in OCA_REQUIREMENTS.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]


def requirement_name(line):
    return re.match(r"[A-Za-z0-9._-]+", line).group(0).lower()


def test_requirements_oca_lists_19_0_wheels():
    lines = oca_requirement_lines()
    assert "odoo-addon-partner-contact-birthdate>=19.0,<19.1" in lines
    for line in lines:
        assert re.fullmatch(r"odoo-addon-[a-z0-9-]+>=19\.0,<19\.1", line), line
    assert "--no-deps" in OCA_REQUIREMENTS.read_text(encoding="utf-8")


def test_oca_wheels_not_in_the_other_requirements():
    """Installed with dependencies, they would make pip look for "odoo"."""
    for name in ("requirements.txt", "requirements-dev.txt"):
        text = (ROOT / name).read_text(encoding="utf-8")
        assert "odoo-addon" not in text.replace("_", "-"), name


def stub_venv_python(sandbox, *, fixed_by_install=True):
    """A fake $VENV/bin/python: logs its calls; the OCA check fails while
    the file "oca-missing" exists, which the --no-deps install removes (unless
    ``fixed_by_install`` is false)."""
    venv_bin = Path(sandbox.env["VSMS_HOME"]) / "venv" / "bin"
    venv_bin.mkdir(parents=True)
    missing = sandbox.tmp / "oca-missing"
    log = sandbox.tmp / "venv-python.log"
    fix = f'rm -f "{missing}"' if fixed_by_install else ":"
    python = venv_bin / "python"
    python.write_text(
        "#!/bin/sh\n"
        f'echo "$*" >> "{log}"\n'
        'case "$*" in\n'
        f'  *check_oca_addons.py*) [ ! -e "{missing}" ] || exit 1 ;;\n'
        f"  *--no-deps*) {fix} ;;\n"
        "esac\n"
        "exit 0\n"
    )
    python.chmod(0o755)
    return missing, log


def venv_stamp(sandbox, inputs=VENV_INPUTS):
    odoo_src = sandbox.env.get("ODOO_SRC") or "/opt/odoo"
    digest = hashlib.sha256()
    for template in inputs:
        path = Path(template.format(odoo=odoo_src, root=ROOT))
        digest.update(path.read_bytes())
    stamp = Path(sandbox.env["VSMS_HOME"]) / "venv" / ".vsms-requirements"
    return stamp, digest.hexdigest()


def pip_installs(log):
    return [
        line.split()
        for line in log.read_text().splitlines()
        if line.startswith("-m pip install") and " -r " in f" {line} "
    ]


def requirement_files(args):
    return [args[index + 1] for index, arg in enumerate(args) if arg == "-r"]


def test_ensure_venv_up_to_date(sandbox):
    """The stamp covers requirements-oca.txt; nothing is installed when it
    matches and the OCA addons are there."""
    _missing, log = stub_venv_python(sandbox)
    stamp, digest = venv_stamp(sandbox)
    stamp.write_text(digest + "\n")
    result = run_lib("ensure_venv", sandbox.env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "(up to date)" in result.stdout
    assert not pip_installs(log), log.read_text()
    assert "check_oca_addons.py" in log.read_text(), "the OCA addons are not checked"


@pytest.mark.parametrize(
    "case", ["oca addon missing", "stamp without requirements-oca.txt", "no stamp"]
)
def test_ensure_venv_installs_oca_wheels_without_deps(sandbox, case):
    missing, log = stub_venv_python(sandbox)
    stamp, digest = venv_stamp(sandbox)
    if case == "oca addon missing":
        missing.touch()
        stamp.write_text(digest + "\n")
    elif case == "stamp without requirements-oca.txt":
        stamp.write_text(venv_stamp(sandbox, VENV_INPUTS[:3] + VENV_INPUTS[4:])[1])
    result = run_lib("ensure_venv", sandbox.env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Python virtualenv ready" in result.stdout
    installs = pip_installs(log)
    assert len(installs) == 2, installs
    requirements, oca = installs
    odoo_src = sandbox.env.get("ODOO_SRC") or "/opt/odoo"
    assert requirement_files(requirements) == [
        f"{odoo_src}/requirements.txt",
        f"{ROOT}/requirements.txt",
        f"{ROOT}/requirements-dev.txt",
    ]
    assert "--no-deps" not in requirements
    assert requirement_files(oca) == [str(OCA_REQUIREMENTS)]
    assert "--no-deps" in oca
    assert not missing.exists()
    assert stamp.read_text().strip() == digest


def test_ensure_venv_fails_when_oca_addons_stay_incomplete(sandbox):
    missing, _log = stub_venv_python(sandbox, fixed_by_install=False)
    missing.touch()
    stamp, _digest = venv_stamp(sandbox)
    result = run_lib("ensure_venv", sandbox.env)
    assert result.returncode != 0
    assert "requirements-oca.txt" in result.stderr
    assert not stamp.exists(), "a stamp for an incomplete virtualenv"


def run_python(code, *args, env=None):
    odoo_src = os.environ.get("ODOO_SRC") or "/opt/odoo"
    return subprocess.run(
        [sys.executable, *(["-c", code] if code else []), *args],
        env=dict(env or os.environ, PYTHONPATH=odoo_src),
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )


def test_check_oca_addons_passes_in_this_venv():
    result = run_python(None, str(OCA_CHECK), str(OCA_REQUIREMENTS))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "OCA addon partner_contact_birthdate (" in result.stdout


def test_check_oca_addons_names_what_is_missing(tmp_path):
    requirements = tmp_path / "requirements-oca.txt"
    requirements.write_text(
        "odoo-addon-partner-contact-birthdate>=19.0,<19.1\n"
        "odoo-addon-vsms-no-such-addon>=19.0,<19.1\n"
    )
    result = run_python(None, str(OCA_CHECK), str(requirements))
    assert result.returncode == 1
    assert "odoo-addon-vsms-no-such-addon: not installed" in result.stderr
    assert (
        "requires odoo-addon-partner-contact-personal-information-page: "
        "add it to requirements-oca.txt" in result.stderr
    ), result.stderr


def test_odoo_finds_the_oca_addons(sandbox):
    """Odoo itself, with the addons path of the generated config, finds every
    OCA addon in this venv's site-packages, and their dependencies."""
    result = run_lib("write_odoo_conf", sandbox.env)
    assert result.returncode == 0, result.stdout + result.stderr
    conf = Path(sandbox.env["VSMS_HOME"]) / "odoo.conf"
    code = (
        "import sys, sysconfig\n"
        "from odoo.tools import config\n"
        "from odoo.modules.module import Manifest, get_module_path,"
        " initialize_sys_path\n"
        f"config._parse_config(['-c', {str(conf)!r}])\n"
        "assert sysconfig.get_path('purelib') + '/odoo/addons' not in"
        " config['addons_path']\n"
        "initialize_sys_path()\n"
        "for addon in sys.argv[1:]:\n"
        "    print(addon, get_module_path(addon))\n"
        "    for dep in Manifest.for_addon(addon)['depends']:\n"
        "        assert get_module_path(dep), (addon, dep)\n"
    )
    addons = [
        requirement_name(line).removeprefix("odoo-addon-").replace("-", "_")
        for line in oca_requirement_lines()
    ]
    checked = run_python(code, *addons)
    assert checked.returncode == 0, checked.stderr
    site_packages = sysconfig.get_path("purelib")
    found = dict(line.split(" ", 1) for line in checked.stdout.splitlines())
    assert set(found) == set(addons) and "partner_contact_birthdate" in found
    for addon, path in found.items():
        assert path == f"{site_packages}/odoo/addons/{addon}", (addon, path)
