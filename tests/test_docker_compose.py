"""Checks of docker-compose.yml (no Docker engine, no Odoo database needed)."""

import configparser
import fnmatch
import os
import re
import shlex
import shutil
import subprocess
from pathlib import Path, PurePosixPath

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
COMPOSE_FILE = ROOT / "docker-compose.yml"
DOCKERFILE = ROOT / "Dockerfile"
DOCKERIGNORE = ROOT / ".dockerignore"
ODOO_IMAGE = "vsms-regional-odoo:19.0"
README = ROOT / "README.md"
ADDON_TARGET = "/mnt/extra-addons/vsms_regional"
LOOPBACK = {"127.0.0.1", "[::1]"}
SAFETY_VARIABLES = ("VSMS_HTTP_INTERFACE", "VSMS_MASTER_PASSWORD", "VSMS_PROXY_MODE")


@pytest.fixture(scope="module")
def compose():
    with COMPOSE_FILE.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    assert isinstance(data, dict), "docker-compose.yml is not a mapping"
    assert "version" not in data, "the compose spec has no top-level 'version'"
    return data


@pytest.fixture(scope="module")
def services(compose):
    return compose["services"]


def environment(service):
    """A service's environment as a dict (mapping or list of KEY=VALUE)."""
    env = service.get("environment") or {}
    if isinstance(env, list):
        env = dict(item.split("=", 1) if "=" in item else (item, None) for item in env)
    return {key: None if value is None else str(value) for key, value in env.items()}


def command_tokens(service):
    """The service's command as shell-like tokens, `$$` unescaped.

    A `bash -c "<script>"` command is split too, so options given inside the
    script are found as well.
    """
    command = service.get("command")
    assert command, "service has no command"
    if isinstance(command, list):
        command = " ".join(str(part) for part in command)
    command = command.replace("$$", "$").replace("\\\n", " ")
    return shlex.split(command, comments=True)


def option_values(tokens, *names):
    """Values of an option in `-x value`, `--long value` or `--long=value` form."""
    values = []
    for index, token in enumerate(tokens):
        for name in names:
            if token == name and index + 1 < len(tokens):
                values.append(tokens[index + 1])
            elif name.startswith("--") and token.startswith(name + "="):
                values.append(token[len(name) + 1 :])
    return values


def bind_mounts(service):
    """(source, target, read_only) for each bind mount of a service."""
    mounts = []
    for volume in service.get("volumes") or []:
        if isinstance(volume, str):
            parts = volume.split(":")
            source, target = parts[0], parts[1] if len(parts) > 1 else parts[0]
            read_only = len(parts) > 2 and "ro" in parts[2].split(",")
            if source.startswith((".", "/", "~")):
                mounts.append((source, target, read_only))
        elif volume.get("type") == "bind":
            mounts.append(
                (volume["source"], volume["target"], bool(volume.get("read_only")))
            )
    return mounts


def published_ports(service):
    """(published, target) pairs, both as strings."""
    pairs = []
    for port in service.get("ports") or []:
        if isinstance(port, dict):
            pairs.append((str(port.get("published")), str(port["target"])))
            continue
        spec = str(port).split("/")[0]
        parts = spec.split(":")
        if len(parts) == 1:
            pairs.append((None, parts[0]))
        else:
            pairs.append((parts[-2], parts[-1]))
    return pairs


def test_services_exist(services):
    assert {"db", "odoo", "test"} <= set(services)


def test_images(services):
    assert services["db"]["image"] == "postgres:16"
    # One build of ./Dockerfile, shared by both Odoo services.
    assert services["odoo"]["image"] == ODOO_IMAGE
    assert services["test"]["image"] == ODOO_IMAGE


@pytest.mark.parametrize("name", ["odoo", "test"])
def test_odoo_services_build_the_dockerfile(services, name):
    build = services[name].get("build")
    assert build, f"{name}: not built from the Dockerfile"
    if isinstance(build, str):
        build = {"context": build}
    assert (ROOT / build["context"]).resolve() == ROOT
    assert build.get("dockerfile", "Dockerfile") == "Dockerfile"
    assert "args" not in build and "target" not in build, "the two builds differ"


