"""coursebook's Markdown dialect, declared once for the website and the PDFs.

The site (MkDocs, through `mkdocs.yml`'s `markdown_extensions`) and the PDF
writer (Python-Markdown directly) must read a module the same way, or a box
that shows on the site could vanish from print. Both take their extension list
from here: the site through `mkdocs_extensions()`, print through
`markdown_to_html()`.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import markdown

EXTENSIONS: tuple[str, ...] = (
    "abbr",
    "admonition",
    "pymdownx.details",
    "attr_list",
    "md_in_html",
    "tables",
    "def_list",
    "footnotes",
    "toc",
    "pymdownx.superfences",
    "pymdownx.tasklist",
    "pymdownx.smartsymbols",
)

EXTENSION_CONFIGS: dict[str, dict[str, Any]] = {
    "pymdownx.tasklist": {"custom_checkbox": True},
}


def mkdocs_extensions() -> list[str | dict[str, dict[str, Any]]]:
    """The extensions as `mkdocs.yml` lists them under `markdown_extensions`."""
    return [
        {name: dict(EXTENSION_CONFIGS[name])} if name in EXTENSION_CONFIGS else name
        for name in EXTENSIONS
    ]


def markdown_to_html(text: str, heading_level: int = 1) -> str:
    """HTML for `text`, with its `#` headings made `<h{heading_level}>`.

    Print nests a module's headings under its session, so it asks for
    `heading_level=2`; the site keeps `#` as `<h1>`.
    """
    return str(_converter(heading_level).reset().convert(text))


@cache
def _converter(heading_level: int) -> markdown.Markdown:
    """One converter per heading level, reset before each use: building one costs more
    than converting a page."""
    configs = {name: dict(config) for name, config in EXTENSION_CONFIGS.items()}
    configs["toc"] = {"baselevel": heading_level}
    return markdown.Markdown(extensions=list(EXTENSIONS), extension_configs=configs)
