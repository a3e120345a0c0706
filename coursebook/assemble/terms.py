"""Swap `{{ term }}` for the words an audience uses.

`{{ clinician }}` becomes the audience's term, such as "GP or practice nurse";
`{{ Clinician }}` gives the same words with a capital first letter, for the start of
a sentence. Text inside code (inline code or fenced code) is left as it is.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

_CODE_SPAN = re.compile(r"(`+)(.+?)\1", re.DOTALL)
TERM = re.compile(r"\{\{\s*([A-Za-z][A-Za-z0-9_-]*)\s*\}\}")
_LEFTOVER = re.compile(r"\{\{|\}\}")


@dataclass(frozen=True)
class TermUse:
    """A `{{ name }}` in the text, by its lower-case name, with its column."""

    name: str
    column: int


def term_name(written: str) -> str:
    """`Clinician` -> `clinician`: the name a term is declared under."""
    return written[0].lower() + written[1:]


def uses(text: str) -> list[TermUse]:
    """Every term a line uses outside code, with its column."""
    return [
        TermUse(term_name(m.group(1)), start + m.start() + 1)
        for start, chunk in _outside_code(text)
        for m in TERM.finditer(chunk)
    ]


def unmatched_braces(text: str) -> bool:
    """Whether `{{` or `}}` is left once terms are taken out (a likely typo)."""
    return any(_LEFTOVER.search(TERM.sub("", chunk)) for _, chunk in _outside_code(text))


def substitute(text: str, terms: Mapping[str, str]) -> str:
    """`text` with every known term replaced; unknown terms are left as written."""
    pieces: list[str] = []
    last = 0
    for start, chunk in _outside_code(text):
        pieces.append(text[last:start])
        pieces.append(TERM.sub(lambda m: _replace(m, terms), chunk))
        last = start + len(chunk)
    pieces.append(text[last:])
    return "".join(pieces)


def _replace(match: re.Match[str], terms: Mapping[str, str]) -> str:
    written = match.group(1)
    value = terms.get(term_name(written))
    if value is None:
        return match.group(0)
    return value[0].upper() + value[1:] if written[0].isupper() else value


def _outside_code(text: str) -> list[tuple[int, str]]:
    """The stretches of `text` that are not inline code, with their start offsets."""
    stretches: list[tuple[int, str]] = []
    last = 0
    for span in _CODE_SPAN.finditer(text):
        stretches.append((last, text[last : span.start()]))
        last = span.end()
    stretches.append((last, text[last:]))
    return stretches

