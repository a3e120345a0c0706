"""Files committed into the cache folder, which the build ignores.

The cache folder holds only what coursebook made. A file committed there (by
mistake, or by a pull request that hopes to replace a published PDF) is never
used and never deleted by the build (`coursebook.pdf.cache`); this says so, so
that it is taken out of git rather than left to puzzle the next editor.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from coursebook.errors import Problem, Severity
from coursebook.git import tracked_files
from coursebook.layout import CACHE_DIR as CACHE

COMMITTED = (
    f"this file is in git, but {CACHE}/ holds only what coursebook makes, so the build "
    f"ignores it; take the folder out of git with: git rm -r --cached {CACHE} "
    f"(and add {CACHE}/ to .gitignore)"
)


def check_committed_cache(root: Path) -> Iterator[Problem]:
    """A warning for every file git tracks in the cache folder."""
    for name in sorted(tracked_files(root, root / CACHE)):
        yield Problem(f"{CACHE}/{name}", 0, Severity.WARNING, COMMITTED)
