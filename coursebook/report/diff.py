"""What a change to the curriculum does to each course, variant, edition, page and PDF.

`diff` is a pure function of two assembled curricula (before and after). It
compares what readers get (the assembled Markdown of each page, each session's
run-sheet, each handout), not the source files, so a change to a shared
snippet or a term shows up in every page that uses it, and a change inside
`::: only carers` shows up only in the carers' variants.

Some files run code rather than hold content (`CODE_PATHS`): the site's settings,
its templates and the workflows. A change to one of them needs a maintainer's
review whatever it does to the pages, so `diff` is told which changed and
lists them first.

PDFs are named by the print stage's own plan (`coursebook.pdf.documents`):
`downloads/COURSE/VARIANT/` holds `facilitator-manual.pdf` (facilitator edition),
`participant-workbook.pdf` and `large-print.pdf` (participant edition) and
`handouts/SLUG.pdf`.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass

from coursebook.assemble.assemble import AssembledEdition, Edition, Page
from coursebook.assemble.assembled import Assembled
from coursebook.checks.readability import read_page
from coursebook.pdf.documents import plan_documents


@dataclass(frozen=True)
class CodePath:
    """A file or folder whose content runs as code when the site is built or read."""

    path: str
    what: str
    in_project: bool = True
    """False for a path at the top of the git repository rather than in the project."""


CODE_PATHS = (
    CodePath("mkdocs.yml", "the website's settings, which choose what runs while it is built"),
    CodePath("overrides/", "the website's templates and the print theme, which run while "
             "the site and PDFs are made"),
    CodePath(".github/workflows/", "the workflows, which run on GitHub with the "
             "repository's permissions", in_project=False),
)
"""What `coursebook diff` flags for a maintainer's review, and the reference explains."""


class Status(enum.Enum):
    """How something differs between before and after."""

    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"


@dataclass(frozen=True)
class PageChange:
    """A module page of one edition that is new, gone or different."""

    module: str
    title: str
    status: Status


@dataclass(frozen=True)
class EditionChange:
    """One edition of a variant and the pages in it that change."""

    edition: Edition
    pages: tuple[PageChange, ...]
    sessions_changed: bool


@dataclass(frozen=True)
class TimingChange:
    """A session whose planned minutes or length moved."""

    number: int
    title: str
    planned: tuple[int | None, int | None]
    length: tuple[int | None, int | None]


@dataclass(frozen=True)
class ReadingChange:
    """A participant page whose reading age moved."""

    module: str
    title: str
    before: float | None
    after: float | None
    target: int


@dataclass(frozen=True)
class VariantChange:
    """Everything that changes in one variant."""

    course: str
    variant: str
    title: str
    status: Status
    editions: tuple[EditionChange, ...]
    timings: tuple[TimingChange, ...]
    readings: tuple[ReadingChange, ...]

    @property
    def ref(self) -> str:
        return f"{self.course}/{self.variant}"


@dataclass(frozen=True)
class PdfChange:
    """A PDF the build will make differently (or newly, or no longer)."""

    path: str
    status: Status


@dataclass(frozen=True)
class Changes:
    """What a change does, course by course."""

    base: str
    courses: tuple[tuple[str, Status], ...]
    variants: tuple[VariantChange, ...]
    pdfs: tuple[PdfChange, ...]
    code_files: tuple[str, ...] = ()
    """Changed files under `CODE_PATHS`, which need a maintainer's review."""

    @property
    def pages(self) -> list[str]:
        """Each changed module id once."""
        seen: dict[str, None] = {}
        for variant in self.variants:
            for edition in variant.editions:
                for page in edition.pages:
                    seen.setdefault(page.module, None)
        return list(seen)

    def __bool__(self) -> bool:
        return bool(self.variants or self.pdfs or self.code_files)


def diff(
    before: Assembled | None, after: Assembled, base: str, code_files: Iterable[str] = ()
) -> Changes:
    """What changes between `before` (None: no curriculum yet) and `after`.

    `code_files` are the changed files under `CODE_PATHS` (git knows them).
    """
    old = _by_key(before.editions if before else ())
    new = _by_key(after.editions)
    project_before = before.curriculum.project.model_dump_json() if before else ""
    project_changed = project_before != after.curriculum.project.model_dump_json()
    refs = sorted({key[:2] for key in old} | {key[:2] for key in new})
    variants: list[VariantChange] = []
    pdfs: list[PdfChange] = []
    for course, variant in refs:
        pair = {
            edition: (old.get((course, variant, edition)), new.get((course, variant, edition)))
            for edition in Edition
        }
        pdfs += _pdfs(pair, project_changed)
        change = _variant(course, variant, pair, after, before)
        if change is not None:
            variants.append(change)
    courses = _courses(old, new, variants)
    return Changes(base, courses, tuple(variants), tuple(pdfs), tuple(sorted(code_files)))


Key = tuple[str, str, Edition]


def _by_key(editions: Iterable[AssembledEdition]) -> dict[Key, AssembledEdition]:
    return {(e.course, e.variant, e.edition): e for e in editions}


def _courses(
    old: dict[Key, AssembledEdition],
    new: dict[Key, AssembledEdition],
    variants: list[VariantChange],
) -> tuple[tuple[str, Status], ...]:
    before = {key[0] for key in old}
    after = {key[0] for key in new}
    touched = {v.course for v in variants}
    result = []
    for course in sorted(before | after):
        if course not in before:
            result.append((course, Status.ADDED))
        elif course not in after:
            result.append((course, Status.REMOVED))
        elif course in touched:
            result.append((course, Status.CHANGED))
    return tuple(result)


