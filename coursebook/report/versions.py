"""How one module reads in every variant and edition, compared with its fullest version.

A reviewer asks "what exactly does the secondary-care group get?". `versions`
collects the module's assembled Markdown from every edition that shows it,
groups the identical ones, and takes the longest as the reference; each other
version is then shown as the lines it drops or changes from that reference:
a unified diff for the terminal and Markdown, side by side in HTML.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from html import escape

from coursebook.assemble.assembled import Assembled
from coursebook.errors import CoursebookError

CONTEXT = 2


@dataclass(frozen=True)
class Version:
    """One text of the module, and every variant edition that shows exactly it."""

    text: str
    where: tuple[str, ...]

    @property
    def lines(self) -> list[str]:
        return self.text.splitlines()

    @property
    def label(self) -> str:
        return self.where[0] + (f" (and {len(self.where) - 1} more)" if len(self.where) > 1 else "")


@dataclass(frozen=True)
class Versions:
    """The fullest version of a module and every other version of it."""

    module: str
    title: str
    fullest: Version
    others: tuple[Version, ...]

    def diff(self, other: Version) -> list[str]:
        """Unified diff lines from the fullest version to `other`."""
        return list(
            difflib.unified_diff(
                self.fullest.lines,
                other.lines,
                self.fullest.where[0],
                other.where[0],
                n=CONTEXT,
                lineterm="",
            )
        )


def versions(assembled: Assembled, module_id: str) -> Versions:
    """Every different text of `module_id` across variants and editions."""
    curriculum = assembled.curriculum
    if module_id not in curriculum.modules:
        close = difflib.get_close_matches(module_id, curriculum.modules.ids(), n=1)
        hint = f' Did you mean "{close[0]}"?' if close else ""
        raise CoursebookError(
            f'there is no module "{module_id}" in curriculum/modules/; give a module id, '
            f"the file name without .md.{hint}"
        )
    texts: dict[str, list[str]] = {}
    title = curriculum.modules.get(module_id).meta.title
    for edition in assembled.editions:
        page = next((p for p in edition.pages() if p.module == module_id), None)
        if page is not None:
            where = f"{edition.course}/{edition.variant} {edition.edition.value} edition"
            texts.setdefault(page.markdown, []).append(where)
    if not texts:
        raise CoursebookError(
            f'no course variant uses the module "{module_id}"; add it to a session in a course '
            "file to see how it reads"
        )
    found = [Version(text, tuple(where)) for text, where in texts.items()]
    fullest = max(found, key=lambda v: len(v.lines))
    others = tuple(v for v in found if v is not fullest)
    return Versions(module_id, title, fullest, others)


def versions_text(found: Versions) -> list[tuple[str, str]]:
    """(line, kind) pairs: kind is `+`, `-`, `@` or empty, for the terminal to colour."""
    lines = [(line, "") for line in _summary(found)]
    for other in found.others:
        lines.append(("", ""))
        lines.append((f"What {_where(other)} gets, compared with the fullest version:", ""))
        for line in found.diff(other):
            kind = line[:1] if line[:1] in "+-@" and not line.startswith(("+++", "---")) else ""
            lines.append((line, kind))
    return lines


def versions_markdown(found: Versions) -> str:
    """Each version as a ```diff block against the fullest, for a review comment."""
    parts = [f"## How “{found.title}” reads in each variant", "", *_summary(found)]
    for other in found.others:
        parts += [
            "",
            f"### {_where(other)}",
            "",
            "```diff",
            *found.diff(other),
            "```",
        ]
    return "\n".join(parts) + "\n"


_STYLE = (
    "table.diff{border-collapse:collapse;font:13px/1.4 monospace;margin:0 0 2em;width:100%}"
    "table.diff td{padding:0 .4em;vertical-align:top;white-space:pre-wrap}"
    ".diff_header{color:#555;text-align:right}.diff_next{display:none}"
    ".diff_add{background:#d7f5dd}.diff_chg{background:#fff2b3}.diff_sub{background:#fbd9d6}"
)


def versions_html(found: Versions) -> str:
    """A page with the fullest version side by side with each other version."""
    differ = difflib.HtmlDiff(wrapcolumn=70)
    body = [f"<h1>How “{escape(found.title)}” reads in each variant</h1>"]
    body += [f"<p>{escape(line)}</p>" for line in _summary(found)]
    for other in found.others:
        body.append(f"<h2>{escape(_where(other))}</h2>")
        body.append(
            differ.make_table(
                found.fullest.lines,
                other.lines,
                escape(found.fullest.where[0]),
                escape(other.where[0]),
                context=True,
                numlines=CONTEXT,
            )
        )
    return (
        '<!doctype html>\n<html lang="en-GB"><head><meta charset="utf-8">'
        f"<title>{escape(found.title)}: versions</title><style>{_STYLE}</style></head>"
        "<body>\n" + "\n".join(body) + "\n</body></html>\n"
    )


def _summary(found: Versions) -> list[str]:
    count = 1 + len(found.others)
    lines = [
        f"{found.title} ({found.module}) reads {count} different "
        f"{'way' if count == 1 else 'ways'} across the variants and editions that use it.",
        f"Fullest version: {', '.join(found.fullest.where)}.",
    ]
    if not found.others:
        lines.append("Every variant and edition shows exactly this text.")
    return lines


def _where(version: Version) -> str:
    return ", ".join(version.where)
