"""Checks that the files of a curriculum fit together.

Each file was validated on its own when it was loaded; these checks look across
files: courses naming modules and audiences that exist, blocks naming real
audiences, sessions that fit their length, and reviews that are not overdue.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterator

from coursebook.assemble.assemble import AssembledEdition, Edition
from coursebook.assemble.blocks import Block, Kind, Line, walk
from coursebook.assemble.terms import unmatched_braces
from coursebook.errors import Problem, Severity
from coursebook.layout import AUDIENCES_FILE
from coursebook.load.project import Curriculum, Module
from coursebook.schema import ALL_AUDIENCES, BreakItem

FAR_UNDER = 0.8


def _error(path: str, line: int, message: str) -> Problem:
    return Problem(path, line, Severity.ERROR, message)


def _warning(path: str, line: int, message: str) -> Problem:
    return Problem(path, line, Severity.WARNING, message)


def check_courses(curriculum: Curriculum) -> Iterator[Problem]:
    """Every course names modules, audiences and sessions that exist."""
    audiences = curriculum.audiences
    for course_file in curriculum.courses.values():
        course, doc, path = course_file.course, course_file.doc, course_file.path
        session_slugs: dict[str, int] = {}
        for s_index, session in enumerate(course.sessions):
            line = doc.line(("sessions", s_index))
            if session.slug in session_slugs:
                yield _error(
                    path,
                    line,
                    f'two sessions are called "{session.slug}"; give this one a different '
                    "title or id",
                )
            session_slugs[session.slug] = line
            seen: set[str] = set()
            for i_index, item in enumerate(session.items):
                if isinstance(item, BreakItem):
                    continue
                item_line = doc.line(("sessions", s_index, "modules", i_index))
                if item in seen:
                    yield _error(
                        path,
                        item_line,
                        f'the module "{item}" is listed twice in the session "{session.title}"; '
                        "remove one of them",
                    )
                seen.add(item)
                if item not in curriculum.modules and item not in curriculum.broken_modules:
                    yield _error(path, item_line, _unknown_module(curriculum, item))
        used = {i for s in course.sessions for i in s.items if isinstance(i, str)}
        for variant_id, variant in course.variants.items():
            a_line = doc.line(("variants", variant_id, "audience"))
            if variant.audience not in audiences:
                yield _error(path, a_line, _unknown_audience(curriculum, variant.audience))
            for d_index, dropped in enumerate(variant.drop):
                if dropped not in used:
                    yield _error(
                        path,
                        doc.line(("variants", variant_id, "drop", d_index)),
                        f'the variant "{variant_id}" drops "{dropped}", but no session of this '
                        "course uses that module; check the spelling",
                    )
            if isinstance(variant.session_minutes, dict):
                for slug in variant.session_minutes:
                    if slug not in session_slugs:
                        yield _error(
                            path,
                            doc.line(("variants", variant_id, "session-minutes", slug)),
                            f'"{slug}" is not a session of this course; sessions are: '
                            + ", ".join(session_slugs),
                        )
            if variant.audience not in audiences:
                continue
            for s_index, session in enumerate(course.sessions):
                for i_index, item in enumerate(session.items):
                    if isinstance(item, BreakItem) or item in variant.drop:
                        continue
                    if item in curriculum.modules and not curriculum.modules.get(item).meta.allows(
                        variant.audience
                    ):
                        module = curriculum.modules.get(item)
                        yield _error(
                            path,
                            doc.line(("sessions", s_index, "modules", i_index)),
                            f'the module "{item}" is not written for the audience '
                            f'"{variant.audience}" of the variant "{variant_id}"; add '
                            f"{variant.audience} to audiences: in {module.path}, or add "
                            f"{item} to the variant's drop: list",
                        )


def _unknown_module(curriculum: Curriculum, module_id: str) -> str:
    close = [m for m in curriculum.modules.ids() if _similar(m, module_id)]
    hint = f' Did you mean "{close[0]}"?' if close else ""
    return (
        f'there is no module "{module_id}" in curriculum/modules/; check the spelling, '
        f"or add the file {module_id}.md.{hint}"
    )


def _unknown_audience(curriculum: Curriculum, audience: str) -> str:
    known = ", ".join(sorted(curriculum.audiences))
    return f'there is no audience "{audience}" in {AUDIENCES_FILE}; use one of: {known}'


def _similar(a: str, b: str) -> bool:
    return difflib.SequenceMatcher(None, a, b).ratio() > 0.8


def check_modules(curriculum: Curriculum) -> Iterator[Problem]:
    """Module front matter and blocks name audiences that exist."""
    known = set(curriculum.audiences)
    for module in curriculum.modules:
        for audience in module.meta.audiences:
            if audience != ALL_AUDIENCES and audience not in known:
                yield _error(module.path, _front_line(module, "audiences"),
                             _unknown_audience(curriculum, audience))
        yield from _check_nodes(curriculum, module.nodes)
    for snippet in curriculum.snippets.values():
        yield from _check_nodes(curriculum, snippet.nodes)
    for nodes in curriculum.broken_modules.values():
        yield from _check_nodes(curriculum, nodes)


def _check_nodes(curriculum: Curriculum, nodes: tuple) -> Iterator[Problem]:  # type: ignore[type-arg]
    known = set(curriculum.audiences)
    for node in walk(nodes):
        if isinstance(node, Block) and node.kind.is_audience:
            for audience in node.audiences:
                if audience not in known:
                    yield _error(node.path, node.number, _unknown_audience(curriculum, audience))
        if isinstance(node, Block) and node.kind in (Kind.ACTIVITY, Kind.HANDOUT):
            nested = [
                inner for inner in walk(node.children)
                if isinstance(inner, Block) and inner.kind is node.kind
            ]
            article = "an" if node.kind is Kind.ACTIVITY else "a"
            for inner in nested:
                yield _error(
                    inner.path,
                    inner.number,
                    f"{article} {node.kind.value} cannot be inside another {node.kind.value} "
                    f"(opened on line {node.number}); close the first one with ::: before "
                    "starting this one",
                )
        if isinstance(node, Line) and not node.in_code and unmatched_braces(node.text):
            yield _warning(
                node.path,
                node.number,
                'this line has "{{" or "}}" that is not a term; write a term as {{ name }}, '
                "or a snippet on its own line as {{ snippet name }}",
            )


def _front_line(module: Module, key: str) -> int:
    for number, text in enumerate(module.source.split("\n"), start=1):
        if text.startswith(f"{key}:"):
            return number
    return 1


def check_reviews(curriculum: Curriculum, today: dt.date) -> Iterator[Problem]:
    """Review dates are in order, and reviews are not overdue."""
    for module in curriculum.modules:
        meta = module.meta
        line = _front_line(module, "review-due")
        if meta.review_due < meta.reviewed:
            yield _error(
                module.path,
                line,
                f"review-due ({meta.review_due}) is before reviewed ({meta.reviewed}); "
                "the next review must come after the last one",
            )
        elif meta.review_due < today:
            yield _warning(
                module.path,
                line,
                f"this module was due for review on {meta.review_due}; review it, then update "
                "reviewed: and review-due:",
            )
        if meta.reviewed > today:
            yield _error(
                module.path,
                _front_line(module, "reviewed"),
                f"reviewed ({meta.reviewed}) is in the future; give the date of the last review",
            )


def check_timings(curriculum: Curriculum, editions: list[AssembledEdition]) -> Iterator[Problem]:
    """Each session's activities and breaks fit its length in every variant."""
    for edition in editions:
        if edition.edition is not Edition.FACILITATOR:
            continue
        course_file = curriculum.course(edition.course)
        for index, session in enumerate(edition.sessions):
            items = course_file.course.sessions[index].items
            if any(isinstance(i, str) and i in curriculum.broken_modules for i in items):
                continue
            line = course_file.doc.line(("sessions", index, "minutes"))
            where = f'session {session.number} "{session.title}" in the variant "{edition.variant}"'
            if session.planned > session.length:
                yield _error(
                    course_file.path,
                    line,
                    f"{where} has {session.planned} minutes of activities and breaks but is "
                    f"{session.length} minutes long; shorten activities, move a module, or make "
                    "the session longer",
                )
            elif session.planned < session.length:
                spare = session.length - session.planned
                far = " only" if session.planned < session.length * FAR_UNDER else ""
                yield _warning(
                    course_file.path,
                    line,
                    f"{where} has{far} {session.planned} minutes of activities and breaks for "
                    f"{session.length} minutes ({spare} minutes unplanned); add activities or "
                    "make the session shorter",
                )