def dockerfile_instructions():
    """(INSTRUCTION, arguments) of the Dockerfile, continuation lines joined."""
    instructions, current = [], ""
    for line in DOCKERFILE.read_text(encoding="utf-8").splitlines():
        if not current and (not line.strip() or line.lstrip().startswith("#")):
            continue
        if line.rstrip().endswith("\\"):
            current += line.rstrip()[:-1] + " "
            continue
        current += line
        keyword, _, arguments = current.strip().partition(" ")
        instructions.append((keyword.upper(), arguments.strip()))
        current = ""
    return instructions


def pip_installs():
    """The tokens of each ``pip3 install`` in the Dockerfile's RUN commands."""
    installs = []
    for keyword, arguments in dockerfile_instructions():
        if keyword != "RUN":
            continue
        for command in re.split(r"&&|;", arguments):
            tokens = shlex.split(command)
            if tokens[:2] in (["pip3", "install"], ["pip", "install"]) or tokens[
                :4
            ] == ["python3", "-m", "pip", "install"]:
                installs.append(tokens)
    return installs


def requirement_files(tokens):
    return [
        PurePosixPath(tokens[index + 1]).name
        for index, token in enumerate(tokens)
        if token in ("-r", "--requirement")
    ]


def test_dockerfile_extends_the_official_image():
    instructions = dockerfile_instructions()
    assert instructions[0] == ("FROM", "odoo:19.0")
    assert [args for keyword, args in instructions if keyword == "FROM"] == [
        "odoo:19.0"
    ], "one stage, from the official image"
    users = [args for keyword, args in instructions if keyword == "USER"]
    assert users and users[-1] == "odoo", "the image must run as odoo, not root"
    assert not [
        keyword for keyword, _args in instructions if keyword in ("CMD", "ENTRYPOINT")
    ], "the official image's entrypoint and command are kept"


def test_dockerfile_installs_oca_wheels_without_deps():
    installs = pip_installs()
    oca = [
        tokens
        for tokens in installs
        if "requirements-oca.txt" in requirement_files(tokens)
    ]
    assert len(oca) == 1, installs
    assert requirement_files(oca[0]) == ["requirements-oca.txt"]
    assert "--no-deps" in oca[0]
    assert "--break-system-packages" in oca[0], "PEP 668: the image's system Python"
    project = [
        tokens for tokens in installs if "requirements.txt" in requirement_files(tokens)
    ]
    assert len(project) == 1, "the project's Python requirements are not installed"
    assert "--no-deps" not in project[0]
    assert installs.index(project[0]) < installs.index(oca[0])


def test_dockerfile_checks_the_oca_addons():
    runs = " ".join(
        args for keyword, args in dockerfile_instructions() if keyword == "RUN"
    )
    assert re.search(r"python3 \S*check_oca_addons\.py \S*requirements-oca\.txt", runs)


def dockerignore_excludes(path):
    """Whether .dockerignore leaves ``path`` out of the build context."""
    excluded = False
    for line in DOCKERIGNORE.read_text(encoding="utf-8").splitlines():
        pattern = line.strip()
        if not pattern or pattern.startswith("#"):
            continue
        negated = pattern.startswith("!")
        if fnmatch.fnmatchcase(path, pattern.lstrip("!").strip("/")):
            excluded = not negated
    return excluded


def test_dockerfile_copies_only_what_the_context_has():
    sources = []
    for keyword, arguments in dockerfile_instructions():
        if keyword in ("COPY", "ADD"):
            tokens = [
                token for token in arguments.split() if not token.startswith("--")
            ]
            sources.extend(tokens[:-1])
    assert {"requirements.txt", "requirements-oca.txt"} <= set(sources)
    for source in sources:
        assert (ROOT / source).is_file(), source
        assert not dockerignore_excludes(source), f".dockerignore excludes {source}"
    assert dockerignore_excludes(".git/config"), (
        "the build context holds the repository"
    )
    assert dockerignore_excludes(".env"), "the build context holds .env (secrets)"


