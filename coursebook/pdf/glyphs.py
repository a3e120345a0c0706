"""Refuse text the print fonts cannot draw, before WeasyPrint silently swaps fonts.

When no font in a style sheet has a character, WeasyPrint asks the system for
any font that has it, or prints an empty box: a PDF that differs from machine
to machine, or has holes. Every character of a PDF's text must be in one of the
theme's own fonts.
"""

from __future__ import annotations

import functools
import html
import re
import unicodedata
from collections.abc import Sequence
from pathlib import Path

from fontTools.ttLib import TTFont

from coursebook.assemble.assemble import OutLine
from coursebook.pdf.errors import MissingGlyph

_TAG = re.compile(r"<[^>]*>")


@functools.lru_cache(maxsize=4)
def covered(fonts: tuple[Path, ...]) -> frozenset[int]:
    """Every code point that at least one of `fonts` can draw."""
    points: set[int] = set()
    for path in fonts:
        font = TTFont(path, lazy=True)
        points.update(font.getBestCmap() or {})
        font.close()
    return frozenset(points)


def text_of(markup: str) -> str:
    """The text a reader sees in `markup`, without tags."""
    return html.unescape(_TAG.sub(" ", markup))


def check_glyphs(
    markup: str, path: str, lines: Sequence[OutLine], fonts: frozenset[int]
) -> None:
    """Raise MissingGlyph for the first character of `markup`'s text the fonts lack."""
    for char in sorted(set(text_of(markup))):
        if ord(char) in fonts or char.isspace() or unicodedata.category(char) in ("Cc", "Cf"):
            continue
        line = next((line for line in lines if char in line.text), None)
        where = f"{line.path}:{line.number}" if line else path
        name = unicodedata.name(char, "unnamed character").lower()
        raise MissingGlyph(
            f'{where}: the character "{char}" (U+{ord(char):04X}, {name}) cannot be printed: '
            "the PDF fonts have no shape for it; write it another way, for example in words"
        )
