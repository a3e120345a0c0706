"""Content every participant edition for an audience must include.

An audience lists snippets under `requires:` in `audiences.yml` (such as
`urgent-help`, the box with 999, NHS 111 and Samaritans). Each variant for that
audience must show the snippet in its participant edition at least once; a
mental-health audience (`mental-health: true`) always requires `urgent-help`.
Review dates (`review-due:` in the past) are checked in `structure`.
"""

from __future__ import annotations

from collections.abc import Iterator

from coursebook.assemble.assemble import AssembledEdition, Edition
from coursebook.errors import Problem, Severity
from coursebook.layout import AUDIENCES_FILE, SNIPPETS_DIR
from coursebook.load.project import Curriculum
from coursebook.schema import Audience

URGENT_HELP = "urgent-help"


def required_snippets(audience: Audience) -> list[str]:
    """The snippets an audience's participant editions must include."""
    required = list(audience.requires)
    if audience.mental_health and URGENT_HELP not in required:
        required.append(URGENT_HELP)
    return required


def check_required_content(
    curriculum: Curriculum, editions: list[AssembledEdition]
) -> Iterator[Problem]:
    """An error for each variant whose participant edition leaves out a required snippet."""
    yield from _missing_snippets(curriculum)
    for edition in editions:
        if edition.edition is not Edition.PARTICIPANT or _incomplete(curriculum, edition):
            continue
        audience = curriculum.audiences[edition.audience]
        shown = {line.path for page in edition.pages() for line in page.lines}
        course_file = curriculum.course(edition.course)
        for name in required_snippets(audience):
            snippet = curriculum.snippets.get(name)
            if snippet is None or snippet.path in shown:
                continue
            yield Problem(
                course_file.path,
                course_file.doc.line(("variants", edition.variant)),
                Severity.ERROR,
                f'the variant "{edition.variant}" is for the audience "{edition.audience}", '
                f'whose participant edition must include the snippet "{name}", but none of '
                f"its modules shows it to participants; add {{{{ snippet {name} }}}} on its "
                "own line to a module this variant uses (outside any facilitator or risk block)",
            )


def _incomplete(curriculum: Curriculum, edition: AssembledEdition) -> bool:
    """Whether a module or snippet the edition needs is missing, broken or empty.

    Another check reports that; saying the required snippet is missing too
    would send the author after the wrong fix.
    """
    if edition.problems:
        return True
    course = curriculum.course(edition.course).course
    dropped = set(course.variants[edition.variant].drop)
    used = {
        item for session in course.sessions for item in session.items
        if isinstance(item, str) and item not in dropped
    }
    return any(
        item not in curriculum.modules or not curriculum.modules.get(item).nodes for item in used
    )


def _missing_snippets(curriculum: Curriculum) -> Iterator[Problem]:
    doc = curriculum.audiences_doc
    for audience_id, audience in curriculum.audiences.items():
        for name in required_snippets(audience):
            if name in curriculum.snippets:
                continue
            if name in audience.requires:
                index = audience.requires.index(name)
                line = doc.line(("audiences", audience_id, "requires", index))
            else:
                line = doc.line(("audiences", audience_id, "mental-health"))
            yield Problem(
                AUDIENCES_FILE,
                line,
                Severity.ERROR,
                f'the audience "{audience_id}" requires the snippet "{name}", but there is no '
                f"{SNIPPETS_DIR}/{name}.md; add that file, or check the name",
            )
