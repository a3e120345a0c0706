"""Reading age of each module as participants read it, against their audience's target.

UK reading age is the Flesch-Kincaid grade (from textstat) plus five. It is
measured on the participant edition of each variant, because that is the text
participants get: facilitator notes and risk boxes are gone, `only`/`except`
and `optional` blocks are applied, and terms are the audience's own words.
Variants whose participant text of a module is the same are measured once and
named together.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

import textstat

from coursebook.assemble.assemble import AssembledEdition, Edition, OutLine, Page
from coursebook.checks.prose import Found, Prose, prose
from coursebook.errors import Problem, Severity
from coursebook.load.project import Curriculum

UK_OFFSET = 5
MIN_WORDS = 30
HARD_SYLLABLES = 3
LONG_SENTENCE = 15
SHOW = 3


class Reading:
    """How hard a page's participant text is to read.

    The age is measured at once; the sentences and words to change are found
    only when asked, which is only for text that reads above its target.
    """

    def __init__(self, text: Prose) -> None:
        self._text = text
        self.age = reading_age(text.text)

    def above(self, target: int) -> bool:
        return self.age > target

    @functools.cached_property
    def longest(self) -> tuple[Found, ...]:
        """Up to SHOW sentences longer than LONG_SENTENCE words, longest first."""
        counted = [
            (textstat.lexicon_count(s.text), order, s)
            for order, s in enumerate(self._text.sentences())
        ]
        ranked = sorted(counted, key=lambda c: (-c[0], c[1]))
        return tuple(s for count, _, s in ranked if count > LONG_SENTENCE)[:SHOW]

    @functools.cached_property
    def hardest(self) -> tuple[Found, ...]:
        return _hardest(self._text.words_found())


def reading_age(text: str) -> float:
    """UK reading age of plain text: Flesch-Kincaid grade + 5, to one decimal place."""
    return round(textstat.flesch_kincaid_grade(text) + UK_OFFSET, 1)


def read_page(page: Page) -> Reading | None:
    """The reading age of a participant page, or None when it has too few words to judge."""
    return _read_lines(page.lines)


@functools.lru_cache(maxsize=1024)
def _read_lines(lines: tuple[OutLine, ...]) -> Reading | None:
    """Measured once per text: `check` and `report` both ask, for many variants."""
    text = prose(lines)
    if text.words < MIN_WORDS:
        return None
    return Reading(text)


def _hardest(words: Iterator[Found]) -> tuple[Found, ...]:
    """The words with most syllables (three or more), each once, first use first."""
    seen: dict[str, tuple[int, int, Found]] = {}
    for order, word in enumerate(words):
        key = word.text.lower()
        if key in seen:
            continue
        syllables = textstat.syllable_count(word.text)
        if syllables >= HARD_SYLLABLES:
            seen[key] = (syllables, order, word)
    ranked = sorted(seen.values(), key=lambda item: (-item[0], item[1]))
    return tuple(word for _, _, word in ranked[:SHOW])


def participant_pages(editions: list[AssembledEdition]) -> Iterator[tuple[AssembledEdition, Page]]:
    """Each participant edition's pages, each module once per edition."""
    for edition in editions:
        if edition.edition is not Edition.PARTICIPANT:
            continue
        seen: set[str] = set()
        for page in edition.pages():
            if page.module not in seen:
                seen.add(page.module)
                yield edition, page


def check_reading_ages(
    curriculum: Curriculum, editions: list[AssembledEdition]
) -> Iterator[Problem]:
    """A warning for each module whose participant text reads above its audience's target."""
    groups: dict[tuple[str, str, str], list[str]] = {}
    pages: dict[tuple[str, str, str], Page] = {}
    for edition, page in participant_pages(editions):
        key = (page.module, edition.audience, page.body)
        groups.setdefault(key, []).append(f"{edition.course}/{edition.variant}")
        pages[key] = page
    for key, variants in groups.items():
        module_id, audience_id, _ = key
        target = curriculum.audiences[audience_id].reading_age
        reading = read_page(pages[key])
        if reading is None or not reading.above(target):
            continue
        module = curriculum.modules.get(module_id)
        yield Problem(
            module.path,
            title_line(module.source),
            Severity.WARNING,
            _message(reading, target, audience_id, variants, module.path),
        )


def title_line(source: str) -> int:
    """The line of `title:` in a module's front matter."""
    for number, text in enumerate(source.split("\n"), start=1):
        if text.startswith("title:"):
            return number
    return 1


def _message(reading: Reading, target: int, audience: str, variants: list[str], path: str) -> str:
    advice = []
    if reading.longest:
        advice.append(
            f"split sentences of more than {LONG_SENTENCE} words: "
            + "; ".join(
                f"{where(s, path)} ({textstat.lexicon_count(s.text)} words)"
                for s in reading.longest
            )
        )
    if reading.hardest:
        advice.append(
            "use everyday words for "
            + ", ".join(f'"{w.text}" ({where(w, path)})' for w in reading.hardest)
        )
    return (
        f"the participant text reads at a UK reading age of {reading.age:g}, above the "
        f'target of {target} for the audience "{audience}" ({", ".join(sorted(variants))}); '
        + (", and ".join(advice) or "use shorter sentences and everyday words")
    )


def where(found: Found, path: str) -> str:
    """`line 12`, or `curriculum/snippets/x.md:3` when it was written in another file."""
    return f"line {found.line}" if found.path == path else f"{found.path}:{found.line}"
