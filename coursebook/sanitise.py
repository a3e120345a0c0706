"""The allow-list every published page passes through, and what it takes out.

Curriculum text comes from pull requests, so it is cleaned where it is read: the
HTML that Python-Markdown makes of a page (with the one dialect of
`coursebook.markdown`) goes through `clean`, an nh3 (ammonia) sanitiser that
keeps only the elements, attributes, address schemes and inline style
properties listed here. The site does this for every page, the PDFs for every
module, and `coursebook check` runs the same cleaner to tell the author what
would be taken out (`removals`).

`audit_page` is the last guard: it reads a finished page as a browser would
(theme and all) and names anything that could run script, so that a theme
override or an engine that skipped the cleaner fails the build instead of
publishing it.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

import nh3

CONTENT_TAGS = frozenset(
    {
        "a", "abbr", "b", "bdi", "bdo", "blockquote", "br", "caption", "cite", "code", "col",
        "colgroup", "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption",
        "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "input", "ins", "kbd",
        "label", "li", "mark", "nav", "ol", "p", "pre", "q", "s", "samp", "small", "span",
        "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead",
        "time", "tr", "u", "ul", "var", "wbr",
        # Charts on the report page: shapes and text only, no links, no script.
        "svg", "g", "rect", "line", "circle", "path", "polyline", "text", "tspan", "title",
        "desc",
    }
)
"""Elements a page's content may hold: what the Markdown dialect and coursebook's page
writers make. Anything else is taken out and its text kept."""

DROPPED_WITH_CONTENT = frozenset(
    {"script", "style", "template", "iframe", "object", "embed", "noscript", "textarea",
     "select", "math", "xmp", "noembed", "noframes"}
)
"""Elements taken out together with everything inside them."""

CONTENT_ATTRIBUTES: dict[str, set[str]] = {
    "*": {"class", "id", "title", "lang", "dir", "aria-label", "aria-hidden", "role"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height", "loading"},
    "input": {"type", "checked", "disabled"},
    "td": {"colspan", "rowspan", "style", "align"},
    "th": {"colspan", "rowspan", "scope", "style", "align"},
    "ol": {"start", "type"},
    "details": {"open"},
    "time": {"datetime"},
    "abbr": {"title"},
    "span": {"style"},
    "svg": {"viewBox", "width", "height", "xmlns", "aria-labelledby", "style",
            "preserveAspectRatio", "focusable"},
    "rect": {"x", "y", "width", "height", "rx", "ry", "fill", "stroke", "stroke-width"},
    "line": {"x1", "x2", "y1", "y2", "stroke", "stroke-width", "stroke-dasharray"},
    "circle": {"cx", "cy", "r", "fill", "stroke", "stroke-width"},
    "path": {"d", "fill", "stroke", "stroke-width"},
    "polyline": {"points", "fill", "stroke", "stroke-width"},
    "text": {"x", "y", "dx", "dy", "font-family", "font-size", "font-weight", "text-anchor",
             "fill"},
    "tspan": {"x", "y", "dx", "dy", "font-weight", "fill"},
    "g": {"fill", "stroke", "transform"},
}
"""Attributes each element may keep. No event handlers, no `style` except the few
that tables and charts need (and only the properties in `STYLE_PROPERTIES`)."""

STYLE_PROPERTIES = frozenset({"text-align", "width"})
LINK_SCHEMES = frozenset({"http", "https", "mailto", "tel"})

_EVERY_ELEMENT = frozenset(
    {
        "html", "head", "body", "base", "link", "meta", "style", "title", "script", "noscript",
        "template", "slot", "iframe", "frame", "frameset", "object", "embed", "param", "applet",
        "form", "input", "button", "select", "option", "optgroup", "textarea", "output",
        "fieldset", "legend", "datalist", "meter", "progress", "dialog", "menu", "portal",
        "audio", "video", "source", "track", "picture", "canvas", "map", "area", "math",
        "svg", "foreignObject", "use", "image", "animate", "set", "animateMotion",
        "animateTransform", "marquee", "blink", "xmp", "plaintext", "listing", "noembed",
        "noframes", "center", "font", "big", "tt", "strike", "header", "footer", "main",
        "section", "article", "aside", "address", "hgroup", "search", "data", "ruby", "rt", "rp",
    }
) | CONTENT_TAGS
"""Every element worth naming when it is taken out (the probe pass keeps these)."""

_PROBE_SCHEMES = frozenset(
    {"http", "https", "mailto", "tel", "javascript", "vbscript", "livescript", "data", "file",
     "ftp", "blob", "filesystem", "ws", "wss"}
)
_URL_ATTRIBUTES = frozenset(
    {"href", "src", "action", "formaction", "xlink:href", "poster", "background", "srcset",
     "data", "codebase", "cite", "ping", "lowsrc", "dynsrc"}
)
_START_TAG = re.compile(r'<([A-Za-z][A-Za-z0-9:-]*)((?:\s+[^\s="\'<>/]+(?:="[^"]*")?)*)\s*/?>')
_ATTRIBUTE = re.compile(r'([^\s="\'<>/]+)(?:="([^"]*)")?')
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):", re.IGNORECASE)
_NOT_IN_ADDRESS = re.compile(r"[\x00-\x20\x7f]+")


@dataclass(frozen=True, order=True)
class Removal:
    """One thing the sanitiser took out of a page, in words an author understands."""

    what: str
    needle: str
    dangerous: bool
    fix: str = "delete it"

    def message(self) -> str:
        """The sentence `coursebook check` prints for it."""
        reason = (
            "because it could run code in a reader's browser"
            if self.dangerous
            else "because published pages do not use it"
        )
        return f"{self.what} is taken out of the published page, {reason}; {self.fix}"


def _keep_attribute(element: str, attribute: str, value: str) -> str | None:
    """Drop addresses with a scheme outside `LINK_SCHEMES`, and ids Material uses itself."""
    if attribute == "id" and value.startswith("__"):
        return None
    if attribute in ("href", "src") and address_scheme(value) not in (None, *LINK_SCHEMES):
        return None
    return value


@cache
def _cleaner() -> nh3.Cleaner:
    return nh3.Cleaner(
        tags=set(CONTENT_TAGS),
        clean_content_tags=set(DROPPED_WITH_CONTENT),
        attributes={key: set(value) for key, value in CONTENT_ATTRIBUTES.items()},
        attribute_filter=_keep_attribute,
        url_schemes=set(LINK_SCHEMES),
        link_rel=None,
        strip_comments=True,
        filter_style_properties=set(STYLE_PROPERTIES),
    )


@cache
def _probe() -> nh3.Cleaner:
    """A cleaner that keeps nearly everything, so that what `clean` drops can be named."""
    return nh3.Cleaner(
        tags=set(_EVERY_ELEMENT),
        clean_content_tags=set(),
        attributes={},
        generic_attribute_prefixes={""},
        url_schemes=set(_PROBE_SCHEMES),
        link_rel=None,
        strip_comments=True,
    )


def clean(page_html: str) -> str:
    """`page_html` with everything outside the allow-list taken out."""
    return str(_cleaner().clean(page_html))


def address_scheme(address: str) -> str | None:
    """The scheme of an address as a browser reads it (`jav\\tascript:` is `javascript`)."""
    match = _SCHEME.match(_NOT_IN_ADDRESS.sub("", html.unescape(address)))
    return match.group(1).lower() if match else None


def removals(page_html: str) -> list[Removal]:
    """What `clean` takes out of `page_html`, every time it occurs, in document order."""
    return [
        removal
        for element, attributes in _start_tags(_probe().clean(page_html))
        for removal in _element_removals(element, attributes)
    ]


def _start_tags(serialised: str) -> Iterator[tuple[str, list[tuple[str, str]]]]:
    """Start tags of nh3's own output, which is well formed, so a plain pattern reads it."""
    for match in _START_TAG.finditer(serialised):
        attributes = [(a.group(1), html.unescape(a.group(2) or ""))
                      for a in _ATTRIBUTE.finditer(match.group(2))]
        yield match.group(1), attributes


