"""No file outside the project is read, written or deleted: symbolic links are refused.

Each fixture commits a link a pull request could: to the token `actions/checkout`
keeps in `.git/config`, to the environment, to a folder elsewhere. `check` and
`build` refuse it with `path: error: ...`, the secret appears in no output, and
the folder outside the project is left exactly as it was.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from coursebook import safepaths
from coursebook.layout import (
    BASE_CONFIG,
    CACHE_DIR,
    CURRICULUM,
    LOCK_FILE,
    OVERRIDES_DIR,
    SITE_DIR,
    WORK_DIR,
)
from tests.conftest import REPO

SECRET = "SECRET-0f3c-do-not-publish"


def coursebook(*args: str) -> subprocess.CompletedProcess[str]:
    """The CLI in its own process (so /proc/self/environ is its environment), with a time limit."""
    env = {**os.environ, "PYTHONPATH": str(REPO), "LEAKED_TOKEN": SECRET}
    return subprocess.run(
        [sys.executable, "-m", "coursebook", *args],
        capture_output=True, text=True, timeout=120, env=env, check=False,
    )


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A folder beside the project, with a secret in it: it must never change."""
    folder = tmp_path / "outside"
    (folder / "docs").mkdir(parents=True)
    (folder / "secret.txt").write_text(SECRET, encoding="utf-8")
    (folder / "docs" / "index.md").write_text(SECRET, encoding="utf-8")
    (folder / "pdf").mkdir()
    (folder / "pdf" / "old.pdf").write_text(SECRET, encoding="utf-8")
    return folder


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {
        p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*")) if p.is_file()
    }


def link(root: Path, name: str, target: str | Path) -> None:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.is_dir():
        shutil.rmtree(path)
    path.symlink_to(target)


SOURCE_LINKS = {
    "snippet to .git/config": ("curriculum/snippets/x.md", "../../.git/config"),
    "module to the environment": ("curriculum/modules/env.md", "/proc/self/environ"),
    "asset": ("curriculum/assets/photo.png", "{outside}/secret.txt"),
    "override": ("overrides/main.html", "{outside}/secret.txt"),
    "snippets folder": ("curriculum/snippets", "{outside}/docs"),
    "mkdocs.yml": ("mkdocs.yml", "{outside}/secret.txt"),
}
OUTPUT_LINKS = {
    "build folder": ("build", "{outside}"),
    "cache folder": (".coursebook-cache", "{outside}"),
    "site folder": ("site", "{outside}"),
    "lock file": (".coursebook.lock", "{outside}/secret.txt"),
}


def with_link(project: Callable[..., Path], outside: Path, name: str, target: str) -> Path:
    root = project()
    (root / ".git").mkdir()
    (root / ".git" / "config").write_text(f"[http]\n\textraheader = {SECRET}\n", "utf-8")
    link(root, name, target.format(outside=outside))
    return root


@pytest.mark.parametrize(
    ("name", "target", "message"),
    [(*v, safepaths.LINK_IN_SOURCES) for v in SOURCE_LINKS.values()]
    + [(*v, safepaths.LINK_IN_OUTPUTS) for v in OUTPUT_LINKS.values()],
    ids=[*SOURCE_LINKS, *OUTPUT_LINKS],
)
@pytest.mark.parametrize("command", ["check", "build"])
def test_a_link_is_refused_and_nothing_outside_is_touched(
    project, outside, name, target, message, command
):
    root = with_link(project, outside, name, target)
    before = snapshot(outside)
    done = coursebook(command, str(root))
    assert done.returncode == 1
    assert f"{name}: error: {message}" in done.stdout.splitlines()
    assert SECRET not in done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    assert snapshot(outside) == before
    if command == "build":
        made = {WORK_DIR, SITE_DIR, CACHE_DIR, LOCK_FILE} - {name}
        assert not any((root / made_name).exists() for made_name in made)


def test_the_message_for_a_link_among_the_sources(project, outside):
    root = with_link(project, outside, "curriculum/snippets/x.md", "../../.git/config")
    assert coursebook("check", str(root)).stdout.splitlines() == [
        "curriculum/snippets/x.md: error: this is a symbolic link, and coursebook never "
        "follows links, so that nothing outside the project is published; replace it with "
        "a copy of the file or folder it points to"
    ]


def test_the_message_for_a_link_in_place_of_an_output_folder(project, outside):
    root = with_link(project, outside, "build", "{outside}")
    assert coursebook("build", str(root)).stdout.splitlines() == [
        "build: error: this is a symbolic link, and coursebook never follows links, so that "
        "a build cannot overwrite or delete files outside the project; delete it "
        "(coursebook makes this itself)"
    ]


def test_a_named_pipe_is_refused_without_waiting_for_it(project):
    root = project()
    os.mkfifo(root / "curriculum" / "snippets" / "pipe.md")
    done = coursebook("check", str(root))
    assert done.stdout.splitlines() == [
        "curriculum/snippets/pipe.md: error: this is not a plain file or folder (it is a "
        "named pipe, a socket or a device), which coursebook cannot read; delete it"
    ]
    assert done.returncode == 1


def test_links_deep_inside_an_output_folder_are_refused(project, outside):
    root = project()
    (root / "build" / "docs").mkdir(parents=True)
    link(root, "build/docs/media", outside)
    assert coursebook("check", str(root)).stdout.splitlines() == [
        f"build/docs/media: error: {safepaths.LINK_IN_OUTPUTS}"
    ]


def test_the_guarded_names_are_the_projects_own():
    assert safepaths.SOURCES == (CURRICULUM, OVERRIDES_DIR, BASE_CONFIG)
    assert safepaths.OUTPUTS == (WORK_DIR, SITE_DIR, CACHE_DIR, LOCK_FILE)


def test_the_readers_never_follow_a_link(tmp_path, outside):
    folder = tmp_path / "folder"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "plain.txt").write_text("plain", encoding="utf-8")
    (folder / "linked.txt").symlink_to(outside / "secret.txt")
    (folder / "linked-folder").symlink_to(outside)
    assert safepaths.regular_files(folder) == [folder / "sub" / "plain.txt"]
    assert safepaths.read_bytes(folder / "sub" / "plain.txt") == b"plain"
    with pytest.raises(OSError):
        safepaths.read_bytes(folder / "linked.txt")
