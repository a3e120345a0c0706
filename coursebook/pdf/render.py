"""Lay out one PDF with WeasyPrint: whole, or in chunks joined with pypdf.

This runs in a worker process. A document whose module text is larger than the
chunk size is laid out in groups of parts (each part starts on a new page, so
splitting never moves anything), in two passes: the first counts each group's
pages and finds where every heading lands; the second prints each group with
its true page numbers ("Page 41 of 1,500" via a counter-reset on the group's
first page) and a contents page with the numbers from the first pass. Only one
group's layout is in memory at a time.

Anything WeasyPrint logs at warning level or above (a picture it could not
read, a style sheet it could not parse, a missing language) fails the PDF,
except the few notices in `notices.HARMLESS`, after which the PDF is still
right: those come back as notes, for the build to mention once.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from weasyprint import CSS, HTML, LOGGER, Document
from weasyprint.text.fonts import FontConfiguration

from coursebook.pdf.errors import MissingResource, RenderFailed, UnsafeResource
from coursebook.pdf.join import Bookmark, Destination, Piece, join_pieces
from coursebook.pdf.notices import sort_notices
from coursebook.pdf.resources import Policy, Refused, SafeFetcher
from coursebook.pdf.theme import BOOK_TEMPLATE, HANDOUT_TEMPLATE, Theme
from coursebook.pdf.verify import verify_pdf
from coursebook.pdf.views import BookView, Part, View

PDF_VARIANT = "pdf/ua-1"
LINK_PREFIX = "coursebook-dest:"
PX_TO_PT = 0.75


@dataclass(frozen=True)
class RenderJob:
    """Everything a worker needs to make one PDF: plain data, so it can be pickled."""

    name: str
    view: View
    theme: Theme
    base_url: str
    policy: Policy
    referrers: dict[str, str]
    target: Path
    chunk_size: int
    key: str


@dataclass(frozen=True)
class Rendered:
    """What a worker made, and the notes (see `notices.HARMLESS`) WeasyPrint left on the way."""

    pages: int
    size: int
    notes: frozenset[str] = frozenset()


def render_job(job: RenderJob) -> Rendered:
    """Write `job.target` and check it is complete."""
    printer = _Printer(job)
    if isinstance(job.view, BookView) and _body_size(job.view.parts) > job.chunk_size:
        data = _render_chunked(printer, job.view)
    else:
        data = printer.write(printer.layout(whole_html(job.theme, job.view)))
    job.target.write_bytes(data)
    pages = verify_pdf(job.target, job.view, job.name)
    return Rendered(pages, len(data), frozenset(printer.notes))


def whole_html(theme: Theme, view: View) -> str:
    """The HTML of the whole document, laid out in one go (and hashed for the cache)."""
    if isinstance(view, BookView):
        return _book_html(theme, view, front=True, parts=view.parts)
    return theme.render(
        HANDOUT_TEMPLATE, view=view, meta=view.meta, total_pages=None, first_page=None
    )


def _book_html(
    theme: Theme,
    view: BookView,
    *,
    front: bool,
    parts: Sequence[Part],
    contents_pages: dict[str, int] | None = None,
    total_pages: int | None = None,
    first_page: int | None = None,
) -> str:
    return theme.render(
        BOOK_TEMPLATE,
        view=view,
        meta=view.meta,
        front=front,
        parts=parts,
        contents_pages=contents_pages,
        total_pages=total_pages,
        first_page=first_page,
    )


def _body_size(parts: Sequence[Part]) -> int:
    return sum(part.size for part in parts)


def split_parts(parts: Sequence[Part], chunk_size: int) -> list[tuple[Part, ...]]:
    """Consecutive groups of parts, each no bigger than `chunk_size` unless one part is."""
    groups: list[list[Part]] = []
    size = 0
    for part in parts:
        if not groups or (size + part.size > chunk_size and groups[-1]):
            groups.append([])
            size = 0
        groups[-1].append(part)
        size += part.size
    return [tuple(group) for group in groups]


@dataclass
class _Chunk:
    """A laid-out group: its pages, where its headings are, and its bookmarks."""

    pages: int
    anchors: dict[str, tuple[int, float, float]] = field(default_factory=dict)
    bookmarks: list[tuple[int, str, int, float, float]] = field(default_factory=list)


def _measure(document: Document) -> _Chunk:
    chunk = _Chunk(len(document.pages))
    for index, page in enumerate(document.pages):
        height = page.height * PX_TO_PT
        for anchor, (x, y, *_rest) in page.anchors.items():
            chunk.anchors[anchor] = (index, x * PX_TO_PT, height - y * PX_TO_PT)
        for level, label, (x, y), _state in page.bookmarks:
            chunk.bookmarks.append((level, label, index, x * PX_TO_PT, height - y * PX_TO_PT))
    return chunk


def _render_chunked(printer: _Printer, view: BookView) -> bytes:
    job = printer.job
    groups = split_parts(view.parts, job.chunk_size)
    placeholder = {entry.anchor: 888 for entry in view.contents}
    front_pages = _measure(printer.layout(_front_html(job, view, placeholder, None))).pages
    first_pass = [_measure(printer.layout(_chunk_html(job, view, g))) for g in groups]
    total = front_pages + sum(chunk.pages for chunk in first_pass)
    contents_pages: dict[str, int] = {}
    offset = front_pages
    for chunk in first_pass:
        for anchor, (index, _x, _y) in chunk.anchors.items():
            contents_pages[anchor] = offset + index + 1
        offset += chunk.pages
    pieces = [_piece(printer, _front_html(job, view, contents_pages, total), 0, front_pages)]
    offset = front_pages
    for group, chunk in zip(groups, first_pass, strict=True):
        html = _chunk_html(job, view, group, first_page=offset + 1, total_pages=total)
        pieces.append(_piece(printer, html, offset, chunk.pages))
        offset += chunk.pages
    return join_pieces(pieces, LINK_PREFIX)


def _front_html(
    job: RenderJob, view: BookView, contents_pages: dict[str, int], total_pages: int | None
) -> str:
    html = _book_html(
        job.theme, view, front=True, parts=(), contents_pages=contents_pages,
        total_pages=total_pages,
    )
    return _links_to_uris(html)


def _chunk_html(
    job: RenderJob,
    view: BookView,
    group: Sequence[Part],
    *,
    first_page: int | None = None,
    total_pages: int | None = None,
) -> str:
    html = _book_html(
        job.theme, view, front=False, parts=group, total_pages=total_pages,
        first_page=first_page,
    )
    return _links_to_uris(html)


def _links_to_uris(html: str) -> str:
    """Internal links as `coursebook-dest:` addresses, resolved once chunks are joined."""
    return html.replace('href="#', f'href="{LINK_PREFIX}')


def _piece(printer: _Printer, html: str, offset: int, expected_pages: int) -> Piece:
    document = printer.layout(html)
    chunk = _measure(document)
    if chunk.pages != expected_pages:
        raise RenderFailed(
            f"{printer.job.name}: a part of the PDF came out {chunk.pages} pages long the second "
            f"time and {expected_pages} the first; report this to the coursebook maintainers"
        )
    destinations = {
        anchor: Destination(offset + index, x, y)
        for anchor, (index, x, y) in chunk.anchors.items()
    }
    bookmarks = [
        Bookmark(level, label, Destination(offset + index, x, y))
        for level, label, index, x, y in chunk.bookmarks
    ]
    return Piece(printer.write(document), destinations, bookmarks)


def _options(job: RenderJob) -> dict[str, Any]:
    identifier = hashlib.sha256(job.key.encode()).hexdigest()[:32].encode()
    return {"pdf_variant": PDF_VARIANT, "pdf_identifier": identifier}


class _Printer:
    """WeasyPrint for one job: one fetcher, and failure on anything it refuses or logs."""

    def __init__(self, job: RenderJob) -> None:
        self.job = job
        self.fetcher = SafeFetcher(job.policy, job.referrers)
        self.notes: set[str] = set()

    def layout(self, html: str) -> Document:
        """Lay `html` out into pages."""
        fonts = FontConfiguration()
        with self._watch():
            stylesheets = [
                CSS(filename=path, url_fetcher=self.fetcher, font_config=fonts)
                for path in self.job.theme.stylesheets(self.job.view.meta.large_print)
            ]
            source = HTML(string=html, base_url=self.job.base_url, url_fetcher=self.fetcher)
            return source.render(stylesheets=stylesheets, font_config=fonts, **_options(self.job))

    def write(self, document: Document) -> bytes:
        """The PDF of a laid-out document (SVG pictures are drawn, and fetch, now)."""
        with self._watch():
            data = document.write_pdf(**_options(self.job))
        assert data is not None
        return data

    @contextlib.contextmanager
    def _watch(self) -> Iterator[None]:
        """Fail on a refused address (even one WeasyPrint caught) or a logged problem."""
        with _weasyprint_problems() as problems:
            with contextlib.suppress(Refused):
                yield
            self._fail_on_refusal()
        notes, problems = sort_notices(problems)
        self.notes.update(notes)
        _fail_on(problems, self.job)

    def _fail_on_refusal(self) -> None:
        if self.fetcher.refusals:
            refused = self.fetcher.refusals[0]
            error = MissingResource if refused.missing else UnsafeResource
            raise error(f"{self.job.name}: {refused.message}")


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextlib.contextmanager
def _weasyprint_problems() -> Iterator[list[str]]:
    """Collect what WeasyPrint logs at warning level and above while the block runs."""
    handler = _Collect()
    level = LOGGER.level
    LOGGER.addHandler(handler)
    LOGGER.setLevel(logging.WARNING)
    try:
        yield handler.messages
    finally:
        LOGGER.removeHandler(handler)
        LOGGER.setLevel(level)


def _fail_on(problems: list[str], job: RenderJob) -> None:
    if not problems:
        return
    root = job.policy.root.as_uri() + "/"
    shown = "; ".join(dict.fromkeys(p.replace(root, "") for p in problems))
    raise RenderFailed(f"{job.name}: WeasyPrint could not print it cleanly: {shown}")
