"""Read YAML and remember the line every value came from.

PyYAML builds plain Python data but forgets where each value was written. Authors
need line numbers in every message, so after PyYAML has parsed a document we walk
its node tree once and record the line of each key and list item under its path,
for example ``("sessions", 2, "minutes") -> 31``.

The work is bounded whatever the file holds. Anchors and aliases (``&name``,
``*name``) are refused before anything is expanded: authors need none, and a
few hundred bytes of nested aliases expand to gigabytes. Nesting deeper than
`MAX_DEPTH` is refused too, before it can exhaust Python's stack.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.composer import Composer

Path = tuple[str | int, ...]
MAX_DEPTH = 20
"""How deep lists and mappings may nest; the deepest curriculum file needs 6."""
ALIAS_REFUSED = (
    "this line uses a YAML anchor (&name) or alias (*name); coursebook files do not "
    "use them, so write the value out in full (or put it in quotes if the & or * "
    "is part of the text)"
)
TOO_DEEP = (
    f"the YAML here is nested more than {MAX_DEPTH} levels deep; coursebook files need "
    "far fewer, so check the indentation and the [ ] and { } brackets"
)


@dataclass
class YamlDocument:
    """Parsed YAML data with a map from each value's path to its line."""

    data: Any
    lines: dict[Path, int] = field(default_factory=dict)
    first_line: int = 1
    duplicates: list[tuple[str, int]] = field(default_factory=list)

    def line(self, path: Sequence[str | int]) -> int:
        """The line of `path`, or of its nearest parent that has one."""
        key = tuple(path)
        while key:
            if key in self.lines:
                return self.lines[key]
            key = key[:-1]
        return self.first_line


class YamlSyntaxError(Exception):
    """The text is not valid YAML. `line` is 1-based in the file."""

    def __init__(self, line: int, message: str) -> None:
        self.line = line
        self.message = message
        super().__init__(f"line {line}: {message}")


class _Refused(Exception):
    """YAML that coursebook will not compose, at a 0-based line of the text."""

    def __init__(self, line: int, message: str) -> None:
        self.line = line
        self.message = message
        super().__init__(message)


class _Bounded:
    """PyYAML's composer, refusing anchors, aliases and deep nesting as it goes.

    Nodes are composed in Python from the parser's events for both loaders (the
    libyaml loader's own composer cannot be bounded), so each event is seen
    before anything is built from it.
    """

    get_single_node = Composer.get_single_node
    compose_document = Composer.compose_document
    compose_scalar_node = Composer.compose_scalar_node
    compose_sequence_node = Composer.compose_sequence_node
    compose_mapping_node = Composer.compose_mapping_node
    depth = 0

    def compose_node(self, parent: yaml.Node | None, index: object) -> yaml.Node | None:
        event = self.peek_event()  # type: ignore[attr-defined]
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            raise _Refused(event.start_mark.line, ALIAS_REFUSED)
        if self.depth >= MAX_DEPTH:
            raise _Refused(event.start_mark.line, TOO_DEEP)
        self.depth += 1
        try:
            node: yaml.Node | None = Composer.compose_node(self, parent, index)  # type: ignore[arg-type]
        finally:
            self.depth -= 1
        return node


class _Loader(_Bounded, yaml.SafeLoader):
    """PyYAML's safe loader, leaving dates as text for the schema to read.

    PyYAML turns `2026-13-01` into an exception with no line; the schema turns it
    into a message the author can act on.
    """


class _FastLoader(_Bounded, getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """The same through libyaml, many times faster, where PyYAML was built with it."""


_loader: type[Any]
for _loader in (_Loader, _FastLoader):
    _loader.yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }


def parse_yaml(text: str, first_line: int = 1) -> YamlDocument:
    """Parse one YAML document. `first_line` is the file line the text starts on."""
    try:
        node, data = _compose(_FastLoader, text)
    except _Refused as exc:
        raise YamlSyntaxError(first_line + exc.line, exc.message) from None
    except (yaml.YAMLError, ValueError, TypeError):
        # Read it again with the pure-Python reader, whose messages _explain knows.
        node, data = _parse_or_explain(text, first_line)
    doc = YamlDocument(data=data, first_line=first_line)
    if node is not None:
        _record(node, (), doc, first_line - 1)
    return doc


def _compose(loader_class: type[Any], text: str) -> tuple[yaml.Node | None, Any]:
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        return node, loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()


def _parse_or_explain(text: str, first_line: int) -> tuple[yaml.Node | None, Any]:
    try:
        return _compose(_Loader, text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = first_line + (mark.line if mark else 0)
        raise YamlSyntaxError(line, _explain(exc)) from None
    except _Refused as exc:
        raise YamlSyntaxError(first_line + exc.line, exc.message) from None
    except (yaml.YAMLError, ValueError, TypeError) as exc:
        raise YamlSyntaxError(first_line, f"this is not valid YAML ({exc})") from None


def _record(node: yaml.Node, path: Path, doc: YamlDocument, offset: int) -> None:
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = str(key_node.value)
            line = key_node.start_mark.line + 1 + offset
            if key in seen:
                doc.duplicates.append((key, line))
            seen.add(key)
            doc.lines[(*path, key)] = line
            _record(value_node, (*path, key), doc, offset)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            doc.lines[(*path, index)] = item.start_mark.line + 1 + offset
            _record(item, (*path, index), doc, offset)


def _explain(exc: yaml.MarkedYAMLError) -> str:
    problem = (exc.problem or "").strip()
    if "mapping values are not allowed" in problem:
        return (
            "the YAML reader did not expect a colon here; check that this line is indented "
            "like the lines around it, and if the value contains a colon, put the whole "
            'value in double quotes ("...")'
        )
    if "found character '\\t'" in problem:
        return "this line is indented with a tab; use spaces instead"
    if "expected <block end>" in problem or "did not find expected" in problem:
        return (
            "the indentation here does not line up with the lines above; "
            "check that items at the same level start in the same column"
        )
    if "could not find expected ':'" in problem:
        return 'a line here is missing the ":" between a name and its value'
    return f"this is not valid YAML ({problem}); check the indentation and quotes"
