"""An installed coursebook (a wheel, not this checkout) carries its themes and prints."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.pdf_support import make_project

TOP_LEFT_OUT = shutil.ignore_patterns(
    ".git", ".venv", "build", "site", "*.egg-info", ".coursebook*", ".*_cache", ".hypothesis"
)
"""Build output and caches at the top of the checkout (`coursebook/site/` is a package)."""


def _left_out(folder: str, names: list[str]) -> set[str]:
    left_out = {"__pycache__"} & set(names)
    if Path(folder) == REPO:
        left_out |= TOP_LEFT_OUT(folder, names)
    return left_out


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    # Build from a copy of the sources, so nothing left in this checkout's
    # `build/` from an earlier build can stand in for what the wheel lacks.
    source = tmp_path_factory.mktemp("source") / "coursebook"
    shutil.copytree(REPO, source, symlinks=True, ignore=_left_out)
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(out), str(source)],
        check=True, capture_output=True, text=True,
    )
    (built,) = out.glob("coursebook-*.whl")
    return built


def _files(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


def test_the_wheel_carries_the_print_theme_site_theme_and_scaffold(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    wanted = {
        "coursebook/pdf/theme_files/": REPO / "overrides/print",
        "coursebook/site/theme_files/": REPO / "coursebook/site/theme_files",
        "coursebook/scaffold/project/": REPO / "coursebook/scaffold/project",
        "coursebook/templates/": REPO / "coursebook/templates",
    }
    for prefix, folder in wanted.items():
        missing = {prefix + f for f in _files(folder)} - names
        assert not missing, missing


def test_an_installed_coursebook_prints_a_project_without_this_checkout(wheel, tmp_path):
    lib = tmp_path / "lib"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(lib),
         str(wheel)],
        check=True, capture_output=True, text=True,
    )
    project = make_project(tmp_path / "p")
    env = {**os.environ, "PYTHONPATH": str(lib)}
    script = (
        "import sys, coursebook, coursebook.pdf.theme as t;"
        "print(coursebook.__file__); print(t.DEFAULT_THEME);"
        "from coursebook.cli import main;"
        "sys.argv = ['coursebook', 'pdf', sys.argv[1], '--variant', 'community',"
        " '--edition', 'facilitator', '--jobs', '1', '--no-progress'];"
        "main()"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(project)],
        cwd=tmp_path, env=env, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    where, theme = result.stdout.splitlines()[:2]
    assert Path(where).is_relative_to(lib)
    assert Path(theme).is_relative_to(lib.resolve()) and Path(theme, "book.html.j2").is_file()
    manual = project / "build/pdf/downloads/feeling-better/community/facilitator-manual.pdf"
    assert manual.is_file()
