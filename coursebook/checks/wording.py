"""Words to avoid, per audience, in the participant text of each variant.

Each audience in `audiences.yml` may list words or phrases its participant
edition should not use (`avoid:`), each with what to write instead. They are
matched whole-word and in any capitalisation, in the plain text participants
read, so a phrase split over two lines is still found, and one with an
invisible character in it (`invisible.py`) too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from coursebook.assemble.assemble import AssembledEdition, Page
from coursebook.checks.invisible import visible
from coursebook.checks.prose import prose
from coursebook.checks.readability import participant_pages
from coursebook.errors import Problem, Severity
from coursebook.load.project import Curriculum
from coursebook.schema import AvoidWord


@dataclass(frozen=True)
class Avoided:
    """A word to avoid, as written on a page, with where it was written."""

    word: AvoidWord
    written: str
    path: str
    line: int


def pattern(word: str) -> re.Pattern[str]:
    """Whole words, any capitalisation, any spaces between the words of a phrase."""
    words = [re.escape(part) for part in visible(word).split()]
    return re.compile(r"(?<![\w-])" + r"\s+".join(words) + r"(?![\w-])", re.IGNORECASE)


def avoided(page: Page, avoid: list[AvoidWord]) -> list[Avoided]:
    """Every use of a word to avoid on `page`; a phrase inside a longer one counts once."""
    text = prose(page.lines)
    found: list[tuple[int, Avoided]] = []
    for word in avoid:
        for match in text.search(pattern(word.word)):
            found.append((len(word.word), Avoided(word, match.text, match.path, match.line)))
    kept: list[Avoided] = []
    for _, item in sorted(found, key=lambda pair: -pair[0]):
        inside_longer = any(
            (other.path, other.line) == (item.path, item.line)
            and pattern(item.word.word).search(other.written)
            for other in kept
        )
        if not inside_longer:
            kept.append(item)
    return sorted(kept, key=lambda a: (a.path, a.line, a.word.word))


def check_words_to_avoid(
    curriculum: Curriculum, editions: list[AssembledEdition]
) -> Iterator[Problem]:
    """A warning for each word to avoid in a participant edition, with what to write instead."""
    variants: dict[tuple[str, int, str, str], list[str]] = {}
    words: dict[tuple[str, int, str, str], Avoided] = {}
    for edition, page in participant_pages(editions):
        audience = curriculum.audiences[edition.audience]
        for item in avoided(page, list(audience.avoid)):
            key = (item.path, item.line, item.word.word, edition.audience)
            variants.setdefault(key, []).append(f"{edition.course}/{edition.variant}")
            words[key] = item
    for key, refs in variants.items():
        path, line, _, audience_id = key
        item = words[key]
        yield Problem(
            path,
            line,
            Severity.WARNING,
            f'"{item.written}" is on the list of words to avoid for the audience "{audience_id}" '
            f"({', '.join(sorted(set(refs)))}); instead: {item.word.instead}",
        )
