"""Titles and other one-line texts as plain text: what every writer escapes where it prints.

A title is never markup. Tags are taken out (`coursebook check` names them),
entities are read (`&amp;` is `&`), and control characters go. Each writer then
escapes the text for its own output, so `&lt;/title&gt;` typed in a title shows as
those characters and can never close an element.
"""

from __future__ import annotations

import html
import re

import nh3

from coursebook.schema import ModuleMeta
from coursebook.terminal import printable


def plain(text: str) -> str:
    """`text` with tags taken out, entities read, and escape sequences removed."""
    if "<" not in text and "&" not in text:
        return printable(text)
    stripped = nh3.clean(text, tags=set(), clean_content_tags={"script", "style"})
    return printable(html.unescape(str(stripped)))


def plain_meta(meta: ModuleMeta) -> ModuleMeta:
    """Front matter with every text a page or PDF shows made plain."""
    return meta.model_copy(
        update={
            "title": plain(meta.title),
            "summary": plain(meta.summary),
            "objectives": [plain(text) for text in meta.objectives],
            "authors": [plain(text) for text in meta.authors],
            "co_produced_with": [plain(text) for text in meta.co_produced_with],
            "sources": [
                source.model_copy(
                    update={
                        "title": plain(source.title),
                        "publisher": source.publisher and plain(source.publisher),
                    }
                )
                for source in meta.sources
            ],
        }
    )


_TAG_START = re.compile(r"<[A-Za-z/!?]")
_WHOLE_TAG = re.compile(r"<!--.*?-->|<[/!?]?[A-Za-z][^<>]*>")
_BACKTICKS = re.compile(r"`+")


def unfinished_tags(line: str) -> list[int]:
    """Where `line` has a `<` that starts a tag it never finishes (code spans aside).

    Python-Markdown's HTML reader takes quadratic time over unfinished tags, and a
    tag left open swallows the text after it (the urgent-help box included), so
    the assembler writes each such `<` as `&lt;`.
    """
    found: list[int] = []
    if "<" not in line:
        return found
    for start, end in _outside_code(line):
        position = start
        while (match := _TAG_START.search(line, position, end)) is not None:
            whole = _WHOLE_TAG.match(line, match.start(), end)
            if whole is None:
                found.append(match.start())
                position = match.start() + 1
            else:
                position = whole.end()
    return found


def finish_tags(line: str) -> str:
    """`line` with each unfinished `<` written as `&lt;`, so it shows as typed."""
    positions = unfinished_tags(line)
    if not positions:
        return line
    parts, last = [], 0
    for position in positions:
        parts += [line[last:position], "&lt;"]
        last = position + 1
    return "".join(parts) + line[last:]


def _outside_code(line: str) -> list[tuple[int, int]]:
    """The stretches of `line` that are not inside a code span."""
    stretches: list[tuple[int, int]] = []
    position = 0
    runs = list(_BACKTICKS.finditer(line))
    index = 0
    while index < len(runs):
        opening = runs[index]
        closing = next((i for i in range(index + 1, len(runs))
                        if len(runs[i].group()) == len(opening.group())), None)
        if closing is None:
            index += 1
            continue
        stretches.append((position, opening.start()))
        position = runs[closing].end()
        index = closing + 1
    stretches.append((position, len(line)))
    return stretches
