"""The project's `mkdocs.yml` may change how the site looks, never run code.

MkDocs runs Python from its settings file: `hooks:` names Python files to run,
every plugin and Markdown extension is Python code imported by name (some read
files from disk), `INHERIT:` reads another settings file, and
`extra_javascript:` puts a script on every page. A pull request that edits
`mkdocs.yml` could so run a program on the machine that builds the site. Only
the settings below are allowed; everything else in the file (theme colours,
features, validation) is left to the project.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from coursebook.errors import Problem, Severity
from coursebook.load.yamlfile import YamlDocument, YamlSyntaxError, parse_yaml
from coursebook.safepaths import read_bytes

SETTINGS_FILE = "mkdocs.yml"

REFUSED = {
    "hooks": "runs Python files during the build",
    "INHERIT": "reads settings from another file, which may be outside the project",
    "extra_javascript": "puts a script on every page of the site",
    "extra_templates": "adds templates that run during the build",
}
"""Settings that run code or load it, and what each does."""

PLUGINS = ("search", "offline", "privacy", "tags")
"""Material's own plugins that read only the pages (`material/NAME` is the same)."""

EXTENSIONS = (
    "abbr", "admonition", "attr_list", "def_list", "footnotes", "md_in_html", "tables",
    "toc", "sane_lists", "smarty", "fenced_code", "nl2br", "codehilite",
    "pymdownx.betterem", "pymdownx.caret", "pymdownx.critic", "pymdownx.details",
    "pymdownx.emoji", "pymdownx.highlight", "pymdownx.inlinehilite", "pymdownx.keys",
    "pymdownx.mark", "pymdownx.progressbar", "pymdownx.saneheaders",
    "pymdownx.smartsymbols", "pymdownx.superfences", "pymdownx.tabbed",
    "pymdownx.tasklist", "pymdownx.tilde",
)
"""Markdown extensions that only change how Markdown is written (not `pymdownx.snippets`,
which reads files, nor any other Python module named by its import path)."""


def check_site_settings(root: Path) -> Iterator[Problem]:
    """An error for every setting in `mkdocs.yml` that would run or load code."""
    path = root / SETTINGS_FILE
    if not path.is_file():
        return
    try:
        doc = parse_yaml(read_bytes(path).decode("utf-8", "replace"))
    except YamlSyntaxError as exc:
        yield _error(exc.line, exc.message)
        return
    if not isinstance(doc.data, dict):
        return
    for key, what in REFUSED.items():
        if key in doc.data:
            yield _error(doc.line((key,)), f'"{key}:" {what}, so a change to {SETTINGS_FILE} '
                         "could run a program on the machine that builds the site; remove it")
    yield from _unlisted(doc, "plugins", PLUGINS, "plugin", "plugins run code")
    yield from _unlisted(
        doc, "markdown_extensions", EXTENSIONS, "Markdown extension",
        "extensions run code, and some read files",
    )


def _unlisted(
    doc: YamlDocument, key: str, allowed: tuple[str, ...], kind: str, why: str
) -> Iterator[Problem]:
    """An error for each item of the list (or mapping) under `key` not in `allowed`."""
    items = doc.data.get(key)
    named: list[tuple[str | int, str]]
    if isinstance(items, dict):
        named = [(name, str(name)) for name in items]
    elif isinstance(items, list):
        named = [(index, _item_name(item)) for index, item in enumerate(items)]
    else:
        return
    for index, name in named:
        if _plain_name(name) not in allowed:
            yield _error(
                doc.line((key, index)),
                f'the {kind} "{name}" is not one coursebook allows, because {why} during '
                f"the build; use only {', '.join(allowed)}, or remove it",
            )


def _item_name(item: object) -> str:
    """`- search` and `- search: {...}` both name `search`."""
    if isinstance(item, dict) and len(item) == 1:
        return str(next(iter(item)))
    return str(item)


def _plain_name(name: str) -> str:
    """`material/search` is `search`; `markdown.extensions.toc` is `toc`."""
    return name.removeprefix("material/").removeprefix("markdown.extensions.")


def _error(line: int, message: str) -> Problem:
    return Problem(SETTINGS_FILE, line, Severity.ERROR, message)