def test_db_service(services, compose):
    db = services["db"]
    env = environment(db)
    assert env.get("POSTGRES_DB") == "postgres"
    assert env.get("POSTGRES_USER") == "odoo"
    assert env.get("POSTGRES_PASSWORD") == "odoo"
    health = db.get("healthcheck") or {}
    test = health.get("test")
    test = " ".join(test) if isinstance(test, list) else str(test)
    assert "pg_isready" in test
    assert "-U odoo" in test
    data_volumes = [
        volume.split(":")[0]
        for volume in db.get("volumes") or []
        if isinstance(volume, str)
        and volume.split(":")[1:2] == ["/var/lib/postgresql/data"]
    ]
    assert data_volumes, "db has no volume for /var/lib/postgresql/data"
    assert data_volumes[0] in (compose.get("volumes") or {}), "not a named volume"


@pytest.mark.parametrize("name", ["odoo", "test"])
def test_depends_on_healthy_db(services, name):
    depends_on = services[name].get("depends_on")
    assert isinstance(depends_on, dict), f"{name}: depends_on needs a condition"
    assert depends_on["db"]["condition"] == "service_healthy"


@pytest.mark.parametrize("name", ["odoo", "test"])
def test_addon_mounted(services, name):
    mounts = [m for m in bind_mounts(services[name]) if m[1] == ADDON_TARGET]
    assert mounts, f"{name}: the addon is not mounted at {ADDON_TARGET}"
    source, _target, read_only = mounts[0]
    assert read_only, f"{name}: the addon mount should be read-only"
    host_path = (ROOT / source).resolve()
    assert host_path == ROOT / "vsms_regional"
    assert host_path.is_dir(), f"{host_path} does not exist"
    assert (host_path / "__manifest__.py").is_file()


def test_odoo_data_volume(services, compose):
    targets = {
        volume.split(":")[1]: volume.split(":")[0]
        for volume in services["odoo"].get("volumes") or []
        if isinstance(volume, str) and ":" in volume
    }
    assert "/var/lib/odoo" in targets
    assert targets["/var/lib/odoo"] in (compose.get("volumes") or {})


def test_odoo_command_installs_addon_with_russian(services):
    tokens = command_tokens(services["odoo"])
    assert "vsms" in option_values(tokens, "-d", "--database")
    installed = ",".join(option_values(tokens, "-i", "--init")).split(",")
    assert "vsms_regional" in installed
    assert "ru_RU" in option_values(tokens, "--load-language")
    assert "--stop-after-init" not in tokens, "the odoo service must keep serving"


def test_odoo_does_not_override_addons_path(services):
    tokens = command_tokens(services["odoo"])
    assert not option_values(tokens, "--addons-path")


def test_test_service_profile_and_command(services):
    test = services["test"]
    assert "test" in (test.get("profiles") or [])
    tokens = command_tokens(test)
    tags = ",".join(option_values(tokens, "--test-tags")).split(",")
    assert "/vsms_regional" in tags
    assert "vsms_regional" in ",".join(option_values(tokens, "-i", "--init")).split(",")
    assert "ru_RU" in option_values(tokens, "--load-language")
    assert "--stop-after-init" in tokens
    databases = option_values(tokens, "-d", "--database")
    assert databases, "the test service names no database"
    assert "vsms" not in databases, "tests need their own database"


def test_db_credentials_match(services):
    odoo_env = environment(services["odoo"])
    db_env = environment(services["db"])
    assert odoo_env.get("HOST") == "db"
    assert odoo_env.get("USER") == db_env.get("POSTGRES_USER")
    assert odoo_env.get("PASSWORD") == db_env.get("POSTGRES_PASSWORD")
    test_env = environment(services["test"])
    for key in ("HOST", "USER", "PASSWORD"):
        assert test_env.get(key, odoo_env[key]) == odoo_env[key]


def test_port_8069_published(services):
    assert ("8069", "8069") in published_ports(services["odoo"])
    assert not published_ports(services["test"]), "the test service needs no port"


def test_readme_documents_docker():
    text = README.read_text(encoding="utf-8")
    assert "docker compose up" in text
    assert "docker compose run --rm test" in text