def _element_removals(element: str, attributes: list[tuple[str, str]]) -> Iterator[Removal]:
    name = element.lower()
    if element not in CONTENT_TAGS:
        yield _element_removal(name, attributes)
        return
    allowed = CONTENT_ATTRIBUTES["*"] | CONTENT_ATTRIBUTES.get(element, set())
    for key, value in attributes:
        lowered = key.lower()
        if lowered.startswith("on"):
            yield Removal(f'the event handler {lowered}="..." on <{name}>', lowered, True,
                          f"delete {lowered}=... from the tag")
        elif key not in allowed:
            yield Removal(f'the attribute {lowered}="..." on <{name}>', lowered,
                          lowered in _URL_ATTRIBUTES,
                          f"delete {lowered}=... from the tag or the {{: }} list")
        elif lowered in _URL_ATTRIBUTES and address_scheme(value) not in (None, *LINK_SCHEMES):
            scheme = address_scheme(value) or ""
            yield Removal(f"the address {scheme}:... in a link", scheme, True,
                          "link to a web page (https://...) or a file in curriculum/assets/")
        elif lowered == "style":
            yield from _style_removals(name, value)
        elif lowered == "id" and value.startswith("__"):
            yield Removal(f'the id "{value}"', value, False,
                          "choose an id that does not start with __ (the theme uses those)")


