"""Keep raw HTML and link addresses in the curriculum to a short, safe list.

Markdown lets raw HTML through to the page, and the people who edit a
curriculum are not all trusted. So every assembled line passes through
`HtmlFilter.clean`, which:

- keeps the inline tags in `SAFE_TAGS`, with only the attributes in
  `SAFE_ATTRIBUTES` (nh3 cleans each tag);
- removes `<script>`, `<style>`, `<iframe>` and the other tags in `DROP_CONTENT`
  together with everything inside them, even across lines;
- removes every other tag but keeps the text around it, and removes comments;
- replaces `javascript:`, `data:` and other unsafe addresses in Markdown links,
  images and reference definitions with `#`;
- removes event handlers (`onclick=...`) and addresses from `{: ... }`
  attribute lists (the `attr_list` extension would otherwise set them).

This happens inside code too: a curriculum has no need to show HTML, and a fence
the site reads differently from the assembler must not let a script through.
Each change comes back as a `Finding`, which `coursebook check` reports with the
file and line; the assembler uses only the cleaned text.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

import nh3

from coursebook.schema import ModuleMeta

SAFE_TAGS = frozenset(
    {
        "abbr", "b", "bdi", "bdo", "br", "cite", "code", "del", "details", "dfn", "em",
        "i", "ins", "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub",
        "summary", "sup", "time", "u", "var", "wbr",
    }
)
SAFE_ATTRIBUTES = {"*": {"title", "lang", "dir"}, "time": {"datetime"}, "details": {"open"}}
SAFE_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
CODE_SCHEMES = frozenset({"javascript", "vbscript", "livescript"})
DROP_CONTENT = frozenset(
    {
        "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet",
        "noscript", "noembed", "noframes", "template", "svg", "math", "textarea",
        "title", "xmp", "select", "plaintext",
    }
)
DANGEROUS_TAGS = DROP_CONTENT | {"base", "meta", "link", "form", "input", "button"}
RISKY_ATTRIBUTE_KEYS = frozenset(
    {
        "style", "href", "src", "srcset", "srcdoc", "action", "formaction", "poster",
        "background", "data", "codebase", "cite", "xlink:href", "xmlns",
    }
)

_TOKEN = re.compile(
    r"(?P<comment><!--)"
    r"|(?P<declaration><[!?])"
    r"|(?P<autolink><(?:https?|ftp|mailto):[^\s<>\"'`]*>|<[^\s<>\"'`@!]+@[^\s<>\"'`@]+>)"
    r"|(?P<tag></?[A-Za-z])"
    r"|(?P<link>\]\()"
)
_TAG = re.compile(
    r"<(?P<close>/?)(?P<name>[A-Za-z][^\s/>]*)(?P<attrs>(?:[^>\"']|\"[^\"]*\"|'[^']*')*)>"
)
_ATTRIBUTE = re.compile(
    r"(?P<key>[^\s\"'>/=]+)(?:\s*=\s*(?P<value>\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+))?"
)
_REFERENCE = re.compile(r"^(?P<lead>\s*\[[^\]]+\]:\s*)(?P<dest><[^>]*>|\S+)")
_ATTR_LIST_START = re.compile(r"\{:?[ ]*")
_ATTR_LIST_TOKEN = re.compile(r"[^ =}]+=\".*?\"|[^ =}]+='.*?'|[^ =}]+=[^ =}]+|[^ =}]+| ")
_MAYBE_UNSAFE = re.compile(r"<|\]\(|\]:|\{")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")
_INVISIBLE = re.compile(r"[\s\x00-\x1f\x7f\\]+")


@dataclass(frozen=True)
class Finding:
    """Something unsafe or not allowed that was taken out of a line, and how to fix it."""

    message: str
    dangerous: bool


@dataclass(frozen=True)
class Cleaned:
    """A line as it may be published, and what was taken out of it."""

    text: str
    findings: tuple[Finding, ...] = ()


@dataclass
class HtmlFilter:
    """Cleans the lines of one document in order, remembering HTML that spans lines.

    `<script>` on one line and `</script>` three lines later: the lines between
    are dropped too. Use one filter per module or snippet, lines in written order.
    """

    _until: re.Pattern[str] | None = field(default=None, init=False)
    _then_drop: str | None = field(default=None, init=False)
    _findings: list[Finding] = field(default_factory=list, init=False)

    def clean(self, text: str) -> Cleaned:
        """`text` with unsafe HTML and addresses taken out, and what was taken out."""
        if self._until is None and not _MAYBE_UNSAFE.search(text):
            return Cleaned(text)
        self._findings = []
        out: list[str] = []
        position = self._resume(text, 0)
        if position < len(text):
            position = self._reference(text, position, out)
        while position < len(text):
            match = _TOKEN.search(text, position)
            if match is None:
                out.append(text[position:])
                break
            out.append(text[position : match.start()])
            position = self._token(text, match, out)
        cleaned = _attribute_lists("".join(out), self._findings)
        return Cleaned(cleaned, tuple(self._findings))

    def _resume(self, text: str, position: int) -> int:
        """Skip what is left of a comment, tag or dropped element from earlier lines."""
        while self._until is not None:
            end = self._until.search(text, position)
            if end is None:
                return len(text)
            position = end.end()
            self._until = None
            if self._then_drop is not None:
                self._until = _closing(self._then_drop)
                self._then_drop = None
        return position

    def _token(self, text: str, match: re.Match[str], out: list[str]) -> int:
        kind = match.lastgroup
        start = match.start()
        if kind == "autolink":
            out.append(match.group())
            return match.end()
        if kind == "link":
            out.append(match.group())
            return self._destination(text, match.end(), out, image=_is_image(text, start))
        if kind == "comment":
            self._until = re.compile(r"--!?>")
            return self._resume(text, start + 4)
        if kind == "declaration":
            self._until = re.compile(r">")
            return self._resume(text, start + 2)
        tag = _TAG.match(text, start)
        if tag is None:
            return self._unfinished_tag(text, start)
        return self._tag(text, tag, out)

    def _tag(self, text: str, tag: re.Match[str], out: list[str]) -> int:
        name = tag.group("name").lower()
        closing = bool(tag.group("close"))
        if closing:
            if name in SAFE_TAGS:
                out.append(f"</{name}>")
            return tag.end()
        attributes = _attributes(tag.group("attrs"))
        if name in SAFE_TAGS:
            self._findings.extend(_attribute_findings(name, attributes))
            out.append(_safe_start_tag(tag.group()))
            return tag.end()
        self._findings.append(_tag_finding(name, attributes))
        if name in DROP_CONTENT:
            self._until = _closing(name)
            return self._resume(text, tag.end())
        return tag.end()

    def _unfinished_tag(self, text: str, start: int) -> int:
        """A tag with no `>` on this line: drop to the end of the tag on a later line."""
        name_match = re.match(r"</?([A-Za-z][^\s/>]*)", text[start:])
        name = name_match.group(1).lower() if name_match else ""
        self._findings.append(
            Finding(
                f"the HTML tag <{name}> goes on past the end of the line, so the rest of the "
                "line was left out; write HTML on one line, or use Markdown instead",
                name in DANGEROUS_TAGS,
            )
        )
        self._until = re.compile(r">")
        if name in DROP_CONTENT and not text[start + 1 :].startswith("/"):
            self._then_drop = name
        return len(text)

    def _reference(self, text: str, position: int, out: list[str]) -> int:
        """A reference definition, `[name]: address`, at the start of the line."""
        match = _REFERENCE.match(text, position)
        if match is None:
            return position
        out.append(match.group("lead"))
        dest = match.group("dest")
        inner = dest[1:-1] if dest.startswith("<") else dest
        safe = self._address(inner, image=False)
        out.append(f"<{safe}>" if dest.startswith("<") else safe)
        return match.end()

    def _destination(self, text: str, position: int, out: list[str], image: bool) -> int:
        """The address of a Markdown link or image that starts at `position`."""
        start, end = _destination_span(text, position)
        out.append(text[position:start])
        out.append(self._address(text[start:end], image))
        return end

    def _address(self, address: str, image: bool) -> str:
        problem = unsafe_address(address)
        if problem is None:
            return address
        what = "picture" if image else "link"
        shown = _shorten(address)
        if problem == "data":
            message = (
                f'the {what} uses a "data:" address ("{shown}"), so it was replaced with #; '
                + (
                    "save the picture in curriculum/assets/ and write "
                    "![what it shows](../assets/NAME.svg)"
                    if image
                    else "link to a web address that starts with https://"
                )
            )
        elif problem in CODE_SCHEMES:
            message = (
                f'the {what} goes to "{shown}", which would run a program in the reader\'s '
                "browser, so it was replaced with #; link to a web address that starts with "
                "https://, or to a module file such as action-planning.md"
            )
        else:
            message = (
                f'the {what} goes to "{shown}", an address that is not allowed, so it was '
                "replaced with #; use an address that starts with https://, mailto: or tel:"
            )
        self._findings.append(Finding(message, problem != "other"))
        return "#"


def unsafe_address(address: str) -> str | None:
    """None for a safe address; else `data`, the code scheme (`javascript`), or `other`.

    Browsers ignore spaces, control characters and character references inside
    a scheme (`jav&#x61;script:`), and Markdown drops backslashes, so all of
    those are taken out before the scheme is read.
    """
    plain = _INVISIBLE.sub("", html.unescape(address)).lower()
    scheme = _SCHEME.match(plain)
    if scheme is None or scheme.group(1) in SAFE_SCHEMES:
        return None
    name = scheme.group(1)
    if name == "data" or name in CODE_SCHEMES:
        return name
    return "other"


def _runs_code(key: str, value: str) -> bool:
    """Whether an attribute holds an address that runs code or smuggles content in."""
    return key in RISKY_ATTRIBUTE_KEYS and unsafe_address(value) not in (None, "other")


def _closing(name: str) -> re.Pattern[str]:
    return re.compile(rf"</{re.escape(name)}[^>]*>", re.IGNORECASE)


def _is_image(text: str, link_start: int) -> bool:
    """Whether the `](` at `link_start` closes `![alt]` rather than `[text]`."""
    depth = 0
    for index in range(link_start - 1, -1, -1):
        char = text[index]
        if char == "]":
            depth += 1
        elif char == "[":
            if depth == 0:
                return index > 0 and text[index - 1] == "!"
            depth -= 1
    return False


def _destination_span(text: str, position: int) -> tuple[int, int]:
    """Where a link's address starts and ends, as Markdown reads it."""
    start = position
    while start < len(text) and text[start] in " \t":
        start += 1
    if text.startswith("<", start):
        end = text.find(">", start)
        return (start + 1, end) if end != -1 else (start, start)
    depth = 0
    end = start
    while end < len(text):
        char = text[end]
        if char == "\\" and end + 1 < len(text):
            end += 2
            continue
        if char.isspace():
            break
        if char == "(":
            depth += 1
        elif char == ")":
            if depth == 0:
                break
            depth -= 1
        end += 1
    return start, end