def compose_command():
    """``docker compose`` (plugin) when it works, else Debian's ``docker-compose``.

    ./test.sh installs Debian's docker-compose; neither needs a Docker engine
    to validate a file.
    """
    docker = shutil.which("docker")
    if docker:
        version = subprocess.run(
            [docker, "compose", "version"],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        if version.returncode == 0:
            return [docker, "compose"]
    legacy = shutil.which("docker-compose")
    assert legacy, "neither `docker compose` nor `docker-compose` is installed"
    return [legacy]


def test_compose_config_validates():
    result = subprocess.run(
        [*compose_command(), "-f", str(COMPOSE_FILE), "config", "-q"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr or result.stdout


# Safe by default: loopback only, a master password for anything else,
# list_db = False and proxy_mode on request (see README, "Production
# deployment").


def interpolate(value, env):
    """Compose's interpolation of ``${VAR}``, ``${VAR:-default}`` and ``$$``."""

    def replace(match):
        if match.group(0) == "$$":
            return "$"
        name, default = match.group(1), match.group(3)
        if env.get(name):
            return env[name]
        return default if default is not None else env.get(name, "")

    return re.sub(r"\$\$|\$\{(\w+)(:-([^}]*))?\}", replace, str(value))


def host_ip(port):
    """The host address of a port: ``ip:published:target`` or long syntax."""
    if isinstance(port, dict):
        return port.get("host_ip") or "0.0.0.0"
    spec = str(port).split("/")[0]
    head = spec.rpartition(":")[0].rpartition(":")[0]  # drop target and published
    return head or "0.0.0.0"


@pytest.mark.parametrize(
    ("host_env", "expected"),
    [({}, "127.0.0.1"), ({"VSMS_HTTP_INTERFACE": "0.0.0.0"}, "0.0.0.0")],
)
def test_odoo_port_bound_to_loopback_by_default(services, host_env, expected):
    ports = services["odoo"].get("ports") or []
    assert ports, "the odoo service publishes no port"
    for port in ports:
        assert host_ip(interpolate(port, host_env)) == expected, port


def test_compose_config_binds_loopback(tmp_path):
    """The same, resolved by compose itself from an empty environment."""
    env_file = tmp_path / "empty.env"
    env_file.write_text("")
    env = {
        key: value for key, value in os.environ.items() if key not in SAFETY_VARIABLES
    }
    result = subprocess.run(
        [
            *compose_command(),
            "-f",
            str(COMPOSE_FILE),
            "--env-file",
            str(env_file),
            "config",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr or result.stdout
    resolved = yaml.safe_load(result.stdout)["services"]["odoo"]
    ports = resolved.get("ports") or []
    assert ports
    assert {host_ip(port) for port in ports} <= LOOPBACK, ports
    odoo_env = environment(resolved)
    assert odoo_env.get("VSMS_MASTER_PASSWORD") in ("", None)


def test_master_password_comes_from_the_environment(services):
    env = environment(services["odoo"])
    value = env.get("VSMS_MASTER_PASSWORD")
    assert value is not None, "the odoo service gets no VSMS_MASTER_PASSWORD"
    assert interpolate(value, {"VSMS_MASTER_PASSWORD": "s3cret"}) == "s3cret"
    assert interpolate(value, {}) == "", "no default master password in the file"
    assert interpolate(env.get("VSMS_HTTP_INTERFACE"), {}) == "127.0.0.1"


def test_compose_file_documents_the_safety_settings():
    comments = "\n".join(
        line
        for line in COMPOSE_FILE.read_text(encoding="utf-8").splitlines()
        if line.lstrip().startswith("#")
    )
    for word in ("VSMS_MASTER_PASSWORD", "VSMS_HTTP_INTERFACE", "127.0.0.1"):
        assert word in comments, f"docker-compose.yml: no comment about {word}"
    assert "list_db = False" in comments
    assert "proxy_mode" in comments


class OdooCommand:
    """The odoo service's command, run with bash and a stub entrypoint."""

    def __init__(self, services, tmp_path):
        command = services["odoo"]["command"]
        assert isinstance(command, list)
        assert command[:2] == ["bash", "-c"], "the odoo command is not a bash script"
        self.script = command[2].replace("$$", "$")
        assert "/entrypoint.sh odoo" in self.script
        self.service_env = environment(services["odoo"])
        self.tmp = tmp_path
        self.args = tmp_path / "entrypoint-args"
        self.conf_copy = tmp_path / "odoo-rc-seen"
        entrypoint = tmp_path / "entrypoint.sh"
        entrypoint.write_text(
            "#!/bin/sh\n"
            f'printf "%s\\n" "$@" > "{self.args}"\n'
            f'cp "$ODOO_RC" "{self.conf_copy}"\n'
        )
        entrypoint.chmod(0o755)
        self.script = self.script.replace("/entrypoint.sh", str(entrypoint))
        # What the image's /etc/odoo/odoo.conf looks like.
        self.image_conf = tmp_path / "image-odoo.conf"
        self.image_conf.write_text(
            "[options]\naddons_path = /mnt/extra-addons\ndata_dir = /var/lib/odoo\n"
            "; admin_passwd = admin\nlist_db = True\n"
        )

    def run(self, **host_env):
        env = {
            key: interpolate(value, host_env) for key, value in self.service_env.items()
        }
        env.update(
            PATH=os.environ.get("PATH", "/usr/bin:/bin"),
            TMPDIR=str(self.tmp),
            ODOO_RC=str(self.image_conf),
        )
        return subprocess.run(
            ["bash", "-c", self.script],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )

    def config(self):
        parser = configparser.RawConfigParser()
        parser.read_string(self.conf_copy.read_text())
        return dict(parser.items("options"))


@pytest.fixture
def odoo_command(services, tmp_path):
    return OdooCommand(services, tmp_path)


def test_odoo_command_local_config(odoo_command):
    result = odoo_command.run()
    assert result.returncode == 0, result.stderr
    options = odoo_command.config()
    assert options["list_db"] == "False"
    assert options["proxy_mode"] == "False"
    assert options["admin_passwd"] == "", "locally no master password is accepted"
    assert options["addons_path"] == "/mnt/extra-addons", "the image's config is kept"
    assert options["data_dir"] == "/var/lib/odoo"
    written = odoo_command.tmp / "vsms-odoo.conf"
    assert written.stat().st_mode & 0o077 == 0, "the config is readable by others"
    args = odoo_command.args.read_text().split()
    assert args[:3] == ["odoo", "-d", "vsms"]
    assert "--db-filter=^vsms$" in args


def test_odoo_command_refuses_network_without_master_password(odoo_command):
    result = odoo_command.run(VSMS_HTTP_INTERFACE="0.0.0.0")
    assert result.returncode != 0
    assert "VSMS_MASTER_PASSWORD" in result.stderr
    assert not odoo_command.args.exists(), "Odoo was started"


def test_odoo_command_refuses_admin_master_password(odoo_command):
    result = odoo_command.run(VSMS_MASTER_PASSWORD="admin")
    assert result.returncode != 0
    assert "admin" in result.stderr
    assert not odoo_command.args.exists(), "Odoo was started"


def test_odoo_command_network_with_master_password(odoo_command):
    result = odoo_command.run(
        VSMS_HTTP_INTERFACE="0.0.0.0",
        VSMS_MASTER_PASSWORD="a long; secret #1",
        VSMS_PROXY_MODE="1",
    )
    assert result.returncode == 0, result.stderr
    options = odoo_command.config()
    assert options["admin_passwd"] == "a long; secret #1"
    assert options["proxy_mode"] == "True"
    assert options["list_db"] == "False"


def test_compose_config_builds_one_image():
    """As compose resolves it: both Odoo services build ./Dockerfile into one
    image name."""
    result = subprocess.run(
        [*compose_command(), "-f", str(COMPOSE_FILE), "config"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr or result.stdout
    resolved = yaml.safe_load(result.stdout)["services"]
    for name in ("odoo", "test"):
        assert resolved[name]["image"] == ODOO_IMAGE
        assert Path(resolved[name]["build"]["context"]).resolve() == ROOT