def _element_removal(name: str, attributes: list[tuple[str, str]]) -> Removal:
    if name in ("iframe", "frame", "object", "embed", "applet", "portal"):
        return Removal(f"the HTML element <{name}>", f"<{name}", True,
                       "delete it and write a link instead: [what it is](https://...)")
    if name in DROPPED_WITH_CONTENT:
        return Removal(f"the HTML element <{name}> and everything inside it", f"<{name}", True,
                       f"delete it and everything up to </{name}>")
    if name in _ACTIVE or _has_handler(attributes):
        return Removal(f"the HTML element <{name}>", f"<{name}", True, "delete it")
    return Removal(f"the HTML element <{name}> (its text stays)", f"<{name}", False,
                   "write it in Markdown instead, or delete the tag")


_ACTIVE = frozenset(
    {"base", "link", "meta", "form", "button", "frame", "frameset", "applet", "svg", "use",
     "image", "animate", "set", "foreignObject", "portal", "dialog"}
)


def _has_handler(attributes: Iterable[tuple[str, str]]) -> bool:
    return any(key.lower().startswith("on") for key, _ in attributes)


def _style_removals(element: str, style: str) -> Iterator[Removal]:
    for declaration in style.split(";"):
        prop = declaration.split(":", 1)[0].strip().lower()
        if prop and prop not in STYLE_PROPERTIES:
            yield Removal(f"the style {prop}: on <{element}>", prop, False,
                          "delete the style; the theme sets how pages look")


def plain_text(page_html: str) -> str:
    """The words of `page_html`, as a reader sees them, with runs of spaces made one."""
    text = html.unescape(str(nh3.clean(page_html, tags=set(), clean_content_tags={
        "script", "style", "template"})))
    return " ".join(text.split())


_ENTITY_LIKE = re.compile(r"&(?=#?[A-Za-z0-9]+;?)")


def escape_text(text: str) -> str:
    """Plain text made safe wherever a theme prints it raw (titles, navigation, footers).

    `<`, `>` and `"` become entities; an `&` only where it would start one, so that
    "Carers & families" stays readable in the places a theme escapes again.
    """
    text = _ENTITY_LIKE.sub("&amp;", text)
    return text.replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


THEME_SCRIPTS = (
    "__md_scope=", "var target=document.getElementById(location.hash",
    "var palette=__md_get(\"__palette\")",
)
"""How each of Material's own inline scripts starts; any other inline script fails the audit."""

_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.DOTALL)
_TITLE = re.compile(r"<title>(.*?)</title>", re.DOTALL)


def audit_page(page: str) -> list[str]:
    """What in a finished page (theme included) could run script, in plain words."""
    serialised = str(_probe().clean(page))
    found: dict[str, None] = {}
    for element, attributes in _start_tags(serialised):
        for key, value in attributes:
            lowered = key.lower()
            if lowered.startswith("on"):
                found.setdefault(f'an event handler {lowered}="..." on <{element}>', None)
            elif lowered in _URL_ATTRIBUTES | {"srcdoc"} and _runs(value, lowered):
                found.setdefault(f"the address {shorten(value)} in {lowered}= on <{element}>",
                                 None)
        if element.lower() in ("iframe", "object", "embed", "base", "frame", "applet"):
            found.setdefault(f"the element <{element.lower()}>", None)
    for match in _SCRIPT.finditer(serialised):
        script = dict(next(_start_tags(f"<script{match.group(1)}>"))[1])
        if "src" in script:
            if address_scheme(script["src"]) or script["src"].startswith("//"):
                found.setdefault(f"a script from {shorten(script['src'])}", None)
        elif script.get("type") != "application/json" and not match.group(2).lstrip(
        ).startswith(THEME_SCRIPTS):
            found.setdefault(f"an inline script starting {shorten(match.group(2).strip())}",
                             None)
    for match in _TITLE.finditer(page):
        if "<" in match.group(1):
            found.setdefault(f"markup in the page title: {shorten(match.group(1))}", None)
    return list(found)


def _runs(value: str, attribute: str) -> bool:
    if attribute == "srcdoc":
        return True
    scheme = address_scheme(value)
    if scheme == "data":
        return not html.unescape(value).strip().lower().startswith("data:image/")
    return scheme in ("javascript", "vbscript", "livescript")


def shorten(text: str, limit: int = 40) -> str:
    """Text from a file for a message: control characters and runs of spaces made one
    space, and cut to `limit` characters."""
    clean = " ".join("".join(c if c.isprintable() else " " for c in text).split())
    return clean if len(clean) <= limit else clean[: limit - 1] + "\u2026"