def _attributes(text: str) -> list[tuple[str, str]]:
    """The attributes of a tag as (lower-case name, value without quotes)."""
    found = []
    for match in _ATTRIBUTE.finditer(text):
        value = match.group("value") or ""
        if value[:1] in ("'", '"'):
            value = value[1:-1]
        found.append((match.group("key").lower(), value))
    return found


def _attribute_findings(tag: str, attributes: list[tuple[str, str]]) -> list[Finding]:
    """What cleaning removes from a safe tag, one finding per attribute."""
    allowed = SAFE_ATTRIBUTES["*"] | SAFE_ATTRIBUTES.get(tag, set())
    findings = []
    for key, value in attributes:
        if key.startswith("on"):
            findings.append(_handler_finding(key))
        elif key in allowed:
            continue
        elif _runs_code(key, value):
            findings.append(
                Finding(
                    f'the address "{_shorten(value)}" in <{tag}> would run a program or hide '
                    f"content, so it was removed; delete {key}=... from the tag",
                    True,
                )
            )
        else:
            findings.append(
                Finding(
                    f"the attribute {key} is not allowed on <{tag}>, so it was removed; "
                    f"delete it (allowed: {', '.join(sorted(allowed))})",
                    False,
                )
            )
    return findings


def _handler_finding(key: str) -> Finding:
    return Finding(
        f"the attribute {key} would run a program in the reader's browser, so it was "
        f"removed; delete {key}=... from the line",
        True,
    )


