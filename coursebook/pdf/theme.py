"""The print theme: Jinja2 templates, style sheets and fonts in `overrides/print/`.

A project may bring its own theme in its own `overrides/print/` folder (with a
`book.html.j2` in it); otherwise the theme that comes with coursebook (this repository's
`overrides/print/`, installed with the package) is used.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2

from coursebook.safepaths import regular_files

THEME_FOLDER = "overrides/print"
# `theme_files` is the repository's `overrides/print/` (a link to it), copied
# into the package when it is built, so an installed coursebook has its theme.
DEFAULT_THEME = (Path(__file__).parent / "theme_files").resolve()
BOOK_TEMPLATE = "book.html.j2"
HANDOUT_TEMPLATE = "handout.html.j2"
STYLESHEET = "print.css"
LARGE_PRINT_STYLESHEET = "large-print.css"


@dataclass(frozen=True)
class Theme:
    """A print theme folder."""

    folder: Path

    def stylesheets(self, large_print: bool) -> list[Path]:
        """The style sheets for a document, in the order they apply."""
        names = [STYLESHEET, LARGE_PRINT_STYLESHEET] if large_print else [STYLESHEET]
        return [self.folder / name for name in names]

    def files(self) -> list[Path]:
        """Every file of the theme, in a fixed order: all of them can change a PDF."""
        return regular_files(self.folder)

    def fonts(self) -> list[Path]:
        return [p for p in self.files() if p.suffix.lower() in (".ttf", ".otf")]

    def render(self, template: str, **context: Any) -> str:
        return _environment(self.folder).get_template(template).render(**context)


def find_theme(project_root: Path) -> Theme:
    """The project's own print theme if it has one, else coursebook's."""
    own = project_root / THEME_FOLDER
    if (own / BOOK_TEMPLATE).is_file():
        return Theme(own.resolve())
    return Theme(DEFAULT_THEME)


def css_string(value: object) -> str:
    """`value` made safe to put between double quotes in CSS inside a <style> element."""
    text = str(value)
    for char, escape in (("\\", "\\\\"), ('"', '\\"'), ("\n", " "), ("<", "\\3c "), (">", "\\3e ")):
        text = text.replace(char, escape)
    return text


@functools.lru_cache(maxsize=4)
def _environment(folder: Path) -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(folder),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["css_string"] = css_string
    return environment
