"""The last guard before a site is published: no page can run script it should not.

Whatever engine rendered the site, and whatever a theme override does, every
finished page is read again (`coursebook.sanitise.audit_page`), and so is the
search index, whose titles and text the theme shows as HTML, and every published
picture and document (by the same rules `coursebook check` applies to assets).
Anything found is an error, and the build stops before the new site replaces the
old one.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from coursebook.checks.assets import asset_problems
from coursebook.errors import Problem, Severity
from coursebook.layout import ASSETS_DIR, MODULES_DIR
from coursebook.sanitise import audit_page, removals
from coursebook.site import paths

SEARCH_INDEX = "search/search_index.json"
_MODULE_PAGE = re.compile(r"^[^/]+/[^/]+/(?:[^/]+/)?modules/(?P<id>[^/]+)\.html$")


def audit_site(site_dir: Path) -> list[Problem]:
    """An error for each published page, or search entry, that could run script."""
    problems: list[Problem] = []
    for page in sorted(site_dir.rglob("*.html")):
        name = page.relative_to(site_dir).as_posix()
        for finding in audit_page(page.read_text(encoding="utf-8", errors="replace")):
            problems.append(_problem(name, f"the published page {name} has {finding}"))
    index = site_dir / SEARCH_INDEX
    if index.is_file():
        problems.extend(_audit_index(index))
    media = site_dir / paths.MEDIA
    for path in sorted(media.rglob("*")) if media.is_dir() else ():
        if path.is_file():
            for _line, message in asset_problems(path):
                name = path.relative_to(media).as_posix()
                problems.append(Problem(f"{ASSETS_DIR}/{name}", 0, Severity.ERROR,
                                        message + "; it was not published"))
    return problems


def _audit_index(index: Path) -> list[Problem]:
    try:
        docs = json.loads(index.read_text(encoding="utf-8")).get("docs", [])
    except (OSError, ValueError, AttributeError):
        return [Problem(SEARCH_INDEX, 0, Severity.ERROR, "the search index could not be read")]
    problems = []
    for doc in docs:
        location = str(doc.get("location", ""))
        for field in ("title", "text"):
            for removal in removals(str(doc.get(field, ""))):
                if removal.dangerous:
                    problems.append(_problem(
                        location.split("#")[0],
                        f"the search entry for {location} has {removal.what} in its {field}",
                    ))
    return problems


def _problem(page: str, message: str) -> Problem:
    module = _MODULE_PAGE.match(page)
    path = f"{MODULES_DIR}/{module['id']}.md" if module else f"site/{page}"
    return Problem(path, 0, Severity.ERROR, message + "; it was not published")
