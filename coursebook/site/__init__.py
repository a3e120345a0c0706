"""The website: the assembled curriculum as a MkDocs + Material site.

`coursebook build` (see `coursebook.build`) runs the site's two steps:

1. `write_docs`: gather what the site shows and write `build/` as a plain docs
   tree: Markdown pages, media, theme layer and `build/mkdocs.yml`
   (`tree.build_tree`, a pure function, then `writer.write_tree`, which touches
   only changed files).
2. `render.render_site`: run MkDocs on `build/mkdocs.yml`, then `audit.audit_site`
   reads every finished page again.

Because step 1 leaves a complete MkDocs project, the renderer is swappable: any
tool that reads `mkdocs.yml` can take over step 2.
"""

from __future__ import annotations

from collections.abc import Sequence

from coursebook.assemble.assembled import Assembled
from coursebook.layout import WORK_DIR
from coursebook.site.downloads import Pdf
from coursebook.site.inputs import git_history, read_base_config, read_media
from coursebook.site.model import gather
from coursebook.site.theme import read_theme
from coursebook.site.tree import DOCS, build_tree
from coursebook.site.writer import write_tree


def write_docs(assembled: Assembled, pdfs: Sequence[Pdf] = ()) -> int:
    """Write `build/` (docs tree, theme layer, mkdocs.yml); return the number of pages."""
    root = assembled.curriculum.root
    language = assembled.curriculum.project.language
    site = gather(assembled, pdfs, git_history(root))
    files = build_tree(site, read_base_config(root), read_theme(root, language), read_media(root))
    write_tree(root / WORK_DIR, files, keep=frozenset(f"{DOCS}/{p.path}" for p in pdfs))
    return sum(1 for name in files if name.startswith(f"{DOCS}/") and name.endswith(".md"))
