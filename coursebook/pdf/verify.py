"""Check a finished PDF really holds what it should.

WeasyPrint has been known to stop part-way through very long documents without
an error (Kozea/WeasyPrint#2798). So every PDF is opened again with pypdf and
must have every expected bookmark, the last module's heading on the page its
bookmark points to, and a last page whose footer says "Page N of N".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from pypdf import PdfReader
from pypdf.generic import Destination

from coursebook.pdf.errors import IncompletePdf
from coursebook.pdf.views import View


def flat_text(text: str) -> str:
    """Text with every run of white space made one space, to compare extracted text."""
    return re.sub(r"\s+", " ", text).strip()


def outline_entries(reader: PdfReader) -> Iterator[tuple[str, int]]:
    """Every bookmark in the PDF, depth first: its title and its page index."""
    stack: list[object] = list(reversed(reader.outline))
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(reversed(item))
        elif isinstance(item, Destination):
            page = reader.get_destination_page_number(item)
            if page is not None:
                yield str(item.title), page


def verify_pdf(path: Path, view: View, name: str) -> int:
    """The PDF's page count, or IncompletePdf naming what is missing."""
    reader = PdfReader(path)
    pages = len(reader.pages)
    problem = f"{name} is incomplete (WeasyPrint may have stopped early)"
    entries = list(outline_entries(reader))
    titles = {title for title, _page in entries}
    missing = [title for title in view.bookmarks if title not in titles]
    if missing:
        raise IncompletePdf(f"{problem}: it has no bookmark for {', '.join(missing)}")
    last = view.last_heading
    page = max(index for title, index in entries if title == last)
    if flat_text(last) not in flat_text(reader.pages[page].extract_text()):
        raise IncompletePdf(f'{problem}: the heading "{last}" is not on page {page + 1}')
    footer = f"Page {pages} of {pages}"
    if footer not in flat_text(reader.pages[-1].extract_text()):
        raise IncompletePdf(f'{problem}: its last page does not say "{footer}"')
    return pages
