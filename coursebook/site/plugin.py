"""The MkDocs side of `coursebook.sanitise`: every page's content is cleaned as it is made.

`build/mkdocs.yml` lists this plugin as `coursebook-safety` (registered under
MkDocs' `mkdocs.plugins` entry point), so plain `mkdocs build -f build/mkdocs.yml`
cleans pages just as `coursebook build` does. After Python-Markdown has made a
page's HTML, the content and the titles of its table of contents pass the
allow-list; the navigation titles were escaped when the tree was written.
"""

from __future__ import annotations

from typing import Any

from mkdocs.plugins import BasePlugin
from mkdocs.structure.toc import AnchorLink

from coursebook.sanitise import clean


class SafetyPlugin(BasePlugin):  # type: ignore[type-arg,no-untyped-call]
    """Cleans each page's HTML content and contents titles with the allow-list."""

    def on_page_content(self, html: str, page: Any, **kwargs: Any) -> str:
        for item in page.toc.items if page.toc else ():
            _clean_titles(item)
        return clean(html)


def _clean_titles(item: AnchorLink) -> None:
    item.title = clean(item.title)
    for child in item.children:
        _clean_titles(child)
