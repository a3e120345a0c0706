"""The PDFs a site links to, as the PDF writer (`coursebook.pdf`) describes them.

The site needs only a few facts about each PDF, so it states them as a protocol
rather than importing the PDF writer: the site builds (without download links)
when PDFs are turned off or the PDF writer is not installed.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from coursebook.site.words import plural, size

KIND_ORDER = ("facilitator-manual", "participant-workbook", "large-print", "handout")
KIND_LABELS = {
    "facilitator-manual": "Facilitator manual",
    "participant-workbook": "Participant workbook",
    "large-print": "Participant workbook in large print",
    "handout": "Handout",
}


class Pdf(Protocol):
    """One PDF: which variant it belongs to, what it is, and where it is in the docs tree."""

    @property
    def course(self) -> str: ...
    @property
    def variant(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def path(self) -> str: ...
    @property
    def pages(self) -> int: ...
    @property
    def bytes(self) -> int: ...
    @property
    def handout(self) -> str | None: ...


def facts(pdf: Pdf) -> str:
    """`PDF, 12 pages, 830 KB`: what a reader needs before downloading on a phone."""
    return f"PDF, {plural(pdf.pages, 'page')}, {size(pdf.bytes)}"


def for_variant(pdfs: Iterable[Pdf], course: str, variant: str) -> list[Pdf]:
    """The variant's PDFs: books first (in a fixed order), then handouts by title."""
    mine = [p for p in pdfs if (p.course, p.variant) == (course, variant)]
    return sorted(mine, key=lambda p: (_rank(p.kind), p.title, p.path))


def handout(pdfs: Iterable[Pdf], course: str, variant: str, slug: str) -> Pdf | None:
    """The PDF of one handout in one variant, if there is one."""
    for pdf in pdfs:
        if (pdf.course, pdf.variant, pdf.kind, pdf.handout) == (course, variant, "handout", slug):
            return pdf
    return None


def _rank(kind: str) -> int:
    return KIND_ORDER.index(kind) if kind in KIND_ORDER else len(KIND_ORDER)
