"""What the published pages will show, read after Markdown has made HTML of them.

Safety is decided on the published HTML (`coursebook.sanitise`), so this check
renders every page of every edition with the one Markdown dialect, runs the same
allow-list the site and the PDFs use, and names each thing it would take out, at
the source line it came from. It also makes sure that what must be published is:
a required snippet (the urgent-help box) that an HTML comment or an unfinished tag
before it would hide, and a code fence that is never closed (everything after it,
facilitator notes included, would print as code).
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterator
from typing import Any

from coursebook.assemble.assemble import AssembledEdition, Edition, OutLine, Page, join_lines
from coursebook.assemble.blocks import Block, Line, Node, walk
from coursebook.assemble.plain import plain, unfinished_tags
from coursebook.checks.governance import required_snippets
from coursebook.errors import Problem, Severity
from coursebook.layout import AUDIENCES_FILE, PROJECT_FILE
from coursebook.load.project import Curriculum, split_front_matter
from coursebook.load.yamlfile import YamlDocument, YamlSyntaxError, parse_yaml
from coursebook.markdown import markdown_to_html
from coursebook.sanitise import Removal, plain_text, removals


def check_published(
    curriculum: Curriculum, editions: list[AssembledEdition]
) -> Iterator[Problem]:
    """Problems in what the pages of every edition would publish."""
    pages = _Renderer()
    for edition in editions:
        for page in edition.pages():
            lines = _Lines(page.lines)
            for removal in pages.removals(page.body):
                yield _problem(lines.find(removal.needle), removal)
            if edition.edition is Edition.PARTICIPANT:
                yield from _hidden_snippets(curriculum, edition, page, pages)
    yield from check_fences(curriculum)
    yield from check_unfinished_tags(curriculum)
    yield from check_text_fields(curriculum)


_MAY_REMOVE = re.compile(r"[<{&]|\]\s*[(:\[]|^\s*\[[^\]\n]*\]:", re.MULTILINE)
"""Text without raw HTML, an attribute list, an entity or a link gives Markdown's own
elements only, all of them on the allow-list: such a page need not be rendered here."""


class _Renderer:
    """Each distinct page text rendered and cleaned once, however many editions share it."""

    def __init__(self) -> None:
        self._html: dict[str, str] = {}
        self._removals: dict[str, list[Removal]] = {}

    def html(self, markdown: str) -> str:
        if markdown not in self._html:
            self._html[markdown] = markdown_to_html(markdown)
        return self._html[markdown]

    def removals(self, markdown: str) -> list[Removal]:
        if not _MAY_REMOVE.search(markdown):
            return []
        if markdown not in self._removals:
            self._removals[markdown] = removals(self.html(markdown))
        return self._removals[markdown]

    def text(self, markdown: str) -> str:
        return plain_text(self.html(markdown))


class _Lines:
    """Finds the source line of each thing taken out, in the order the page holds them.

    The HTML keeps the order of the source, so the second `onclick` taken out is
    looked for after the line where the first one was found.
    """

    def __init__(self, lines: tuple[OutLine, ...]) -> None:
        self._lines = lines
        self._lowered = [line.text.lower() for line in lines]
        self._after: dict[str, int] = {}

    def find(self, needle: str) -> OutLine:
        """The next line holding `needle`, or (when none does) the page's first line."""
        wanted = needle.lower()
        start = self._after.get(wanted, 0)
        for index in (*range(start, len(self._lines)), *range(0, start)):
            if wanted in self._lowered[index]:
                self._after[wanted] = index + 1
                return self._lines[index]
        return next((line for line in self._lines if line.text.strip()), self._lines[0])


def _problem(line: OutLine, removal: Removal) -> Problem:
    severity = Severity.ERROR if removal.dangerous else Severity.WARNING
    return Problem(line.path, line.number, severity, removal.message())


def _hidden_snippets(
    curriculum: Curriculum,
    edition: AssembledEdition,
    page: Page,
    pages: _Renderer,
) -> Iterator[Problem]:
    """An error when a required snippet is in the page's text but not on the page."""
    audience = curriculum.audiences[edition.audience]
    for name in required_snippets(audience):
        snippet = curriculum.snippets.get(name)
        if snippet is None:
            continue
        own = [line for line in page.lines if line.path == snippet.path]
        if not own:
            continue
        expected = pages.text(textwrap.dedent(join_lines(tuple(own))))
        if expected and expected not in pages.text(page.body):
            before = _line_before(page.lines, snippet.path)
            yield Problem(
                before.path, before.number, Severity.ERROR,
                f'the snippet "{name}" is in this module, but the published participant page '
                "would not show it: something before it hides it (an HTML comment <!--, an "
                "unfinished tag such as <br, or a code fence ``` that is not closed); fix the "
                f"text before {{{{ snippet {name} }}}}",
            )


