"""Where each page of the site lives in the docs tree, and links between them.

Every page path is relative to the docs folder and ends in `.md`, so MkDocs (or
any renderer that reads `mkdocs.yml`) turns Markdown links between pages into
links between HTML files. The site is built with `use_directory_urls: false`
(Material's offline plugin needs it), so `a/b.md` is served as `a/b.html`.
"""

from __future__ import annotations

import posixpath

HOME = "index.md"
CONTRIBUTORS = "contributors.md"
MEDIA = "media"


def variant_dir(course: str, variant: str) -> str:
    """The folder holding one variant's pages."""
    return f"{course}/{variant}"


def overview(course: str, variant: str) -> str:
    """The variant's overview page."""
    return f"{variant_dir(course, variant)}/index.md"


def session(course: str, variant: str, slug: str) -> str:
    """A session's page with its run-sheet."""
    return f"{variant_dir(course, variant)}/sessions/{slug}.md"


def module(course: str, variant: str, module_id: str) -> str:
    """A module as one variant shows it (once per variant, however often it is run)."""
    return f"{variant_dir(course, variant)}/modules/{module_id}.md"


def media(name: str) -> str:
    """A file from `curriculum/assets/`."""
    return f"{MEDIA}/{name}"


def link(source: str, target: str) -> str:
    """The relative link from the page at `source` to the file at `target`."""
    return posixpath.relpath(target, posixpath.dirname(source) or ".")


def url(page: str) -> str:
    """The address of a page in the built site, relative to its root."""
    return page[: -len(".md")] + ".html" if page.endswith(".md") else page