_REASONS = {
    "script": (
        "it would run a program in the reader's browser",
        "delete it and everything up to </script>",
    ),
    "style": (
        "it would change how the pages look",
        "delete it and everything up to </style> (the site and PDFs set the styles)",
    ),
    "iframe": (
        "it would show another website inside the page",
        "delete it and write a link instead: [what it is](https://...)",
    ),
    "svg": (
        "it would draw a picture from code",
        "save the picture as a file in curriculum/assets/ and write "
        "![what it shows](../assets/NAME.svg)",
    ),
}
_SAME_REASON = {
    "frame": "iframe", "frameset": "iframe", "object": "iframe", "embed": "iframe",
    "applet": "iframe", "math": "svg",
}
_MARKDOWN_INSTEAD = {
    "a": "write links in Markdown instead: [where it goes](https://...)",
    "img": "write pictures in Markdown instead: ![what it shows](../assets/NAME.svg)",
    "table": "write tables in Markdown instead, with a header row and a line like |---|---|",
}


def _tag_finding(name: str, attributes: list[tuple[str, str]]) -> Finding:
    """The finding for a tag that is not on the safe list."""
    if name in DANGEROUS_TAGS:
        reason, fix = _REASONS.get(
            _SAME_REASON.get(name, name), ("it is not allowed in a course page", "delete it")
        )
        return Finding(f"the HTML tag <{name}> was removed because {reason}; {fix}", True)
    fix = _MARKDOWN_INSTEAD.get(
        name, "use Markdown instead, or one of these tags: " + ", ".join(sorted(SAFE_TAGS))
    )
    handlers = [key for key, _ in attributes if key.startswith("on")]
    if handlers:
        return Finding(
            f"the HTML tag <{name}> was removed because its {handlers[0]} would run a program "
            f"in the reader's browser; {fix}",
            True,
        )
    return Finding(
        f"the HTML tag <{name}> is not allowed, so it was left out (the text around it "
        f"stays); {fix}",
        any(_runs_code(key, value) for key, value in attributes),
    )