def _line_before(lines: tuple[OutLine, ...], path: str) -> OutLine:
    previous = lines[0]
    for line in lines:
        if line.path == path:
            return previous
        previous = line
    return previous


def check_fences(curriculum: Curriculum) -> Iterator[Problem]:
    """An error at each code fence that is never closed."""
    for nodes in _sources(curriculum):
        opening = _unclosed_fence(nodes)
        if opening is not None:
            fence = opening.text.strip()[:3]
            yield Problem(
                opening.path, opening.number, Severity.ERROR,
                f"the code block that starts here with {fence} is never closed, so everything "
                f"after it (boxes and facilitator notes too) would print as code; add a line "
                f"with {fence} where the code ends",
            )


def check_unfinished_tags(curriculum: Curriculum) -> Iterator[Problem]:
    """A warning at each line with a `<` that starts a tag and never finishes it."""
    for nodes in _sources(curriculum):
        for node in walk(nodes):
            if not isinstance(node, Line) or node.in_code:
                continue
            for position in unfinished_tags(node.text)[:1]:
                start = node.text[position:position + 12].split()[0]
                yield Problem(
                    node.path, node.number, Severity.WARNING,
                    f'"{start}" starts an HTML tag that is not finished on this line, so it '
                    'is shown as typed; write &lt; for a "<" sign, or finish the tag with ">" '
                    "on the same line",
                )


def _sources(curriculum: Curriculum) -> list[tuple[Node, ...]]:
    """The parsed text of every module and snippet."""
    sources = [module.nodes for module in curriculum.modules]
    return sources + [snippet.nodes for snippet in curriculum.snippets.values()]


def _unclosed_fence(nodes: tuple[Node, ...]) -> Line | None:
    """The opening line of a fenced code block that runs to the end of the file."""
    opening: Line | None = None
    for node in walk(nodes):
        if not isinstance(node, Line):
            continue
        if not node.in_code:
            opening = None
        elif opening is None:
            opening = node
        elif _closes(opening.text, node.text):
            opening = None
    return opening


def _closes(opening: str, line: str) -> bool:
    mark = opening.strip()[0]
    closing = line.strip()
    return len(closing) >= 3 and set(closing) == {mark}


def check_text_fields(curriculum: Curriculum) -> Iterator[Problem]:
    """HTML in a title, summary or other text of a YAML file or box title: never published."""
    documents: list[tuple[str, YamlDocument]] = [(AUDIENCES_FILE, curriculum.audiences_doc)]
    documents += [(c.path, c.doc) for c in curriculum.courses.values()]
    project = _project_document(curriculum)
    if project is not None:
        documents.append((PROJECT_FILE, project))
    for module in curriculum.modules:
        front = _front_matter(module.source)
        if front is not None:
            documents.append((module.path, front))
    for path, doc in documents:
        for key, text in _strings(doc.data, ()):
            yield from _text_field(path, doc.line(key), text)
    for nodes in _sources(curriculum):
        for node in walk(nodes):
            if isinstance(node, Block) and node.title:
                yield from _text_field(node.path, node.number, node.title)


def _text_field(path: str, line: int, text: str) -> Iterator[Problem]:
    if "<" not in text and "&" not in text:
        return
    found = removals(text)
    for removal in found:
        yield Problem(path, line, Severity.ERROR if removal.dangerous else Severity.WARNING,
                      removal.message())
    shown = plain(text)
    if not found and ("<" in shown or ">" in shown):
        yield Problem(
            path, line, Severity.WARNING,
            f"this text shows as {shown!r}: HTML and entities such as &lt; are not used in "
            "titles and other text fields; write the words plainly",
        )


def _project_document(curriculum: Curriculum) -> YamlDocument | None:
    try:
        text = (curriculum.root / PROJECT_FILE).read_text(encoding="utf-8")
        return parse_yaml(text)
    except (OSError, UnicodeDecodeError, YamlSyntaxError):
        return None


def _front_matter(source: str) -> YamlDocument | None:
    parts = split_front_matter(source)
    if parts is None:
        return None
    try:
        return parse_yaml(parts[0], first_line=2)
    except YamlSyntaxError:
        return None


def _strings(data: Any, key: tuple[str | int, ...]) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Every text value in YAML data, with its path of keys and indexes."""
    if isinstance(data, str):
        yield key, data
    elif isinstance(data, dict):
        for name, value in data.items():
            yield from _strings(value, (*key, str(name)))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _strings(value, (*key, index))
