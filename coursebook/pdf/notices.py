"""The WeasyPrint notices after which a PDF is still right, declared once.

`render.py` fails a PDF on anything WeasyPrint logs at warning level or above:
a picture it could not read, a style it could not parse. A few of its warnings
are only notices, about an older library or style sheet; they must not stop a
build. Each is matched by a pattern and turned into one note, which the build
prints once however many fonts and PDFs gave it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Harmless:
    """A WeasyPrint notice that leaves the PDF as it should be, and the note it becomes."""

    pattern: re.Pattern[str]
    note: str


HARMLESS = (
    # Without the HarfBuzz-Subset library (Debian's libharfbuzz-subset0) WeasyPrint
    # subsets the embedded fonts with fontTools instead, once per font of every PDF:
    # the PDF is the same, only slower to make.
    Harmless(
        re.compile(r"^Using fontTools instead of HarfBuzz-Subset for font "),
        "the PDF fonts were made smaller with fontTools because the HarfBuzz-Subset library "
        "is not installed; the PDFs are fine, and installing libharfbuzz-subset0 (make build "
        "does) makes them faster",
    ),
    # A print style sheet writes a property with a `-weasy-` prefix that WeasyPrint no
    # longer needs; it applies the property all the same.
    Harmless(
        re.compile(
            r"^Deprecated `.*` at \d+:\d+, prefixes on unstable attributes are deprecated, "
        ),
        "a print style sheet uses a -weasy- prefix WeasyPrint no longer needs; "
        "the PDFs are fine, and deleting the prefix silences this note",
    ),
)
"""The only WeasyPrint warnings that do not fail a PDF; each is a sign of an older
library or style sheet, never of something missing from the page."""


def sort_notices(messages: Sequence[str]) -> tuple[set[str], list[str]]:
    """The notes the `HARMLESS` messages become, and the messages that are problems."""
    notes: set[str] = set()
    problems: list[str] = []
    for message in messages:
        harmless = next((h for h in HARMLESS if h.pattern.search(message)), None)
        if harmless is None:
            problems.append(message)
        else:
            notes.add(harmless.note)
    return notes, problems
