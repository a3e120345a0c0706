"""Unsafe or unknown HTML, and unsafe addresses, wherever an author can write text.

The assembler already takes them out (`coursebook.assemble.html`); this check
tells the author, with the file and line, so the source gets fixed. It reads
every line of every module and snippet (whichever variants use it), block
titles, module front matter, and the text values of the YAML files.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from coursebook.assemble.blocks import Block, Line, Node, walk
from coursebook.assemble.html import Finding, HtmlFilter
from coursebook.errors import Problem, Severity
from coursebook.load.project import AUDIENCES_FILE, Curriculum, split_front_matter
from coursebook.load.yamlfile import YamlDocument, YamlSyntaxError, parse_yaml


def check_raw_html(curriculum: Curriculum) -> Iterator[Problem]:
    """One problem per unsafe or unknown piece of HTML: an error if it could run code."""
    for module in curriculum.modules:
        yield from _front_matter(module.path, module.source)
        yield from _nodes(module.nodes)
    for nodes in curriculum.broken_modules.values():
        yield from _nodes(nodes)
    for snippet in curriculum.snippets.values():
        yield from _nodes(snippet.nodes)
    yield from _yaml(AUDIENCES_FILE, curriculum.audiences_doc)
    for course_file in curriculum.courses.values():
        yield from _yaml(course_file.path, course_file.doc)


def _nodes(nodes: tuple[Node, ...]) -> Iterator[Problem]:
    """Lines in written order through one filter, so HTML over several lines is followed."""
    lines = HtmlFilter()
    for node in walk(nodes):
        if isinstance(node, Line):
            yield from _problems(node.path, node.number, lines.clean(node.text).findings)
        elif isinstance(node, Block) and node.title:
            findings = HtmlFilter().clean(node.title).findings
            yield from _problems(node.path, node.number, findings)


def _front_matter(path: str, source: str) -> Iterator[Problem]:
    parts = split_front_matter(source)
    if parts is None:
        return
    try:
        doc = parse_yaml(parts[0], first_line=2)
    except YamlSyntaxError:
        return
    yield from _yaml(path, doc)


def _yaml(path: str, doc: YamlDocument) -> Iterator[Problem]:
    for key, text in _strings(doc.data, ()):
        findings = HtmlFilter().clean(text).findings
        yield from _problems(path, doc.line(key), findings)


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


def _problems(path: str, line: int, findings: tuple[Finding, ...]) -> Iterator[Problem]:
    for finding in findings:
        severity = Severity.ERROR if finding.dangerous else Severity.WARNING
        yield Problem(path, line, severity, finding.message)
