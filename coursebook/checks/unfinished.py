"""Work left half done: template text still in a module, and modules no course uses."""

from __future__ import annotations

from collections.abc import Iterator

from coursebook.errors import Problem, Severity
from coursebook.layout import COURSES_DIR
from coursebook.load.project import Curriculum
from coursebook.placeholders import PLACEHOLDERS
from coursebook.schema import BreakItem


def check_placeholders(curriculum: Curriculum) -> Iterator[Problem]:
    """A warning at each line that still holds an example sentence from the template."""
    for module in curriculum.modules:
        for number, line in enumerate(module.source.split("\n"), start=1):
            for placeholder in PLACEHOLDERS:
                if placeholder in line:
                    yield Problem(
                        module.path, number, Severity.WARNING,
                        f'this is the template\'s example text ("{placeholder}"); replace it '
                        "with your own words",
                    )


def check_unused_modules(curriculum: Curriculum) -> Iterator[Problem]:
    """A warning for each module that no course puts in a session: it is never published.

    Not while a course file failed to load: its modules would all seem unused.
    """
    loaded = {course_file.path for course_file in curriculum.courses.values()}
    on_disk = (curriculum.root / COURSES_DIR).glob("*.y*ml")
    if any(path.relative_to(curriculum.root).as_posix() not in loaded for path in on_disk):
        return
    used = {
        item
        for course_file in curriculum.courses.values()
        for session in course_file.course.sessions
        for item in session.items
        if not isinstance(item, BreakItem)
    }
    for module in curriculum.modules:
        if module.id not in used:
            yield Problem(
                module.path, 1, Severity.WARNING,
                "no course uses this module, so it is never published; add it to a session "
                "in a file in curriculum/courses/, or delete the module",
            )
