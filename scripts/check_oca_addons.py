"""Checks the OCA addons of requirements-oca.txt in the Python that runs Odoo.

Usage: python scripts/check_oca_addons.py [requirements-oca.txt]
(with Odoo importable: PYTHONPATH=/opt/odoo for a source tree; the official
image's Debian package needs nothing).

The wheels are installed with ``pip install --no-deps`` (they require the
distribution ``odoo``, which is not on PyPI), so pip checks nothing. This
does, for each wheel listed in the file:

- it is installed;
- every OCA addon it requires (``Requires-Dist: odoo-addon-*``) is listed in
  the file too, so that a fresh install gets it;
- every other Python package it requires is installed (put them in
  requirements.txt);
- each addon it ships is where Odoo looks: ``odoo.addons.<addon>`` resolves
  to the installed directory (the wheels' ``odoo/addons`` directory is part of
  the ``odoo.addons`` namespace package).

Prints one line per addon found; exits 1 with the reasons otherwise.
"""

import importlib.metadata
import importlib.util
import os
import re
import sys
from pathlib import Path

DEFAULT_FILE = Path(__file__).resolve().parents[1] / "requirements-oca.txt"
NAME = re.compile(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)")


def normalize(name):
    """PEP 503 normalisation: odoo-addon-a_b and odoo_addon-a-b are one name."""
    return re.sub(r"[-_.]+", "-", name).lower()


def requirement_name(line):
    """The distribution name of a requirement line, or None for none."""
    line = line.split("#", 1)[0].strip()
    if not line or line.startswith("-"):
        return None
    return normalize(NAME.match(line).group(1))


def listed(path):
    return [
        name
        for name in map(requirement_name, path.read_text(encoding="utf-8").splitlines())
        if name
    ]


def marker_applies(requirement):
    """False for a requirement whose environment marker excludes this Python."""
    if ";" not in requirement:
        return True
    try:
        from packaging.requirements import Requirement  # noqa: PLC0415
    except ImportError:
        return True  # without packaging: checked as if it applied
    marker = Requirement(requirement).marker
    return marker is None or marker.evaluate({"extra": ""})


def installed(name):
    try:
        return importlib.metadata.distribution(name)
    except importlib.metadata.PackageNotFoundError:
        return None


def shipped_addons(dist):
    """(addon name, installed directory) of each addon in a wheel."""
    for file in dist.files or ():
        parts = file.parts
        if (
            len(parts) == 4
            and parts[:2] == ("odoo", "addons")
            and parts[3] == "__manifest__.py"
        ):
            yield parts[2], Path(dist.locate_file(file)).parent


def odoo_finds(addon, directory):
    """Whether ``odoo.addons.<addon>`` is that directory, as Odoo imports it."""
    spec = importlib.util.find_spec(f"odoo.addons.{addon}")
    if spec is None or not spec.submodule_search_locations:
        return False
    return any(
        os.path.exists(location) and os.path.samefile(location, directory)
        for location in spec.submodule_search_locations
    )


def check(requirements_file):
    """(lines to print, problems)."""
    names = listed(requirements_file)
    file_name = requirements_file.name
    found, problems = [], []
    for name in names:
        dist = installed(name)
        if dist is None:
            problems.append(f"{name}: not installed")
            continue
        for requirement in dist.requires or ():
            required = requirement_name(requirement)
            if required == "odoo" or not marker_applies(requirement):
                continue
            if required.startswith("odoo-addon-"):
                if required not in names:
                    problems.append(
                        f"{name} requires {required}: add it to {file_name}"
                    )
            elif installed(required) is None:
                problems.append(
                    f"{name} requires {required}: add it to requirements.txt"
                )
        addons = list(shipped_addons(dist))
        if not addons:
            problems.append(f"{name}: no Odoo addon in this distribution")
        for addon, directory in addons:
            if odoo_finds(addon, directory):
                found.append(f"{addon} ({directory})")
            else:
                problems.append(
                    f"{name}: Odoo does not find {addon} at {directory} "
                    "(not on the odoo.addons namespace path)"
                )
    return found, problems


def main(argv):
    requirements_file = Path(argv[1]) if len(argv) > 1 else DEFAULT_FILE
    found, problems = check(requirements_file)
    for line in found:
        print(f"OCA addon {line}")
    for problem in problems:
        print(f"ERROR: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
