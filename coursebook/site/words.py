"""How the site writes times, dates, sizes and lists in plain British English."""

from __future__ import annotations

import datetime as dt
import html

from coursebook.sanitise import escape_text


def clock(minutes: int) -> str:
    """Time from the start of a session, as on a run-sheet: 95 -> `1:35`."""
    return f"{minutes // 60}:{minutes % 60:02d}"


def duration(minutes: int) -> str:
    """A length of time: 45 -> `45 min`, 150 -> `2 h 30 min`, 120 -> `2 h`."""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h {rest} min" if rest else f"{hours} h"


def day(date: dt.date) -> str:
    """A date as people in the UK write it: `16 November 2026`."""
    return f"{date.day} {date:%B %Y}"


def size(count: int) -> str:
    """A file size: `830 KB`, `1.2 MB`."""
    if count < 1000 * 1000:
        return f"{max(1, round(count / 1000))} KB"
    return f"{count / 1000 / 1000:.1f} MB"


def plural(count: int, word: str, many: str | None = None) -> str:
    """`1 page`, `12 pages`."""
    return f"{count} {word if count == 1 else many or word + 's'}"


def listing(items: list[str]) -> str:
    """`a`, `a and b`, `a, b and c`."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def cell(text: str) -> str:
    """Text that is safe inside a Markdown table cell."""
    return text.replace("|", "\\|").replace("\n", " ")


def attr(text: str) -> str:
    """Text that is safe inside an HTML attribute or element."""
    return html.escape(text, quote=True)


_MARKDOWN_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]{}"})


def text(words: str) -> str:
    """Plain text (a name, a title) written into Markdown so that it shows as typed:
    no link, emphasis or HTML can come of it."""
    return escape_text(words).translate(_MARKDOWN_SPECIAL)


def quoted(text: str) -> str:
    """An admonition title: Python-Markdown ends it at the first straight double quote."""
    return '"' + text.replace('"', "\u201d") + '"'
