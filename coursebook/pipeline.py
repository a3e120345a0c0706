"""The first steps of every command: load the curriculum, assemble, check.

Every command that reads a curriculum starts here, so that `check`, `build`,
`report` and the rest agree on what is wrong with it.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path

from coursebook.assemble.assemble import Edition, assemble_edition
from coursebook.assemble.assembled import Assembled, VariantRef
from coursebook.checks import run_checks
from coursebook.errors import CoursebookError, Problems
from coursebook.load.project import Curriculum, find_project, load


def today() -> dt.date:
    """Today's date, or COURSEBOOK_TODAY (YYYY-MM-DD) so that checks can be repeated."""
    fixed = os.environ.get("COURSEBOOK_TODAY")
    if fixed:
        try:
            return dt.date.fromisoformat(fixed)
        except ValueError:
            raise CoursebookError(
                f'COURSEBOOK_TODAY is "{fixed}"; write it as YYYY-MM-DD, such as 2026-03-01'
            ) from None
    return dt.date.today()


def variant_refs(curriculum: Curriculum) -> Iterator[VariantRef]:
    """Every variant whose audience exists, course by course in name order."""
    for course_id in sorted(curriculum.courses):
        course = curriculum.courses[course_id].course
        for variant_id, variant in course.variants.items():
            if variant.audience in curriculum.audiences:
                yield VariantRef(course_id, variant_id)


def parse_only(curriculum: Curriculum, only: tuple[str, ...]) -> set[str] | None:
    """The `course/variant` names that `--only COURSE[/VARIANT]` selects."""
    if not only:
        return None
    refs = [str(ref) for ref in variant_refs(curriculum)]
    chosen: set[str] = set()
    for wanted in only:
        matches = [r for r in refs if r == wanted or r.startswith(wanted.rstrip("/") + "/")]
        if not matches:
            raise CoursebookError(
                f'--only {wanted}: there is no such course or variant; choose from: '
                + ", ".join(refs)
            )
        chosen.update(matches)
    return chosen


def load_and_check(
    project_dir: Path, only: tuple[str, ...] = ()
) -> tuple[Assembled | None, Problems]:
    """Load the project, assemble every (selected) edition and run every check."""
    root = find_project(project_dir)
    curriculum, load_problems = load(root)
    problems = Problems(load_problems)
    if curriculum is None:
        return None, problems
    selected = parse_only(curriculum, only)
    editions = [
        assemble_edition(curriculum, ref.course, ref.variant, edition)
        for ref in variant_refs(curriculum)
        if selected is None or str(ref) in selected
        for edition in Edition
    ]
    for edition in editions:
        problems.extend(edition.problems)
    problems.extend(run_checks(curriculum, editions, today()))
    return Assembled(curriculum, tuple(editions)), problems