def _safe_start_tag(tag: str) -> str:
    """An allowed start tag with only its allowed attributes, cleaned by nh3."""
    cleaned = nh3.clean(
        tag,
        tags=set(SAFE_TAGS),
        attributes={key: set(values) for key, values in SAFE_ATTRIBUTES.items()},
        url_schemes=set(SAFE_SCHEMES),
        link_rel=None,
        strip_comments=True,
    )
    closing = re.search(r"</[a-z]+>$", cleaned)
    return cleaned[: closing.start()] if closing else cleaned


def _attribute_lists(text: str, findings: list[Finding]) -> str:
    """`text` with risky settings taken out of `{: ... }` attribute lists."""
    remove: set[tuple[int, int]] = set()
    for brace in _ATTR_LIST_START.finditer(text):
        position = brace.end()
        while position < len(text):
            token = _ATTR_LIST_TOKEN.match(text, position)
            if token is None or token.end() == position:
                break
            key, _, value = token.group().partition("=")
            if _risky_setting(key.lower(), value.strip("\"'"), findings):
                remove.add(token.span())
            position = token.end()
    for start, end in sorted(remove, reverse=True):
        text = text[:start] + text[end:]
    return text


def _risky_setting(key: str, value: str, findings: list[Finding]) -> bool:
    if not value:
        return False
    if key.startswith("on"):
        findings.append(_handler_finding(key))
        return True
    if key in RISKY_ATTRIBUTE_KEYS:
        dangerous = _runs_code(key, value)
        findings.append(
            Finding(
                f"the attribute list sets {key}, which is not allowed, so it was removed; "
                f"delete {key}=... from the {{ }}",
                dangerous,
            )
        )
        return True
    return False


def _shorten(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def clean_text(text: str) -> str:
    """One piece of text (a title, a list item from YAML) with unsafe HTML taken out."""
    return HtmlFilter().clean(text).text


def clean_meta(meta: ModuleMeta) -> ModuleMeta:
    """Front matter with HTML taken out of every text a page or PDF shows."""
    return meta.model_copy(
        update={
            "title": clean_text(meta.title),
            "summary": clean_text(meta.summary),
            "objectives": [clean_text(text) for text in meta.objectives],
            "authors": [clean_text(text) for text in meta.authors],
            "co_produced_with": [clean_text(text) for text in meta.co_produced_with],
            "sources": [
                source.model_copy(
                    update={
                        "title": clean_text(source.title),
                        "publisher": source.publisher and clean_text(source.publisher),
                    }
                )
                for source in meta.sources
            ],
        }
    )
