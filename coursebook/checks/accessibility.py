"""Accessible content: pictures described, links that say where they go, tidy structure.

Screen-reader users hear a picture's alt text instead of seeing it, move from
link to link and heading to heading, and have tables read cell by cell with
their column names. So every picture needs alt text, link text must make sense
on its own, headings go down one level at a time (the page title is the only
`#`; module text starts at `##`), and every table has a header row. Pages are
checked as assembled, in every edition, so a heading skipped only in one
variant is still found.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from coursebook.assemble.assemble import AssembledEdition, OutLine, Page
from coursebook.checks.prose import outside_code
from coursebook.errors import Problem, Severity

VAGUE_LINKS = frozenset({"click here", "here", "this link", "click this link", "link", "this"})
VAGUE_ALT = frozenset({"image", "picture", "diagram", "photo", "figure", "graphic", "img"})
_IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\s*[(\[]")
_ATTR_ALT = re.compile(
    r"""\]\([^)]*\)\{[^}]*\balt\s*=\s*(?:'(?P<single>[^']*)'|"(?P<double>[^"]*)")[^}]*\}"""
)
"""`](picture.png){alt='...'}` straight after an image's brackets: the attribute list
sets the alt text, and the square brackets hold the caption."""
_LINK = re.compile(r"(?<!!)\[(?P<text>[^\]]*)\]\s*[(\[]")
_HEADING = re.compile(r"^(?P<hashes>#{1,6})(?:\s|$)")
_DELIMITER = re.compile(r"^\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?$")
_FILE_NAME = re.compile(r"\.(?:svg|png|jpe?g|gif|webp)$", re.IGNORECASE)


def check_accessibility(editions: list[AssembledEdition]) -> Iterator[Problem]:
    """Problems with pictures, links, headings and tables on every assembled page."""
    seen: set[tuple[str, str]] = set()
    for edition in editions:
        for page in edition.pages():
            if (page.module, page.body) in seen:
                continue
            seen.add((page.module, page.body))
            lines = list(outside_code(page.lines))
            yield from _pictures_and_links(lines)
            yield from _headings(page, lines)
            yield from _tables(lines)


def _pictures_and_links(lines: list[OutLine]) -> Iterator[Problem]:
    for line in lines:
        for image in _IMAGE.finditer(line.text):
            alt = (_attribute_alt(line.text, image.end() - 2) or image.group("alt")).strip()
            if not alt:
                yield Problem(
                    line.path, line.number, Severity.ERROR,
                    "this picture has no alt text, so screen readers cannot describe it; "
                    "write what it shows between the square brackets: "
                    "![A ring of symptoms joined by arrows](../assets/NAME.svg)",
                )
            elif alt.lower() in VAGUE_ALT or _FILE_NAME.search(alt):
                yield Problem(
                    line.path, line.number, Severity.WARNING,
                    f'the alt text "{alt}" does not say what the picture shows; describe it '
                    "in a sentence between the square brackets",
                )
        for link in _LINK.finditer(line.text):
            text = link.group("text").strip().strip(".!:").lower()
            if text in VAGUE_LINKS:
                yield Problem(
                    line.path, line.number, Severity.WARNING,
                    f'the link text "{link.group("text").strip()}" does not say where the link '
                    "goes; screen-reader users hear links on their own, so name the place: "
                    "[NHS 111 online](https://111.nhs.uk)",
                )


def _attribute_alt(text: str, bracket: int) -> str | None:
    """The alt text an attribute list gives the image whose `]` is at `bracket`, if any."""
    found = _ATTR_ALT.match(text, bracket)
    if found is None:
        return None
    return found.group("single") if found.group("single") is not None else found.group("double")


def _headings(page: Page, lines: list[OutLine]) -> Iterator[Problem]:
    """Module text starts at ## (the page title is #) and goes down one level at a time."""
    level = 1
    for line in lines:
        heading = _HEADING.match(line.text)
        if heading is None:
            continue
        new = len(heading.group("hashes"))
        if new == 1:
            yield Problem(
                line.path, line.number, Severity.WARNING,
                f'the page title "{page.title}" is the only # heading; start headings in a '
                "module at ## (change # to ##)",
            )
        elif new > level + 1:
            yield Problem(
                line.path, line.number, Severity.WARNING,
                f"this heading skips from {'#' * level} to {'#' * new}; screen-reader users move "
                f"by heading level, so use {'#' * (level + 1)} here",
            )
        level = new


def _tables(lines: list[OutLine]) -> Iterator[Problem]:
    """Every table starts with a header row and a |---| line under it."""
    previous: OutLine | None = None
    for index, line in enumerate(lines):
        is_row = line.text.startswith("|") and line.text.count("|") >= 2
        starts_table = is_row and not (previous is not None and previous.text.startswith("|"))
        previous = line
        if not starts_table:
            continue
        below = lines[index + 1] if index + 1 < len(lines) else None
        if below is None or not _DELIMITER.match(below.text) or "-" not in below.text:
            yield Problem(
                line.path, line.number, Severity.ERROR,
                "this table has no header row, so screen readers cannot name its columns; "
                "make the first row the column names and put a line like |---|---| under it",
            )
        elif not line.text.replace("|", "").strip():
            yield Problem(
                line.path, line.number, Severity.ERROR,
                "this table's header row is empty; write a name for each column in its "
                "first row",
            )
