"""Parse the fenced blocks authors write in modules into a tree.

A block opens with a line of three or more colons and a name, and closes with a
line of colons alone::

    ::: facilitator
    Check everyone has a chair.
    :::

Blocks nest; a closing line closes the innermost open block. Lines inside fenced
code (``` or ~~~) are never blocks. The parser never raises: it returns the tree it
could build and a problem, with its line, for everything it could not read.

Its work is linear in the text, and the tree it returns is shallow: blocks
nested more than `MAX_BLOCK_DEPTH` deep, and lines whose quotes, lists and
indentation nest more than `MAX_LINE_NESTING` deep, are errors, so that no
later stage (Markdown, the HTML filter, WeasyPrint) recurses without bound.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field

from coursebook.errors import Problem, Severity
from coursebook.schema import slugify

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
# No lazy group before \s*$: that is quadratic on a line of many spaces. The
# groups are stripped instead.
_BLOCK = re.compile(r"^ {0,3}(:{3,})(.*)$")
_SNIPPET = re.compile(r"^\s*\{\{\s*snippet\b(.*)\}\}\s*$")
_SNIPPET_INLINE = re.compile(r"\{\{\s*snippet\b")
_SNIPPET_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_TITLE = r'"(?P<title>[^"]+)"'
_ACTIVITY = re.compile(rf"^{_TITLE}\s+(?P<minutes>\S+)(?:\s+minutes?)?$")
_HANDOUT = re.compile(rf"^{_TITLE}$")
_OPTIONAL_TITLE = re.compile(rf"^(?:{_TITLE})?$")
_AUDIENCE_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_AUDIENCE_SEPARATOR = re.compile(r"[\s,]+")
_CONTAINER = re.compile(r"[ \t]*(?:>|(?:[-*+]|[0-9]{1,9}[.)])(?=[ \t]))")
MAX_ACTIVITY_MINUTES = 240
MAX_BLOCK_DEPTH = 10
"""How many blocks may be open at once; real modules need three or four."""
MAX_LINE_NESTING = 10
"""How deep one line's quotes (>), list markers and indentation (per 4 columns) may nest."""


class Kind(enum.Enum):
    """The kinds of block, each with what it does to the text inside it."""

    FACILITATOR = "facilitator"
    PARTICIPANT = "participant"
    RISK = "risk"
    ONLY = "only"
    EXCEPT = "except"
    OPTIONAL = "optional"
    ACTIVITY = "activity"
    HANDOUT = "handout"

    @property
    def is_edition(self) -> bool:
        """Shown in one edition only."""
        return self in (Kind.FACILITATOR, Kind.PARTICIPANT, Kind.RISK)

    @property
    def is_audience(self) -> bool:
        """Shown to some audiences only."""
        return self in (Kind.ONLY, Kind.EXCEPT)

    @property
    def is_boxed(self) -> bool:
        """Drawn as a box with a title, rather than plain text."""
        return self in (Kind.FACILITATOR, Kind.RISK, Kind.ACTIVITY, Kind.HANDOUT)


USAGE = {
    Kind.FACILITATOR: "::: facilitator",
    Kind.PARTICIPANT: "::: participant",
    Kind.RISK: "::: risk",
    Kind.ONLY: "::: only carers, secondary-care",
    Kind.EXCEPT: "::: except secondary-care",
    Kind.OPTIONAL: "::: optional",
    Kind.ACTIVITY: '::: activity "Body scan" 15',
    Kind.HANDOUT: '::: handout "My action plan"',
}


@dataclass(frozen=True)
class Line:
    """One line of Markdown, with where it was written."""

    text: str
    number: int
    path: str
    in_code: bool = False


@dataclass(frozen=True)
class SnippetRef:
    """A `{{ snippet name }}` line: the named file from `curriculum/snippets/`."""

    name: str
    number: int
    path: str


@dataclass(frozen=True)
class Block:
    """A fenced block and what is inside it."""

    kind: Kind
    number: int
    path: str
    children: tuple[Node, ...] = ()
    title: str | None = None
    minutes: int = 0
    audiences: tuple[str, ...] = ()

    @property
    def slug(self) -> str:
        return slugify(self.title or self.kind.value)


