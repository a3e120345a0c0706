"""Small Markdown pieces every page writer uses."""

from __future__ import annotations

import re

from coursebook.site.words import attr, text

_ASSET_LINK = re.compile(r"(\]\(\s*<?|^\s*\[[^\]]+\]:\s*<?|\bsrc=[\"'])\.\./assets/", re.MULTILINE)


def heading(title: str, where: str | None = None) -> str:
    """A page's first heading; `where` (course or variant) shows in search results too."""
    if where is None:
        return f"# {text(title)}"
    return (
        f'# {text(title)}<span class="cb-where"><span class="cb-where__dot"> · </span>'
        f"{attr(where)}</span>"
    )


def front_matter(exclude_from_search: bool) -> str:
    """YAML front matter: Material's search plugin leaves out pages marked `exclude`."""
    if not exclude_from_search:
        return ""
    return "---\nsearch:\n  exclude: true\n---\n\n"


def relocate_assets(markdown: str, media_link: str) -> str:
    """Point `../assets/NAME` links (relative to curriculum/modules/) at the site's copy."""
    return _ASSET_LINK.sub(lambda m: m.group(1) + media_link.rstrip("/") + "/", markdown)


def page(*parts: str) -> str:
    """Page text from its parts, a blank line between each, one newline at the end."""
    return "\n\n".join(part.strip("\n") for part in parts if part.strip()) + "\n"