Pair = dict[Edition, tuple[AssembledEdition | None, AssembledEdition | None]]


def _variant(
    course: str, variant: str, pair: Pair, after: Assembled, before: Assembled | None
) -> VariantChange | None:
    old_f, new_f = pair[Edition.FACILITATOR]
    if old_f is None and new_f is None:
        return None
    status = Status.ADDED if old_f is None else Status.REMOVED if new_f is None else Status.CHANGED
    editions = tuple(
        change
        for edition, (old, new) in pair.items()
        if (change := _edition(edition, old, new)) is not None
    )
    timings = _timings(old_f, new_f)
    readings = _readings(pair[Edition.PARTICIPANT], after, before)
    if status is Status.CHANGED and not (editions or timings or readings):
        return None
    title = (new_f or old_f).variant_title  # type: ignore[union-attr]
    return VariantChange(course, variant, title, status, editions, timings, readings)


def _edition(
    edition: Edition, old: AssembledEdition | None, new: AssembledEdition | None
) -> EditionChange | None:
    old_pages = _pages(old)
    new_pages = _pages(new)
    pages = []
    for module in list(old_pages) + [m for m in new_pages if m not in old_pages]:
        before, after = old_pages.get(module), new_pages.get(module)
        if before is None and after is not None:
            pages.append(PageChange(module, after.title, Status.ADDED))
        elif after is None and before is not None:
            pages.append(PageChange(module, before.title, Status.REMOVED))
        elif before is not None and after is not None and _page_key(before) != _page_key(after):
            pages.append(PageChange(module, after.title, Status.CHANGED))
    sessions = _sessions_key(old, edition) != _sessions_key(new, edition)
    if not pages and not sessions:
        return None
    return EditionChange(edition, tuple(pages), sessions)


def _pages(edition: AssembledEdition | None) -> dict[str, Page]:
    pages: dict[str, Page] = {}
    for page in edition.pages() if edition else ():
        pages.setdefault(page.module, page)
    return pages


def _page_key(page: Page) -> tuple[str, str]:
    return page.markdown, page.meta.model_dump_json()


def _sessions_key(edition: AssembledEdition | None, kind: Edition) -> object:
    """What a book shows of its sessions: titles, lengths, pages; run-sheets for facilitators."""
    if edition is None:
        return None
    return (
        edition.course_title,
        edition.variant_title,
        tuple(
            (
                s.number,
                s.title,
                s.length,
                tuple(p.module for p in s.pages),
                (s.prepare, s.timeline) if kind is Edition.FACILITATOR else (),
            )
            for s in edition.sessions
        ),
    )


def _timings(
    old: AssembledEdition | None, new: AssembledEdition | None
) -> tuple[TimingChange, ...]:
    before = {s.number: s for s in old.sessions} if old else {}
    after = {s.number: s for s in new.sessions} if new else {}
    changes = []
    for number in sorted(set(before) | set(after)):
        b, a = before.get(number), after.get(number)
        planned = (b.planned if b else None, a.planned if a else None)
        length = (b.length if b else None, a.length if a else None)
        if planned[0] != planned[1] or length[0] != length[1]:
            title = (a or b).title  # type: ignore[union-attr]
            changes.append(TimingChange(number, title, planned, length))
    return tuple(changes)


def _readings(
    pair: tuple[AssembledEdition | None, AssembledEdition | None],
    after: Assembled,
    before: Assembled | None,
) -> tuple[ReadingChange, ...]:
    old, new = pair
    if old is None or new is None:
        return ()
    old_pages, new_pages = _pages(old), _pages(new)
    target = after.curriculum.audiences[new.audience].reading_age
    changes = []
    for module, page in new_pages.items():
        previous = old_pages.get(module)
        if previous is None or previous.body == page.body:
            continue
        was, now = read_page(previous), read_page(page)
        age_before = was.age if was else None
        age_after = now.age if now else None
        if age_before != age_after:
            changes.append(ReadingChange(module, page.title, age_before, age_after, target))
    return tuple(changes)


def _pdfs(pair: Pair, project_changed: bool) -> list[PdfChange]:
    """The variant's PDFs, as the print stage plans them, that are new, gone or different."""
    old = _planned(edition for edition, _ in pair.values())
    new = _planned(edition for _, edition in pair.values())
    changes = []
    for path in list(new) + [path for path in old if path not in new]:
        status = _status(old.get(path), new.get(path), project_changed)
        if status is not None:
            changes.append(PdfChange(path, status))
    return changes


def _planned(editions: Iterable[AssembledEdition | None]) -> dict[str, object]:
    """Each planned PDF by its path, with what it prints."""
    documents = plan_documents(e for e in editions if e is not None)
    return {
        d.path: (d.handout.title, d.handout.markdown, d.edition.variant_title)
        if d.handout is not None
        else _book_key(d.edition)
        for d in documents
    }


def _status(old: object, new: object, project_changed: bool) -> Status | None:
    if old is None and new is None:
        return None
    if old is None:
        return Status.ADDED
    if new is None:
        return Status.REMOVED
    if old != new or project_changed:
        return Status.CHANGED
    return None


def _book_key(edition: AssembledEdition | None) -> object:
    if edition is None:
        return None
    pages = tuple(_page_key(p) for s in edition.sessions for p in s.pages)
    return _sessions_key(edition, edition.edition), pages