Node = Line | SnippetRef | Block


@dataclass
class _Open:
    kind: Kind | None
    number: int
    args: dict[str, object]
    children: list[Node] = field(default_factory=list)


def parse_blocks(
    text: str, path: str, first_line: int = 1
) -> tuple[tuple[Node, ...], list[Problem]]:
    """Parse `text` (a module body or snippet) written at `path` from `first_line`."""
    problems: list[Problem] = []
    root = _Open(None, first_line, {})
    stack = [root]
    fence: str | None = None
    too_deep = False
    for offset, text_line in enumerate(text.splitlines()):
        number = first_line + offset
        node: Node | None = None
        deep = fence is None and _nesting(text_line) > MAX_LINE_NESTING
        if deep and not too_deep:
            problems.append(_error(path, number, _line_too_deep()))
        too_deep = deep
        if fence is not None:
            node = Line(text_line, number, path, in_code=True)
            if text_line.strip().startswith(fence) and set(text_line.strip()) == {fence[0]}:
                fence = None
        elif fence_match := _FENCE.match(text_line):
            fence = fence_match.group(1)
            node = Line(text_line, number, path, in_code=True)
        elif block := _BLOCK.match(text_line):
            name_and_args = block.group(2).strip()
            if not name_and_args or set(name_and_args) == {":"}:
                if len(stack) == 1:
                    problems.append(_error(path, number, _stray_close()))
                else:
                    _close(stack, path)
                continue
            if len(stack) > MAX_BLOCK_DEPTH:
                if len(stack) == MAX_BLOCK_DEPTH + 1:
                    problems.append(_error(path, number, _blocks_too_deep()))
                stack.append(_Open(None, number, {}))
                continue
            stack.append(_open(name_and_args, number, path, problems))
            continue
        elif snippet := _SNIPPET.match(text_line):
            name = snippet.group(1).strip().strip("\"'")
            if _SNIPPET_NAME.match(name):
                node = SnippetRef(name, number, path)
            else:
                problems.append(_error(path, number, _bad_snippet_name(name)))
                continue
        else:
            if _SNIPPET_INLINE.search(text_line):
                problems.append(
                    _error(
                        path,
                        number,
                        "a snippet must be on a line of its own; move {{ snippet ... }} "
                        "to a new line",
                    )
                )
            node = Line(text_line, number, path)
        stack[-1].children.append(node)
    while len(stack) > 1:
        unclosed = stack[-1]
        label = unclosed.kind.value if unclosed.kind else "block"
        problems.append(
            _error(
                path,
                unclosed.number,
                f'the block "{label}" opened here is never closed; '
                "add a line with ::: where it should end",
            )
        )
        _close(stack, path)
    return tuple(root.children), problems


def _open(name_and_args: str, number: int, path: str, problems: list[Problem]) -> _Open:
    name, _, rest = name_and_args.partition(" ")
    rest = rest.strip()
    try:
        kind = Kind(name.strip().lower())
    except ValueError:
        known = ", ".join(k.value for k in Kind)
        problems.append(
            _error(path, number, f'"{name}" is not a kind of block; use one of: {known}')
        )
        return _Open(None, number, {})
    args = _arguments(kind, rest, path, number, problems)
    return _Open(kind, number, args)


