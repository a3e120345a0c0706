"""Module Markdown to the HTML a PDF prints: converted, cleaned and given unique ids.

Module text is untrusted: it comes from pull requests. After Python-Markdown
(with the site's extensions) the HTML is cleaned with nh3, so that no script,
style sheet, frame or inline style reaches WeasyPrint, and in the same pass:

- every `id` and `#fragment` is prefixed with the module's anchor, because one
  PDF holds many modules (and the same module more than once) and their heading
  ids would otherwise clash;
- links to other modules (`pain.md#flare-ups`) point to where that module is
  in this PDF, or are dropped when it is not in it; relative links to other
  files are dropped (they would print a path on the build machine);
- every picture's address is collected, with the line it was written on, so
  that `resources.check_images` can refuse unsafe or missing ones by name.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

import nh3

from coursebook.assemble.assemble import OutLine
from coursebook.markdown import markdown_to_html

TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup",
    "dd", "del", "details", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2",
    "h3", "h4", "h5", "h6", "hr", "i", "img", "input", "ins", "kbd", "label", "li", "mark",
    "ol", "p", "pre", "q", "s", "small", "span", "strong", "sub", "summary", "sup", "table",
    "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul",
}
ATTRIBUTES = {
    "*": {"class", "id", "title", "lang", "dir"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height"},
    "input": {"type", "checked", "disabled"},
    "td": {"colspan", "rowspan", "style"},
    "th": {"colspan", "rowspan", "scope", "style"},
    "ol": {"start"},
    "details": {"open"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel", "data", "file", "ftp"}
KEPT_LINK_SCHEMES = ("http", "https", "mailto", "tel")


@dataclass(frozen=True)
class Reference:
    """A picture's address as written in a module, and where it was written."""

    url: str
    path: str
    line: int


@dataclass(frozen=True)
class Content:
    """The cleaned HTML of one module (or handout) and the pictures it shows."""

    html: str
    images: tuple[Reference, ...]


@dataclass
class _Rewriter:
    prefix: str
    path: str
    lines: Sequence[OutLine]
    anchors: Mapping[str, str]
    images: list[Reference] = field(default_factory=list)

    def __call__(self, tag: str, attribute: str, value: str) -> str | None:
        if attribute == "id":
            return f"{self.prefix}-{value}"
        if tag == "a" and attribute == "href":
            return self.link(value)
        if tag == "img" and attribute == "src":
            self.images.append(Reference(value, self.path, self.line_of(value)))
        return value

    def link(self, href: str) -> str | None:
        if href.startswith("#"):
            return f"#{self.prefix}-{href[1:]}" if len(href) > 1 else None
        parts = urlsplit(href)
        if parts.scheme:
            return href if parts.scheme in KEPT_LINK_SCHEMES else None
        target = PurePosixPath(unquote(parts.path))
        anchor = self.anchors.get(target.stem) if target.suffix == ".md" else None
        if anchor is None:
            return None
        return f"#{anchor}-{parts.fragment}" if parts.fragment else f"#{anchor}"

    def line_of(self, url: str) -> int:
        """The source line that links to `url`, or else mentions it (0 when none does)."""
        for needles in ((f"]({url}", f'="{url}"', f"]: {url}"), (url,)):
            for line in self.lines:
                if any(needle in line.text for needle in needles):
                    return line.number
        return 0


def module_content(
    markdown_text: str,
    *,
    prefix: str,
    path: str,
    lines: Sequence[OutLine],
    anchors: Mapping[str, str],
    heading_level: int,
) -> Content:
    """Clean, id-prefixed HTML for `markdown_text`, which came from the file `path`.

    `anchors` maps each module id in this PDF to its anchor, for links between
    modules; `lines` are the assembled lines, used to name the line of a picture.
    """
    rewriter = _Rewriter(prefix, path, lines, anchors)
    html = nh3.clean(
        markdown_to_html(markdown_text, heading_level),
        tags=TAGS,
        clean_content_tags={"script", "style", "template"},
        attributes=ATTRIBUTES,
        attribute_filter=rewriter,
        link_rel=None,
        url_schemes=URL_SCHEMES,
        filter_style_properties={"text-align"},
    )
    return Content(html, tuple(rewriter.images))
