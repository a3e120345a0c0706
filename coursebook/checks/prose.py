"""The words a reader reads on a page: assembled Markdown without its syntax.

Reading ages and words to avoid are about what participants read, not about
the `**`, `[links](...)` and `!!!` boxes around it. `prose` turns a page's
assembled lines into paragraphs of plain text that remember the source file
and line of every piece, so a message can say where a sentence or word was
written. Headings, box titles and list items become paragraphs of their own,
ending with a full stop if they have none, so that they count as sentences.
Tables, code and pictures are left out: they are not running text.
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import textstat

from coursebook.assemble.assemble import OutLine
from coursebook.checks.invisible import visible

_FENCE = re.compile(r"^(`{3,}|~{3,})")
_BOX = re.compile(r'^[!?]{3}\+?\s*[\w-]+(?:\s+"(?P<title>[^"]*)")?\s*$')
_HEADING = re.compile(r"^#{1,6}\s+(?P<text>.*?)\s*#*\s*$")
_ITEM = re.compile(r"^(?:[-*+]|\d{1,3}[.)])\s+(?:\[[ xX]\]\s+)?")
_RULE = re.compile(r"^(?:[-*_]\s*){3,}$|^=+$")
_DEFINITION = re.compile(r"^:\s+")
_INLINE = (
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),  # pictures
    (re.compile(r"\[\^[^\]]+\]"), ""),  # footnote marks
    (re.compile(r"\[([^\]]*)\]\([^)]*\)"), r"\1"),  # links
    (re.compile(r"\[([^\]]*)\]\[[^\]]*\]"), r"\1"),  # reference links
    (re.compile(r"<(?:https?|mailto):[^>]*>"), ""),  # bare addresses
    (re.compile(r"</?[A-Za-z][^>]*>"), ""),  # HTML tags
    (re.compile(r"\{:?[^{}]*\}"), ""),  # attribute lists
    (re.compile(r"_{2,}|\.{4,}"), " "),  # writing lines
    (re.compile(r"\*+|`+|~~|(?<!\w)_+|_+(?!\w)|==|\^\^"), ""),  # emphasis and code marks
    (re.compile(r"\s+"), " "),
)
_END = re.compile(r"[.!?]['\"\u201d\u2019)]*$")
_SENTENCE = re.compile(r"[^.!?]+(?:[.!?]+['\"\u201d\u2019)]*)?")
_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019]*(?:-[A-Za-z]+)*")


@dataclass(frozen=True)
class Piece:
    """Plain text from one source line, and where it starts in its paragraph."""

    text: str
    path: str
    line: int
    offset: int


@dataclass(frozen=True)
class Found:
    """Something found in the prose (a sentence, a word) and the line it was written on."""

    text: str
    path: str
    line: int


@dataclass(frozen=True)
class Paragraph:
    """Plain text read as one run: a paragraph, a heading, a list item, a box title."""

    text: str
    pieces: tuple[Piece, ...]

    def where(self, offset: int) -> Piece:
        """The piece (and so the source line) that character `offset` came from."""
        found = self.pieces[0]
        for piece in self.pieces:
            if piece.offset > offset:
                break
            found = piece
        return found

    def found(self, start: int, text: str) -> Found:
        piece = self.where(start)
        return Found(text, piece.path, piece.line)


@dataclass(frozen=True)
class Prose:
    """The plain text of a page, paragraph by paragraph."""

    paragraphs: tuple[Paragraph, ...]

    @property
    def text(self) -> str:
        return "\n\n".join(p.text for p in self.paragraphs)

    @property
    def words(self) -> int:
        return textstat.lexicon_count(self.text) if self.paragraphs else 0

    def sentences(self) -> Iterator[Found]:
        """Every sentence, with the line it starts on."""
        for paragraph in self.paragraphs:
            for match in _SENTENCE.finditer(paragraph.text):
                sentence = match.group().strip()
                if sentence:
                    start = match.start() + len(match.group()) - len(match.group().lstrip())
                    yield paragraph.found(start, sentence)

    def words_found(self) -> Iterator[Found]:
        """Every word, with the line it is on."""
        for paragraph in self.paragraphs:
            for match in _WORD.finditer(paragraph.text):
                yield paragraph.found(match.start(), match.group())

    def search(self, pattern: re.Pattern[str]) -> Iterator[Found]:
        """Every match of `pattern` inside a paragraph, with the line it starts on."""
        for paragraph in self.paragraphs:
            for match in pattern.finditer(paragraph.text):
                yield paragraph.found(match.start(), match.group())


def plain(text: str) -> str:
    """One line of Markdown as the words a reader sees (no invisible characters either,
    written or as entities such as `&shy;`)."""
    for pattern, replacement in _INLINE:
        text = pattern.sub(replacement, text)
    return visible(html.unescape(text)).strip()


def prose(lines: Iterable[OutLine]) -> Prose:
    """The plain text of assembled lines, in paragraphs that remember their sources."""
    return _prose(tuple(lines))


@functools.lru_cache(maxsize=4096)
def _prose(lines: tuple[OutLine, ...]) -> Prose:
    """`prose`, cached: the checks, the report and its site page read the same pages."""
    paragraphs: list[Paragraph] = []
    current: list[tuple[str, OutLine]] = []
    fence: str | None = None

    def close() -> None:
        if current:
            paragraphs.append(_paragraph(current))
            current.clear()

    for line in lines:
        text = line.text.strip()
        if fence is not None or _FENCE.match(text):
            close()
            fence = _fence(text, fence)
            continue
        box = _BOX.match(text)
        heading = _HEADING.match(text)
        if not text or _RULE.match(text) or text.startswith("|") or box or heading:
            close()
            title = (box.group("title") or "") if box else heading.group("text") if heading else ""
            if title:
                paragraphs.append(_paragraph([(title, line)]))
            continue
        if _ITEM.match(text):
            close()
            text = _ITEM.sub("", text)
        text = _DEFINITION.sub("", text.lstrip("> "))
        current.append((text, line))
    close()
    return Prose(tuple(p for p in paragraphs if p.text))


def outside_code(lines: Iterable[OutLine]) -> Iterator[OutLine]:
    """The lines that are not inside fenced code, each with its indentation taken off."""
    fence: str | None = None
    for line in lines:
        text = line.text.strip()
        if fence is not None or _FENCE.match(text):
            fence = _fence(text, fence)
            continue
        yield OutLine(text, line.path, line.number)


def _fence(text: str, fence: str | None) -> str | None:
    """The fence still open after `text`: opened, closed, or unchanged."""
    if fence is None:
        return text[0] * 3
    return None if text.startswith(fence) and set(text) == {fence[0]} else fence


def _paragraph(parts: list[tuple[str, OutLine]]) -> Paragraph:
    pieces: list[Piece] = []
    words: list[str] = []
    offset = 0
    for raw, line in parts:
        text = plain(raw)
        if not text:
            continue
        pieces.append(Piece(text, line.path, line.number, offset))
        words.append(text)
        offset += len(text) + 1
    joined = " ".join(words)
    if joined and not _END.search(joined):
        joined += "."
    return Paragraph(joined, tuple(pieces))
