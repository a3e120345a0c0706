"""What the site reads besides the assembled curriculum: the project's
`mkdocs.yml`, the media in `curriculum/assets/`, the history of `curriculum/` in
git."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import yaml

from coursebook.errors import CoursebookError
from coursebook.git import git_output
from coursebook.layout import ASSETS_DIR, BASE_CONFIG, CURRICULUM
from coursebook.safepaths import read_bytes, regular_files


def read_base_config(root: Path) -> dict[str, Any]:
    """The project's `mkdocs.yml`, or nothing (coursebook's defaults) if it has none."""
    path = root / BASE_CONFIG
    if not path.is_file():
        return {}
    try:
        data = yaml.safe_load(read_bytes(path).decode("utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        raise CoursebookError(
            f"{BASE_CONFIG}{line}: this is not valid YAML ({getattr(exc, 'problem', exc)}); "
            "fix it, or delete the file to use coursebook's defaults"
        ) from None
    if not isinstance(data, dict):
        raise CoursebookError(f"{BASE_CONFIG}: it should hold settings such as theme: and plugins:")
    return data


def read_media(root: Path) -> dict[str, bytes]:
    """Every file in `curriculum/assets/`, by its path inside that folder."""
    folder = root / ASSETS_DIR
    return {
        path.relative_to(folder).as_posix(): read_bytes(path)
        for path in regular_files(folder)
        if not path.name.startswith(".")
    }


def git_history(root: Path) -> list[tuple[str, int]]:
    """Who changed files in `curriculum/`, with how many changes, from git (if any)."""
    log = git_output(root, "log", "--format=%aN", "--", CURRICULUM) or ""
    counts = Counter(name.strip() for name in log.splitlines() if name.strip())
    return sorted(counts.items())
