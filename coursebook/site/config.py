"""The generated `build/mkdocs.yml`: the project's own `mkdocs.yml`, plus the pages.

The project's `mkdocs.yml` (theme, Markdown extensions, plugins) is the base. The
site needs a few settings whatever the base says, and these are added or forced:
the Markdown extensions the pages are written with, Material's offline and privacy
plugins with search (so the site loads nothing from outside itself), no web fonts,
the curriculum's language, the theme layer in `build/theme/`, and the pages
themselves (`docs_dir`, `nav`, `site_dir`). No custom MkDocs plugin or hook is
used, so `mkdocs build -f build/mkdocs.yml` renders the site on its own, and any
renderer that reads `mkdocs.yml` can take over.
"""

from __future__ import annotations

import copy
from typing import Any

from coursebook.markdown import EXTENSION_CONFIGS, EXTENSIONS
from coursebook.sanitise import escape_text
from coursebook.schema import Project
from coursebook.site.theme import STYLESHEET

PLUGINS: dict[str, dict[str, Any]] = {
    "coursebook-safety": {},
    "search": {},
    "offline": {},
    "privacy": {"assets_fetch": False, "assets_exclude": ["unpkg.com/mermaid@*"]},
}
"""Built into Material. With `assets_fetch: false` the privacy plugin downloads nothing
and warns about any resource from outside the site, which fails the build. Material's
script names a diagram library on a CDN that it loads only for Mermaid diagrams; the
site has none (no `mermaid` fence is configured), so that one address is let through.
`coursebook-safety` (coursebook's own, `coursebook.site.plugin`) cleans every page's
content with the allow-list of `coursebook.sanitise`."""

NavItem = str | dict[str, Any]


def site_config(base: dict[str, Any], project: Project, nav: list[NavItem]) -> dict[str, Any]:
    """The whole `build/mkdocs.yml`, as data."""
    config = copy.deepcopy(base)
    config["site_name"] = escape_text(str(config.get("site_name") or project.title))
    config["docs_dir"] = "docs"
    config["site_dir"] = "../site"
    config["use_directory_urls"] = False
    config["copyright"] = _copyright(project)
    config["nav"] = nav
    config["theme"] = _theme(config.get("theme"), project.language)
    config["markdown_extensions"] = _dialect(config.get("markdown_extensions"))
    config["plugins"] = _plugins(config.get("plugins"))
    extra_css = list(config.get("extra_css") or [])
    config["extra_css"] = [STYLESHEET, *[css for css in extra_css if css != STYLESHEET]]
    config.setdefault("extra", {})["generator"] = False
    return config


def _copyright(project: Project) -> str:
    parts = [f"{project.title}, version {project.version}, {project.organisation}."]
    if project.licence:
        parts.append(f"Shared under {project.licence}.")
    if project.disclaimer:
        parts.append(project.disclaimer)
    return escape_text(" ".join(parts))


def _theme(theme: object, language: str) -> dict[str, Any]:
    settings: dict[str, Any] = dict(theme) if isinstance(theme, dict) else {}
    settings["name"] = "material"
    settings["custom_dir"] = "theme"
    settings["font"] = False
    settings["language"] = language
    return settings


def _name(item: object) -> str:
    if isinstance(item, dict) and len(item) == 1:
        return str(next(iter(item)))
    return str(item)


def _with_names(items: object, required: tuple[str, ...]) -> list[Any]:
    listed = list(items) if isinstance(items, list) else []
    names = {_name(item) for item in listed}
    return listed + [name for name in required if name not in names]


def _dialect(items: object) -> list[Any]:
    """The project's extensions with every one of coursebook's dialect (see
    `coursebook.markdown`) present and set as the dialect sets it: a project may add
    extensions, or settings the dialect leaves alone (`toc: permalink`), but cannot
    drop or reconfigure one the PDFs read the modules with, or site and print differ."""
    listed = list(items) if isinstance(items, list) else []
    result: list[Any] = []
    for item in listed:
        name = _name(item)
        if name not in EXTENSIONS:
            result.append(item)
            continue
        settings = next(iter(item.values())) if isinstance(item, dict) else None
        own = settings if isinstance(settings, dict) else {}
        merged = {**own, **EXTENSION_CONFIGS.get(name, {})}
        result.append({name: merged} if merged else name)
    names = {_name(item) for item in result}
    for name in EXTENSIONS:
        if name not in names:
            config = EXTENSION_CONFIGS.get(name)
            result.append({name: dict(config)} if config else name)
    return result


def _plugins(items: object) -> list[Any]:
    plugins = _with_names(items, tuple(PLUGINS))
    result: list[Any] = []
    for item in plugins:
        name = _name(item)
        if name not in PLUGINS or not PLUGINS[name]:
            result.append(item)
            continue
        options = dict(item[name] or {}) if isinstance(item, dict) else {}
        result.append({name: {**options, **PLUGINS[name]}})
    return result
