"""What the print templates show, worked out from an assembled edition.

A view is plain data (strings, numbers, tuples) so that it can be hashed for
the cache, sent to a worker process and rendered by Jinja2 in chunks. The body
of a book is a list of *parts*; each part starts on a new page (a session with
its first module, or a later module), so a long book can be rendered part
group by part group and joined without changing where anything falls.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass

from coursebook.assemble.assemble import (
    AssembledEdition,
    AssembledSession,
    Edition,
    Handout,
    Page,
    Slot,
    join_lines,
)
from coursebook.pdf.content import Content, Reference, module_content
from coursebook.pdf.documents import PdfDocument
from coursebook.pdf.glyphs import check_glyphs
from coursebook.schema import Project, Source


@dataclass(frozen=True)
class Meta:
    """Facts printed on the cover, in the running footer and in the PDF's metadata."""

    title: str
    kind: str
    kind_label: str
    course_title: str
    variant_title: str
    edition_label: str
    version: str
    date: str
    iso_date: str
    organisation: str
    disclaimer: str
    disclaimer_title: str
    licence: str
    language: str
    large_print: bool

    @property
    def footer(self) -> str:
        return f"{self.edition_label} · Version {self.version}"


@dataclass(frozen=True)
class RunsheetRow:
    """A line of a session's run-sheet."""

    start: str
    end: str
    title: str
    minutes: int
    module: str
    is_break: bool


@dataclass(frozen=True)
class SessionView:
    """The opening of a session: heading, and for facilitators the run-sheet."""

    anchor: str
    label: str
    length: int
    planned: int
    prepare: tuple[str, ...]
    rows: tuple[RunsheetRow, ...]
    module_titles: tuple[str, ...]

    @property
    def over(self) -> int:
        return max(0, self.planned - self.length)


@dataclass(frozen=True)
class ModuleView:
    """One module as printed."""

    anchor: str
    title: str
    path: str
    session_label: str
    reviewed: str
    review_due: str
    objectives: tuple[str, ...]
    sources: tuple[str, ...]
    html: str


@dataclass(frozen=True)
class Part:
    """A run of pages that starts on a new page: a session opening and/or a module."""

    session: SessionView | None
    module: ModuleView | None

    @property
    def size(self) -> int:
        """Roughly how much there is to lay out, to decide where to split long books."""
        return len(self.module.html) if self.module else 0

    @property
    def anchor(self) -> str:
        target = self.session or self.module
        assert target is not None
        return target.anchor


@dataclass(frozen=True)
class ContentsEntry:
    """A line of the contents page."""

    level: int
    anchor: str
    title: str


@dataclass(frozen=True)
class BookView:
    """A facilitator manual or a (large-print) workbook."""

    meta: Meta
    parts: tuple[Part, ...]
    contents: tuple[ContentsEntry, ...]
    images: tuple[Reference, ...]

    @property
    def bookmarks(self) -> tuple[str, ...]:
        """The bookmark titles the finished PDF must have, in order."""
        return tuple(entry.title for entry in self.contents)

    @property
    def last_heading(self) -> str:
        for part in reversed(self.parts):
            if part.module is not None:
                return part.module.title
            if part.session is not None:
                return part.session.label
        return self.meta.title


@dataclass(frozen=True)
class HandoutView:
    """A handout printed on its own."""

    meta: Meta
    anchor: str
    handout_title: str
    path: str
    html: str
    images: tuple[Reference, ...]

    @property
    def bookmarks(self) -> tuple[str, ...]:
        return (self.handout_title,)

    @property
    def last_heading(self) -> str:
        return self.handout_title


View = BookView | HandoutView


def long_date(day: dt.date) -> str:
    """`16 November 2026`, as UK readers write it."""
    return f"{day.day} {day:%B %Y}"


