"""Ask git about the project, for the commands that can do without it.

The build reads git for three things: the commit (part of what a build depends
on), who changed the curriculum (the contributors page), and which files in the
cache folder are committed (the cache ignores those). A project that is not in a
git repository, or a machine without git, gets none of these, and no error.
"""

from __future__ import annotations

import subprocess
from pathlib import Path


def git_output(root: Path, *args: str, timeout: float = 60) -> str | None:
    """What `git -C root ARGS` prints, or None if git is missing, fails or takes too long."""
    try:
        done = subprocess.run(
            ["git", "-C", str(root), *args],
            capture_output=True, text=True, timeout=timeout, check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


def tracked_files(root: Path, folder: Path) -> frozenset[str]:
    """The files under `folder` (inside `root`) that git tracks, by path inside `folder`.

    A pull request can commit files into a folder that is meant to hold only what
    coursebook made; this says which ones it committed. A folder outside the
    project (a cache the caller chose) has none.
    """
    root, folder = root.resolve(), folder.resolve()
    if not folder.is_relative_to(root):
        return frozenset()
    inside = folder.relative_to(root).as_posix()
    listing = git_output(root, "ls-files", "-z", "--", inside)
    if listing is None:
        return frozenset()
    return frozenset(
        Path(name).relative_to(inside).as_posix() for name in listing.split("\0") if name
    )
