"""The website: the assembled curriculum as a MkDocs + Material site.

`build_site` is the site stage of `coursebook build`, one linear recipe:

1. Render the PDFs into the docs folder (when asked for and available).
2. Gather what the site shows and write `build/` as a plain docs tree:
   Markdown pages, media, theme layer and `build/mkdocs.yml` (`tree.build_tree`,
   a pure function, then `writer.write_tree`, which touches only changed files).
3. Run MkDocs on `build/mkdocs.yml` into the staging folder, then read every
   finished page again (`audit.audit_site`): a page that could run script stops
   the build.

Because step 2 leaves a complete MkDocs project, the renderer is swappable: any
tool that reads `mkdocs.yml` can take over step 3.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from coursebook.build import CACHE_DIR, SITE_DIR, WORK_DIR, BuildOptions, BuildResult
from coursebook.errors import CurriculumInvalid, Problems
from coursebook.pipeline import Assembled
from coursebook.site.audit import audit_site
from coursebook.site.downloads import Pdf
from coursebook.site.inputs import git_history, read_base_config, read_media, render_pdfs
from coursebook.site.model import gather
from coursebook.site.render import render_site
from coursebook.site.theme import read_theme
from coursebook.site.tree import CONFIG, DOCS, build_tree
from coursebook.site.writer import write_tree


def build_site(assembled: Assembled, stage: Path, options: BuildOptions) -> BuildResult:
    """Write `build/` and render the finished site into `stage/site`."""
    root = assembled.curriculum.root
    work = root / WORK_DIR
    pdfs: list[Pdf] = []
    if options.pdfs:
        pdfs = render_pdfs(
            assembled, work / DOCS, root / CACHE_DIR, options.jobs, options.progress
        )
    pages = write_docs(assembled, pdfs)
    problems = Problems(render_site(work / CONFIG, stage / SITE_DIR))
    problems.extend(audit_site(stage / SITE_DIR))
    if problems.fail():
        raise CurriculumInvalid(problems)
    return BuildResult(stage / SITE_DIR, problems, pages=pages, pdfs=list(pdfs))


def write_docs(assembled: Assembled, pdfs: Sequence[Pdf] = ()) -> int:
    """Write `build/` (docs tree, theme layer, mkdocs.yml); return the number of pages."""
    root = assembled.curriculum.root
    language = assembled.curriculum.project.language
    site = gather(assembled, pdfs, git_history(root))
    files = build_tree(site, read_base_config(root), read_theme(root, language), read_media(root))
    write_tree(root / WORK_DIR, files, keep=frozenset(f"{DOCS}/{p.path}" for p in pdfs))
    return sum(1 for name in files if name.startswith(f"{DOCS}/") and name.endswith(".md"))
