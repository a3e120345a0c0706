"""Characters no reader can see, which hide a word from the checks.

A soft hyphen or a zero-width space inside "patient" prints as "patient", but a
search for the word does not find it, so the words to avoid (and the hard words
of the reading age) would miss it. `visible` takes them out of the text the
checks read; `check_invisible_characters` names each one in the Markdown source,
with its line and the word it is in, so the author deletes it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from coursebook.errors import Problem, Severity
from coursebook.load.project import Curriculum

INVISIBLE = {
    "\u00ad": "soft hyphen",
    "\u200b": "zero-width space",
    "\u200c": "zero-width non-joiner",
    "\u200d": "zero-width joiner",
    "\u2060": "word joiner",
    # A byte order mark that opens a file is removed when it is read; one inside
    # the text is a zero-width no-break space.
    "\ufeff": "zero-width no-break space",
}
"""Each invisible character the checks look through, with the name a message gives it."""

JOINERS = frozenset("\u200c\u200d")
"""Characters that emoji sequences (the joiner) and scripts such as Persian or Hindi
(both) need: left alone next to any character outside ASCII."""

_FIND = re.compile("[" + "".join(INVISIBLE) + "]")
_REMOVE = str.maketrans(dict.fromkeys(INVISIBLE))
_WORD = re.compile(r"\S+")


def visible(text: str) -> str:
    """`text` without its invisible characters: the words a reader sees."""
    return text.translate(_REMOVE)


def check_invisible_characters(curriculum: Curriculum) -> Iterator[Problem]:
    """A warning for each invisible character in a module or snippet file."""
    sources = [(m.path, m.source) for m in curriculum.modules]
    sources += [(s.path, s.source) for s in curriculum.snippets.values()]
    for path, source in sources:
        if not _FIND.search(source):
            continue
        for number, line in enumerate(source.split("\n"), start=1):
            for match in _FIND.finditer(line):
                if not _needed(line, match.start()):
                    message = _message(line, match.start(), number)
                    yield Problem(path, number, Severity.WARNING, message)


def _needed(line: str, index: int) -> bool:
    """Whether the character at `index` is a joiner between characters that use one."""
    if line[index] not in JOINERS:
        return False
    neighbours = line[index - 1 : index] + line[index + 1 : index + 2]
    return not neighbours.isascii()


def _message(line: str, index: int, number: int) -> str:
    name = INVISIBLE[line[index]]
    words = [(m.start(), m.end(), visible(m.group())) for m in _WORD.finditer(line)]
    inside = next((w for start, end, w in words if start <= index < end and w), None)
    if inside is not None:
        return (
            f'line {number} has an invisible character ({name}) in "{inside}", which stops the '
            "checks from finding the word; delete it (typing the word again does)"
        )
    before = [w for _, end, w in words if end <= index and w]
    where = f'after "{before[-1]}"' if before else "at the start"
    return f"line {number} has an invisible character ({name}) {where}; delete it"