def print_date(edition: AssembledEdition) -> dt.date:
    """The date on the cover: SOURCE_DATE_EPOCH when set, else the newest review date.

    Never today's date, so the same sources always make the same PDF.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    reviewed = [page.meta.reviewed for page in edition.pages()]
    return max(reviewed, default=dt.date(2000, 1, 1))


def make_meta(document: PdfDocument, project: Project) -> Meta:
    edition = document.edition
    day = print_date(edition)
    return Meta(
        title=document.title,
        kind=document.kind.value,
        kind_label=document.kind.label,
        course_title=edition.course_title,
        variant_title=edition.variant_title,
        edition_label=edition.edition.label,
        version=project.version,
        date=long_date(day),
        iso_date=day.isoformat(),
        organisation=project.organisation,
        disclaimer=project.disclaimer or "",
        disclaimer_title=project.disclaimer_title,
        licence=project.licence or "",
        language=project.language,
        large_print=document.kind.is_large_print,
    )


def make_view(document: PdfDocument, project: Project, fonts: frozenset[int]) -> View:
    """The view of one planned PDF; `fonts` are the code points the print fonts have."""
    meta = make_meta(document, project)
    if document.handout is not None:
        return _handout_view(document.handout, meta, fonts)
    return _book_view(document.edition, meta, fonts)


def _handout_view(handout: Handout, meta: Meta, fonts: frozenset[int]) -> HandoutView:
    anchor = f"handout-{handout.slug}"
    content = module_content(
        join_lines(handout.lines), prefix=anchor, path=handout.path, lines=handout.lines,
        anchors={}, heading_level=1,
    )
    check_glyphs(content.html, handout.path, handout.lines, fonts)
    return HandoutView(meta, anchor, handout.title, handout.path, content.html, content.images)


def _book_view(edition: AssembledEdition, meta: Meta, fonts: frozenset[int]) -> BookView:
    anchors = _module_anchors(edition)
    parts: list[Part] = []
    contents: list[ContentsEntry] = []
    images: list[Reference] = []
    for session in edition.sessions:
        opening = _session_view(session, edition.edition)
        contents.append(ContentsEntry(1, opening.anchor, opening.label))
        if not session.pages:
            parts.append(Part(opening, None))
        for index, page in enumerate(session.pages):
            anchor = _page_anchor(session, page)
            content = module_content(
                page.body, prefix=anchor, path=page.path, lines=page.lines,
                anchors=anchors, heading_level=2,
            )
            check_glyphs(content.html, page.path, page.lines, fonts)
            images.extend(content.images)
            module = _module_view(page, anchor, opening.label, content, edition.edition)
            contents.append(ContentsEntry(2, anchor, page.title))
            parts.append(Part(opening if index == 0 else None, module))
    return BookView(meta, tuple(parts), tuple(contents), tuple(images))


def _page_anchor(session: AssembledSession, page: Page) -> str:
    return f"s{session.number}-{page.module}"


def _module_anchors(edition: AssembledEdition) -> dict[str, str]:
    """Each module id and the anchor of its first appearance."""
    anchors: dict[str, str] = {}
    for session in edition.sessions:
        for page in session.pages:
            anchors.setdefault(page.module, _page_anchor(session, page))
    return anchors


def _session_view(session: AssembledSession, edition: Edition) -> SessionView:
    titles = {page.module: page.title for page in session.pages}
    rows = tuple(_row(slot, titles) for slot in session.timeline)
    return SessionView(
        anchor=f"session-{session.number}",
        label=f"Session {session.number}: {session.title}",
        length=session.length,
        planned=session.planned,
        prepare=session.prepare if edition is Edition.FACILITATOR else (),
        rows=rows if edition is Edition.FACILITATOR else (),
        module_titles=tuple(page.title for page in session.pages),
    )


def _row(slot: Slot, titles: dict[str, str]) -> RunsheetRow:
    return RunsheetRow(
        start=_clock(slot.start),
        end=_clock(slot.end),
        title=slot.title,
        minutes=slot.minutes,
        module=titles.get(slot.module or "", ""),
        is_break=slot.is_break,
    )


def _clock(minutes: int) -> str:
    return f"{minutes // 60}:{minutes % 60:02d}"


def _module_view(
    page: Page, anchor: str, session_label: str, content: Content, edition: Edition
) -> ModuleView:
    sources = page.meta.sources if edition is Edition.FACILITATOR else []
    return ModuleView(
        anchor=anchor,
        title=page.title,
        path=page.path,
        session_label=session_label,
        reviewed=long_date(page.meta.reviewed),
        review_due=long_date(page.meta.review_due),
        objectives=tuple(page.meta.objectives),
        sources=tuple(_source(source) for source in sources),
        html=content.html,
    )


def _source(source: Source) -> str:
    details = [d for d in (source.publisher, str(source.year) if source.year else None) if d]
    text = source.title + (f". {', '.join(details)}" if details else "")
    return f"{text}. {source.url}" if source.url else text
