"""Checks of docker-compose.yml (no Docker engine, no Odoo database needed)."""

import shlex
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
COMPOSE_FILE = ROOT / "docker-compose.yml"
README = ROOT / "README.md"
ADDON_TARGET = "/mnt/extra-addons/vsms_regional"


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
    assert services["odoo"]["image"] == "odoo:19.0"
    assert services["test"]["image"] == "odoo:19.0"


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
