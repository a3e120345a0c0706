"""Everything under `build/`, as a pure function: path -> file content.

`build_tree` writes no files. It returns `docs/` (the Markdown pages, the
curriculum's media and the manifest), `theme/` (Material's `custom_dir`) and
`mkdocs.yml` (settings and navigation), so that `mkdocs build -f build/mkdocs.yml`
renders the whole site with no coursebook code running.

Search and repeated modules: a module runs in several variants (and weekly
routines in several sessions of one variant). Each variant gets one page per
module, so a facilitator reads the module as their variant runs it, but search
would list every copy. Only the first variant's copy (in course and variant
order) is indexed; the others carry Material's `search: exclude: true` front
matter, and each module page has a switcher to the same module in the other
variants. Every page's first heading names its variant (or course), so a search
result says where it belongs.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import yaml

from coursebook.assemble.assembled import Assembled
from coursebook.errors import Problems
from coursebook.layout import MANIFEST
from coursebook.report import SITE_PAGE, Links, site_page
from coursebook.sanitise import escape_text
from coursebook.site import downloads, paths
from coursebook.site.config import NavItem, site_config
from coursebook.site.home import contributors, home
from coursebook.site.model import Site, VariantSite
from coursebook.site.module_page import module_page
from coursebook.site.variant_pages import overview, session_name, session_page

Files = dict[str, str | bytes]
DOCS = "docs"
THEME = "theme"
CONFIG = "mkdocs.yml"


def build_tree(
    site: Site,
    base_config: Mapping[str, Any],
    theme: Mapping[str, bytes],
    media: Mapping[str, bytes],
) -> Files:
    """Every file under `build/`: docs pages, media, manifest, theme and config."""
    docs = docs_pages(site)
    docs.update({paths.media(name): content for name, content in media.items()})
    docs[MANIFEST] = manifest(site)
    files: Files = {f"{DOCS}/{name}": content for name, content in docs.items()}
    files.update({f"{THEME}/{name}": content for name, content in theme.items()})
    config = site_config(dict(base_config), site.curriculum.project, nav(site))
    files[CONFIG] = "# Written by coursebook build; edit ../mkdocs.yml instead.\n" + yaml.safe_dump(
        config, sort_keys=False, allow_unicode=True, width=100
    )
    return files


def docs_pages(site: Site) -> dict[str, str | bytes]:
    """The Markdown of every page, by its path in the docs folder."""
    pages: dict[str, str | bytes] = {
        paths.HOME: home(site),
        paths.CONTRIBUTORS: contributors(site),
        SITE_PAGE: site_page(
            _assembled(site), Problems(), Links(paths.overview, paths.session, paths.module)
        ),
    }
    for variant in site.variants:
        where = f" \u2013 {variant.title}"
        pages[variant.overview_path()] = titled(overview(site, variant), "Overview" + where)
        for session in variant.sessions:
            pages[variant.session_path(session)] = titled(
                session_page(site, variant, session), session_name(session) + where
            )
        for module in variant.modules():
            pages[variant.module_path(module.module)] = titled(
                module_page(site, variant, module), module.title + where
            )
    return pages


def titled(text: str, title: str) -> str:
    """`text` with a `title:` in its front matter: the browser tab and history name the
    variant, so no two pages share one. Escaped, because the theme prints it as HTML."""
    line = "title: " + json.dumps(escape_text(title), ensure_ascii=False) + "\n"
    if text.startswith("---\n"):
        return "---\n" + line + text[4:]
    return f"---\n{line}---\n\n{text}"


def _assembled(site: Site) -> Assembled:
    """The editions the site shows, for the curriculum report."""
    editions = (e for v in site.variants for e in (v.facilitator, v.participant) if e)
    return Assembled(site.curriculum, tuple(editions))


def nav(site: Site) -> list[NavItem]:
    """Home, then course > variant > overview, sessions and modules, then contributors.

    Titles are escaped: Material prints navigation titles as HTML.
    """
    items: list[NavItem] = [{"Home": paths.HOME}]
    for _course_id, course, variants in site.courses():
        entries = [{escape_text(v.title): _variant_nav(v)} for v in variants]
        items.append({escape_text(course.title): entries})
    items.append({"Curriculum report": SITE_PAGE})
    items.append({"Contributors": paths.CONTRIBUTORS})
    return items


def _variant_nav(variant: VariantSite) -> list[NavItem]:
    entries: list[NavItem] = [{"Overview": variant.overview_path()}]
    entries += [{escape_text(session_name(s)): variant.session_path(s)} for s in variant.sessions]
    modules = [{escape_text(m.title): variant.module_path(m.module)} for m in variant.modules()]
    entries.append({"Modules": modules})
    return entries


def manifest(site: Site) -> str:
    """`coursebook.json`: courses, variants, their pages and PDFs. No dates, sorted keys."""
    courses = []
    for course_id, course, variants in site.courses():
        entries = [_variant(site, variant) for variant in variants]
        courses.append({"id": course_id, "title": course.title, "variants": entries})
    project = site.curriculum.project
    data = {
        "title": project.title,
        "version": project.version,
        "language": project.language,
        "pages": {"home": paths.url(paths.HOME), "contributors": paths.url(paths.CONTRIBUTORS)},
        "courses": courses,
    }
    text = json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False)
    # A browser that sniffs the manifest as HTML finds no tag in it.
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026") + "\n"


def _variant(site: Site, variant: VariantSite) -> dict[str, Any]:
    return {
        "id": variant.variant_id,
        "title": variant.title,
        "audience": variant.facilitator.audience,
        "minutes": variant.facilitator.minutes,
        "overview": paths.url(variant.overview_path()),
        "sessions": [
            {
                "number": s.number,
                "title": s.title,
                "minutes": s.length,
                "planned": s.planned,
                "url": paths.url(variant.session_path(s)),
            }
            for s in variant.sessions
        ],
        "modules": [
            {"id": m.module, "title": m.title, "url": paths.url(variant.module_path(m.module))}
            for m in variant.modules()
        ],
        "pdfs": [
            {
                "kind": p.kind,
                "title": p.title,
                "label": downloads.KIND_LABELS.get(p.kind, p.title),
                "url": p.path,
                "pages": p.pages,
                "bytes": p.bytes,
                "handout": p.handout,
            }
            for p in site.downloads(variant)
        ],
    }
