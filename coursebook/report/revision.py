"""The curriculum as it was at a git revision, copied out without touching the work tree.

`git archive` writes the `curriculum/` folder of that revision into a temporary
folder (never a checkout, never a stash), so `coursebook diff` can load and
assemble it beside the current one.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from coursebook.errors import CoursebookError
from coursebook.layout import CURRICULUM
from coursebook.report.diff import CODE_PATHS


@contextmanager
def curriculum_at(root: Path, revision: str) -> Iterator[Path | None]:
    """A temporary project folder holding `revision`'s curriculum (None if it had none)."""
    top, prefix = _location(root)
    commit = _commit(root, revision)
    folder = f"{prefix}/{CURRICULUM}" if prefix != "." else CURRICULUM
    temp = Path(tempfile.mkdtemp(prefix="coursebook-base-"))
    try:
        if not _has_path(top, commit, folder):
            yield None
            return
        archive = _git_bytes(top, "archive", "--format=tar", commit, "--", folder)
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(temp, filter="data")
        yield temp / prefix if prefix != "." else temp
    finally:
        shutil.rmtree(temp, ignore_errors=True)


def changed_code_files(root: Path, revision: str) -> list[str]:
    """The files under `CODE_PATHS` that differ from `revision`, committed or not.

    Paths are from the top of the git repository, as GitHub shows them.
    """
    top, prefix = _location(root)
    commit = _commit(root, revision)
    paths = [
        code.path if not code.in_project or prefix == "." else f"{prefix}/{code.path}"
        for code in CODE_PATHS
    ]
    changed = _git(top, "diff", "--name-only", "-z", commit, "--", *paths)
    added = _git(top, "ls-files", "--others", "--exclude-standard", "-z", "--", *paths)
    return sorted({name for name in (changed + added).split("\0") if name})


def _location(root: Path) -> tuple[Path, str]:
    """The top of the git repository, and the project's folder inside it (`.` at the top)."""
    top = Path(_git(root, "rev-parse", "--show-toplevel").strip())
    return top, root.resolve().relative_to(top.resolve()).as_posix()


def _commit(root: Path, revision: str) -> str:
    try:
        return _git(root, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}").strip()
    except CoursebookError:
        raise CoursebookError(
            f'"{revision}" is not a commit in this repository; give a branch, tag or commit, '
            "such as main or origin/main (in GitHub Actions, fetch it first)"
        ) from None


def _has_path(top: Path, commit: str, folder: str) -> bool:
    listing = _git(top, "ls-tree", "-d", "--name-only", commit, "--", folder)
    return bool(listing.strip())


def _git(cwd: Path, *args: str) -> str:
    return _git_bytes(cwd, *args).decode("utf-8", "replace")


def _git_bytes(cwd: Path, *args: str) -> bytes:
    try:
        done = subprocess.run(
            ["git", *args], cwd=cwd, capture_output=True, check=False, timeout=120
        )
    except FileNotFoundError:
        raise CoursebookError("git is not installed; coursebook diff needs it") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip() or f"git {args[0]} failed"
        if "not a git repository" in message:
            raise CoursebookError(
                f"{cwd} is not in a git repository; coursebook diff compares git revisions"
            )
        raise CoursebookError(f"git {args[0]}: {message}")
    return done.stdout
