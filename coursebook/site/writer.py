"""Write the files of `build_tree` to disk, touching only what changed.

A file whose content is already on disk is left alone, so its modification time
stays put and `mkdocs serve` rebuilds only after a real change. Files in the
managed folders that the tree no longer has are deleted (a removed module's page
must not linger), except those named in `keep` (the PDFs, which the PDF writer
puts there itself).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from pathlib import Path

from coursebook.safepaths import regular_files

MANAGED = ("docs", "theme")


def write_tree(
    root: Path, files: Mapping[str, str | bytes], keep: frozenset[str] = frozenset()
) -> list[str]:
    """Write `files` under `root`; return the paths written or deleted, sorted."""
    changed = [name for name, content in files.items() if _write(root / name, _bytes(content))]
    for folder in MANAGED:
        changed += _remove_stale(root, folder, set(files) | keep)
    _remove_empty_folders(root)
    return sorted(changed)


def _bytes(content: str | bytes) -> bytes:
    return content.encode("utf-8") if isinstance(content, str) else content


def _write(path: Path, content: bytes) -> bool:
    if path.is_file() and path.read_bytes() == content:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    with os.fdopen(handle, "wb") as file:
        file.write(content)
    os.replace(temporary, path)
    return True


def _remove_stale(root: Path, folder: str, wanted: set[str]) -> list[str]:
    removed: list[str] = []
    for path in regular_files(root / folder):
        name = path.relative_to(root).as_posix()
        if name not in wanted:
            path.unlink()
            removed.append(name)
    return removed


def _remove_empty_folders(root: Path) -> None:
    for folder in MANAGED:
        base = root / folder
        if not base.is_dir():
            continue
        for path in sorted(base.rglob("*"), key=lambda p: len(p.parts), reverse=True):
            if path.is_dir() and not any(path.iterdir()):
                path.rmdir()
