"""Keep every read and write inside the project: no symbolic links in its own trees.

A pull request can commit a symbolic link. `curriculum/snippets/x.md ->
../../.git/config` would publish the token that `actions/checkout` keeps there,
`-> /proc/self/environ` the environment, and a `build` or `.coursebook-cache`
link to a folder elsewhere would make a build delete and overwrite files there.

So before a command reads or writes these trees, `unsafe_paths` walks them
without following any link and reports every link and every file that is not a
plain file or folder (a named pipe would hang a read). The readers then list
files with `regular_files` and open them with `read_bytes`, which never follow a
link either, so a link that appears after the check is not followed.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

from coursebook.errors import Problem, Severity
from coursebook.layout import (
    BASE_CONFIG,
    CACHE_DIR,
    CURRICULUM,
    LOCK_FILE,
    OVERRIDES_DIR,
    SITE_DIR,
    WORK_DIR,
)

SOURCES = (CURRICULUM, OVERRIDES_DIR, BASE_CONFIG)
"""What the project's authors write: a link here would publish what it points to."""

OUTPUTS = (WORK_DIR, SITE_DIR, CACHE_DIR, LOCK_FILE)
"""What coursebook makes: its folders and its lock."""

LINK_IN_SOURCES = (
    "this is a symbolic link, and coursebook never follows links, so that nothing outside "
    "the project is published; replace it with a copy of the file or folder it points to"
)
LINK_IN_OUTPUTS = (
    "this is a symbolic link, and coursebook never follows links, so that a build cannot "
    "overwrite or delete files outside the project; delete it (coursebook makes this itself)"
)
NOT_A_FILE = (
    "this is not a plain file or folder (it is a named pipe, a socket or a device), "
    "which coursebook cannot read; delete it"
)


def unsafe_paths(root: Path) -> list[Problem]:
    """An error for every link or special file in the project's own trees."""
    problems = []
    for names, link_message in ((SOURCES, LINK_IN_SOURCES), (OUTPUTS, LINK_IN_OUTPUTS)):
        for name in names:
            for path, is_link in _unsafe(root / name):
                message = link_message if is_link else NOT_A_FILE
                rel = path.relative_to(root).as_posix()
                problems.append(Problem(rel, 0, Severity.ERROR, message))
    return problems


def _unsafe(top: Path) -> Iterator[tuple[Path, bool]]:
    """(path, whether it is a link) for each unsafe path at or under `top`, in name order."""
    stack = [top]
    while stack:
        path = stack.pop()
        try:
            mode = os.lstat(path).st_mode
        except FileNotFoundError:
            continue
        if stat.S_ISLNK(mode):
            yield path, True
        elif stat.S_ISDIR(mode):
            with os.scandir(path) as entries:
                stack.extend(sorted((Path(e.path) for e in entries), reverse=True))
        elif not stat.S_ISREG(mode):
            yield path, False


def regular_files(folder: Path) -> list[Path]:
    """Every plain file under `folder`, sorted, never looking through a link."""
    if folder.is_symlink() or not folder.is_dir():
        return []
    found: list[Path] = []
    for top, _folders, files in os.walk(folder, followlinks=False):
        base = Path(top)
        found.extend(base / name for name in files if _is_regular(base / name))
    return sorted(found)


def _is_regular(path: Path) -> bool:
    return stat.S_ISREG(os.lstat(path).st_mode)


def read_bytes(path: Path) -> bytes:
    """The content of a plain file; OSError if it is a link or not a plain file."""
    handle = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    with os.fdopen(handle, "rb") as file:
        if not stat.S_ISREG(os.fstat(file.fileno()).st_mode):
            raise OSError(f"{path} is not a plain file")
        return file.read()