def _arguments(
    kind: Kind, rest: str, path: str, number: int, problems: list[Problem]
) -> dict[str, object]:
    rest = rest.replace("\u201c", '"').replace("\u201d", '"')
    usage = f"write it like this: {USAGE[kind]}"
    if kind is Kind.ACTIVITY:
        match = _ACTIVITY.match(rest)
        if not match:
            problems.append(
                _error(
                    path, number, f"the activity needs a title in quotes and its minutes; {usage}"
                )
            )
            return {"title": rest.strip('"') or "Activity"}
        minutes_text = match.group("minutes")
        whole = minutes_text.isascii() and minutes_text.isdigit()
        minutes = int(minutes_text) if whole else 0
        if not 0 < minutes <= MAX_ACTIVITY_MINUTES:
            problems.append(
                _error(
                    path,
                    number,
                    f'the activity "{match.group("title")}" has "{minutes_text}" as its minutes; '
                    f"give a whole number of minutes from 1 to {MAX_ACTIVITY_MINUTES}",
                )
            )
            minutes = 0
        return {"title": match.group("title").strip(), "minutes": minutes}
    if kind is Kind.HANDOUT:
        match = _HANDOUT.match(rest)
        if not match:
            problems.append(_error(path, number, f"the handout needs a title in quotes; {usage}"))
            return {"title": rest.strip('"') or "Handout"}
        return {"title": match.group("title").strip()}
    if kind.is_audience:
        audiences = tuple(a for a in _AUDIENCE_SEPARATOR.split(rest) if a)
        bad = [a for a in audiences if not _AUDIENCE_ID.match(a)]
        if not audiences or bad:
            problems.append(_error(path, number, _bad_audiences(kind, bad, usage)))
            return {"audiences": ()}
        return {"audiences": audiences}
    match = _OPTIONAL_TITLE.match(rest)
    if not match:
        problems.append(
            _error(
                path,
                number,
                f'"{kind.value}" takes at most a title in quotes after it; {usage}',
            )
        )
        return {}
    return {"title": match.group("title")} if match.group("title") else {}


def _close(stack: list[_Open], path: str) -> None:
    done = stack.pop()
    if done.kind is None:
        stack[-1].children.extend(done.children)
        return
    block = Block(
        kind=done.kind,
        number=done.number,
        path=path,
        children=tuple(done.children),
        title=_str_or_none(done.args.get("title")),
        minutes=int(str(done.args.get("minutes", 0))),
        audiences=tuple(done.args.get("audiences", ())),  # type: ignore[arg-type]
    )
    stack[-1].children.append(block)


def _str_or_none(value: object) -> str | None:
    return None if value is None else str(value)


def _nesting(text: str) -> int:
    """How deep a line nests: its `>` and list markers, and its indentation in 4s."""
    indent = len(text) - len(text.lstrip(" \t"))
    depth, position = 0, 0
    while marker := _CONTAINER.match(text, position):
        depth += 1
        position = marker.end()
    return depth + text[:indent].expandtabs(4).count(" ") // 4


def _bad_audiences(kind: Kind, bad: list[str], usage: str) -> str:
    if not bad:
        return f'"{kind.value}" needs one or more audience ids after it; {usage}'
    return (
        f'"{bad[0]}" after "{kind.value}" is not an audience id; ids use lower-case letters, '
        f"digits and hyphens, separated by commas or spaces; {usage}"
    )


def _blocks_too_deep() -> str:
    return (
        f"this block is inside {MAX_BLOCK_DEPTH} other blocks, more than coursebook "
        "allows; close some of the blocks above with a ::: line before opening another"
    )


def _line_too_deep() -> str:
    return (
        f"this line nests quotes, lists or indentation more than {MAX_LINE_NESTING} deep, "
        "more than coursebook allows; take out some of the > marks, list markers or "
        "leading spaces"
    )


def _stray_close() -> str:
    return (
        "this ::: line closes a block, but no block is open here; "
        "delete it, or add the block's opening line above"
    )


def _bad_snippet_name(name: str) -> str:
    if "/" in name or "\\" in name or ".." in name:
        return (
            f'the snippet "{name}" points outside curriculum/snippets/; '
            "give just the snippet's name, such as {{ snippet urgent-help }}"
        )
    return (
        f'"{name}" is not a snippet name; names use lower-case letters, digits and hyphens, '
        "such as {{ snippet urgent-help }}"
    )


def _error(path: str, number: int, message: str) -> Problem:
    return Problem(path, number, Severity.ERROR, message)


def walk(nodes: tuple[Node, ...]) -> list[Node]:
    """Every node in the tree, depth first, in the order written."""
    found: list[Node] = []
    for node in nodes:
        found.append(node)
        if isinstance(node, Block):
            found.extend(walk(node.children))
    return found
