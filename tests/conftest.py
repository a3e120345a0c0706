"""Shared test helpers: projects written from a dict, golden files, the CLI."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator, Mapping
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from coursebook.cli import cli

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's headless Chromium, one for the whole session (Playwright allows one)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=["--no-sandbox", "--disable-background-networking", "--disable-gpu"],
        )
        yield chromium
        chromium.close()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="Rewrite golden files from the current output instead of comparing.",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


def scaffold_dir() -> Path:
    """The valid minimal project `coursebook init` copies."""
    return Path(str(resources.files("coursebook") / "scaffold" / "project"))


def write_project(root: Path, files: Mapping[str, str | bytes | None], base: bool = True) -> Path:
    """A project at `root`: the scaffold (if `base`), then `files` written over it.

    A value of None deletes that file from the scaffold.
    """
    if base:
        shutil.copytree(scaffold_dir(), root, dirs_exist_ok=True)
    for name, content in files.items():
        path = root / name
        if content is None:
            path.unlink(missing_ok=True)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


@pytest.fixture
def project(tmp_path: Path) -> Callable[..., Path]:
    """Make a project in a temporary folder: `project({"curriculum/...": "text"})`."""

    def make(files: Mapping[str, str | bytes | None] | None = None, base: bool = True) -> Path:
        return write_project(tmp_path / "project", files or {}, base=base)

    return make


def run_cli(*args: str) -> Result:
    """Run `coursebook ARGS` in-process, as the console script would."""
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def check_golden(path: Path, actual: str, update: bool) -> None:
    """Compare `actual` with the golden file at `path` (or rewrite it when updating)."""
    if update or not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        if not update:
            pytest.fail(f"{path.name} did not exist; wrote it. Review it and run again.")
    assert actual == path.read_text(encoding="utf-8"), (
        f"{path.name} differs; run pytest --update-golden if the change is intended"
    )



MODULE_FRONT = """---
title: Test module
summary: A module for the tests.
audiences: [all]
objectives:
  - Try something new
authors:
  - Test team
reviewed: 2026-01-15
review-due: 2028-01-15
---
"""
MODULE_TAIL = """

::: activity "Talk" 30
Talk in pairs.
:::

::: only carers
{{ snippet urgent-help }}
:::
"""


def module_text(*body: str) -> str:
    """A module for the scaffold's `welcome.md`: `body` from line 12, then a 30-minute activity.

    The scaffold course times its one session at 30 minutes and its carers
    variant must show urgent help, so this module keeps both true.
    """
    return MODULE_FRONT + "\n".join(body) + MODULE_TAIL


def check_lines(root: Path) -> list[str]:
    """The `path:line: severity: message` lines `coursebook check` prints for `root`."""
    result = run_cli("check", str(root))
    return [
        line for line in result.stdout.splitlines()
        if ": error: " in line or ": warning: " in line
    ]


@pytest.fixture(scope="session")
def bundled_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled curriculum built once per test session (website only, no PDFs).

    It is built from a copy, so that the tests never touch the repository's own
    build/ and site/. Returns the copy's folder; the site is in its site/.
    """
    from coursebook.build import BuildOptions, build

    root = tmp_path_factory.mktemp("bundled")
    shutil.copytree(REPO / "curriculum", root / "curriculum")
    for name in ("mkdocs.yml", "overrides"):
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, root / name)
        elif source.is_file():
            shutil.copy2(source, root / name)
    build(root, BuildOptions(pdfs=False, progress=False))
    return root
