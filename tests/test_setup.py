"""`make build` on a fresh machine installs what the site and PDFs need, and no more."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tests.conftest import REPO

SCRIPT = REPO / "scripts" / "install-system-deps.sh"
BUILD_PACKAGES = (
    "libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core fonts-liberation2"
)


def fake_debian(folder: Path, installed: bool) -> dict[str, str]:
    """An environment whose dpkg-query says every package is (or none is) installed,
    and whose apt-get (and sudo) only write down how they were called."""
    folder.mkdir()
    status = "install ok installed" if installed else "unknown ok not-installed"
    commands = {
        "dpkg-query": f"printf '{status}'",
        "apt-get": f'echo "apt-get $*" >> {folder}/calls',
        "sudo": '"$@"',
    }
    for name, body in commands.items():
        path = folder / name
        path.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
        path.chmod(0o755)
    return {**os.environ, "PATH": f"{folder}:{os.environ['PATH']}"}


def install(env: dict[str, str], *options: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", str(SCRIPT), *options], env=env, capture_output=True, text=True, timeout=30,
        check=False,
    )


def test_the_build_set_is_checked_and_named_when_installed(tmp_path):
    result = install(fake_debian(tmp_path / "bin", installed=True), "--build")
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"System packages already installed: {BUILD_PACKAGES}\n"
    assert not (tmp_path / "bin" / "calls").exists()


def test_missing_packages_are_installed_with_apt_get(tmp_path):
    result = install(fake_debian(tmp_path / "bin", installed=False), "--build", "--test")
    assert result.returncode == 0, result.stderr
    wanted = f"{BUILD_PACKAGES} chromium poppler-utils"
    assert result.stdout == f"Installing system packages: {wanted}\n"
    assert (tmp_path / "bin" / "calls").read_text().splitlines() == [
        "apt-get update -qq",
        f"apt-get install -y -qq --no-install-recommends {wanted}",
    ]


@pytest.mark.parametrize("options", [(), ("--everything",)])
def test_the_script_needs_a_package_set(tmp_path, options):
    result = install(fake_debian(tmp_path / "bin", installed=True), *options)
    assert result.returncode == 2
    assert result.stderr == f"usage: {SCRIPT} [--build] [--test]\n"


def make_dry_run(target: str, tmp_path: Path) -> list[str]:
    """The commands `make TARGET` would run on a machine with no virtual environment yet."""
    result = subprocess.run(
        ["make", "-n", "-C", str(REPO), target, f"VENV={tmp_path / 'venv'}"],
        capture_output=True, text=True, timeout=30, check=True,
    )
    return result.stdout.splitlines()


def test_make_build_installs_the_build_packages_and_nothing_the_tests_need(tmp_path):
    commands = make_dry_run("build", tmp_path)
    assert "bash scripts/install-system-deps.sh --build" in commands
    assert not any("--test" in command or ".[test]" in command for command in commands)


def test_make_test_adds_the_test_packages_to_the_build_packages(tmp_path):
    commands = make_dry_run("test", tmp_path)
    build = commands.index("bash scripts/install-system-deps.sh --build")
    assert commands.index("bash scripts/install-system-deps.sh --test") > build


def test_ci_builds_before_it_tests():
    lines = (REPO / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert [line for line in lines if line.startswith("make ")] == [
        "make build", "make test", "make lint",
    ]
