"""Titles and other one-line texts as plain text: what every writer escapes where it prints.

A title is never markup. Tags are taken out (`coursebook check` names them),
entities are read (`&amp;` is `&`), and control characters go. Each writer then
escapes the text for its own output, so `&lt;/title&gt;` typed in a title shows as
those characters and can never close an element.
"""

from __future__ import annotations

import html

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
