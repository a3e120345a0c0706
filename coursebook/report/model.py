"""What the curriculum report says, gathered once: a pure function of the assembled curriculum.

For each variant: its editions, its sessions (planned minutes against their
length), and its modules (reading age of the participant text against the
audience's target, words to avoid, review dates). The renderers in this package
(terminal, Markdown, HTML) only lay this out.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

from coursebook.assemble.assemble import AssembledEdition, Edition, Page
from coursebook.assemble.assembled import Assembled
from coursebook.checks.prose import prose
from coursebook.checks.readability import read_page
from coursebook.checks.wording import avoided
from coursebook.errors import Problems

DUE_SOON_DAYS = 90


class Review(enum.Enum):
    """Where a module is in its review cycle."""

    CURRENT = "current"
    DUE_SOON = "due soon"
    OVERDUE = "overdue"

    @property
    def is_ok(self) -> bool:
        return self is Review.CURRENT


@dataclass(frozen=True)
class SessionRow:
    """A session of a variant: minutes planned (activities and breaks) against its length."""

    number: int
    slug: str
    title: str
    planned: int
    length: int

    @property
    def fits(self) -> bool:
        return self.planned == self.length

    @property
    def timing(self) -> str:
        if self.fits:
            return "fits"
        if self.planned > self.length:
            return f"{self.planned - self.length} min over"
        return f"{self.length - self.planned} min spare"


@dataclass(frozen=True)
class ModuleRow:
    """A module as a variant runs it."""

    module: str
    title: str
    path: str
    sessions: tuple[int, ...]
    reading_age: float | None
    target: int
    avoided: tuple[str, ...]
    reviewed: dt.date
    review_due: dt.date
    review: Review

    @property
    def reads_ok(self) -> bool:
        return self.reading_age is None or self.reading_age <= self.target


@dataclass(frozen=True)
class EditionRow:
    """One edition of a variant: what it contains."""

    label: str
    pages: int
    handouts: int
    words: int


@dataclass(frozen=True)
class VariantReport:
    """Everything the report says about one variant."""

    course: str
    variant: str
    title: str
    audience: str
    audience_name: str
    target: int
    depth: str
    editions: tuple[EditionRow, ...]
    sessions: tuple[SessionRow, ...]
    modules: tuple[ModuleRow, ...]

    @property
    def ref(self) -> str:
        return f"{self.course}/{self.variant}"

    @property
    def minutes(self) -> int:
        return sum(s.length for s in self.sessions)


@dataclass(frozen=True)
class Report:
    """The whole curriculum report."""

    title: str
    version: str
    today: dt.date
    variants: tuple[VariantReport, ...]
    problems: Problems

    @property
    def summary(self) -> str:
        return self.problems.summary()


def build_report(assembled: Assembled, problems: Problems, today: dt.date) -> Report:
    """The report on every assembled variant, with the problems check found."""
    project = assembled.curriculum.project
    variants = tuple(
        _variant(
            assembled,
            assembled.edition(ref.course, ref.variant, Edition.FACILITATOR),
            assembled.edition(ref.course, ref.variant, Edition.PARTICIPANT),
            today,
        )
        for ref in assembled.variants()
    )
    return Report(project.title, project.version, today, variants, problems)


def _variant(
    assembled: Assembled,
    facilitator: AssembledEdition,
    participant: AssembledEdition,
    today: dt.date,
) -> VariantReport:
    curriculum = assembled.curriculum
    variant = curriculum.course(facilitator.course).course.variants[facilitator.variant]
    audience = curriculum.audiences[facilitator.audience]
    sessions = tuple(
        SessionRow(s.number, s.slug, s.title, s.planned, s.length) for s in facilitator.sessions
    )
    modules = []
    for page in _first_pages(participant):
        reading = read_page(page)
        modules.append(
            ModuleRow(
                module=page.module,
                title=page.title,
                path=page.path,
                sessions=tuple(
                    s.number
                    for s in participant.sessions
                    if any(p.module == page.module for p in s.pages)
                ),
                reading_age=reading.age if reading else None,
                target=audience.reading_age,
                avoided=tuple(
                    sorted({a.written.lower() for a in avoided(page, list(audience.avoid))})
                ),
                reviewed=page.meta.reviewed,
                review_due=page.meta.review_due,
                review=review_status(page.meta.review_due, today),
            )
        )
    return VariantReport(
        course=facilitator.course,
        variant=facilitator.variant,
        title=facilitator.variant_title,
        audience=facilitator.audience,
        audience_name=audience.name,
        target=audience.reading_age,
        depth=variant.depth,
        editions=(_edition(facilitator), _edition(participant)),
        sessions=sessions,
        modules=tuple(modules),
    )


def _first_pages(edition: AssembledEdition) -> list[Page]:
    seen: dict[str, Page] = {}
    for page in edition.pages():
        seen.setdefault(page.module, page)
    return list(seen.values())


def _edition(edition: AssembledEdition) -> EditionRow:
    pages = _first_pages(edition)
    handouts = {h.slug for h in edition.handouts()}
    words = sum(prose(page.lines).words for page in pages)
    return EditionRow(edition.edition.label, len(pages), len(handouts), words)


def review_status(due: dt.date, today: dt.date) -> Review:
    """Overdue after `due`; due soon within 90 days of it."""
    if due < today:
        return Review.OVERDUE
    if (due - today).days <= DUE_SOON_DAYS:
        return Review.DUE_SOON
    return Review.CURRENT
