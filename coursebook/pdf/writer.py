"""`render_pdfs`: every PDF of the assembled editions, as one linear recipe.

1. Plan the PDFs: per variant a facilitator manual, a participant workbook, a
   large-print workbook and one PDF per handout.
2. Make each PDF's view from the assembled Markdown (the same the site uses),
   refusing unsafe or missing pictures and characters the fonts cannot draw,
   all before anything is rendered.
3. Hash each PDF's inputs; those found in the cache are not rendered again.
4. Render the others with WeasyPrint in worker processes; each is checked
   for completeness before it is kept. A harmless notice WeasyPrint gave on the
   way (`notices.HARMLESS`) is printed once, as a note, however many PDFs gave it.
5. Copy every PDF to its place under `out_dir`, each with an atomic replace.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from coursebook.assemble.assembled import Assembled
from coursebook.layout import ASSETS_DIR, MODULES_DIR
from coursebook.pdf.cache import Entry, PdfCache, document_key
from coursebook.pdf.documents import PdfDocument, plan_documents
from coursebook.pdf.glyphs import check_glyphs, covered
from coursebook.pdf.parallel import default_workers, progress_bar, run_jobs
from coursebook.pdf.render import Rendered, RenderJob, whole_html
from coursebook.pdf.resources import Policy, check_images, file_url_referrers
from coursebook.pdf.theme import Theme, find_theme
from coursebook.pdf.views import BookView, make_view

CACHE_FOLDER = "pdf"
"""The subfolder of the cache folder that PDFs are kept in."""

CHUNK_SIZE = 400_000
"""Characters of module HTML above which a book is laid out in chunks (150 to 400 pages).

Laid out whole, WeasyPrint holds about 0.7 MB per page (a 324-page book peaks
at 390 MB); a 1,493-page book in chunks of this size peaked at 770 MB.
"""


@dataclass(frozen=True)
class PdfInfo:
    """A PDF that was written, for the site's downloads page."""

    course: str
    variant: str
    kind: str
    title: str
    path: str
    pages: int
    bytes: int
    handout: str | None


@dataclass(frozen=True)
class _Planned:
    document: PdfDocument
    job: RenderJob


def render_pdfs(
    assembled: Assembled,
    out_dir: Path,
    *,
    project_root: Path,
    cache_dir: Path,
    jobs: int | None = None,
    progress: bool = True,
    chunk_size: int = CHUNK_SIZE,
) -> list[PdfInfo]:
    """Write every PDF of `assembled` under `out_dir`; return what was written, in plan order.

    `cache_dir/pdf/` keeps finished PDFs between runs; `jobs` is how many worker
    processes render at once (all cores when None); `progress` shows a bar when
    stderr is a terminal and CI is not set.
    """
    root = project_root.resolve()
    theme = find_theme(root)
    cache = PdfCache(cache_dir / CACHE_FOLDER, root)
    cache.folder.mkdir(parents=True, exist_ok=True)
    cache.remove_scratch()
    planned = [
        _plan(document, assembled, root, theme, cache, chunk_size)
        for document in plan_documents(assembled.editions)
    ]
    entries: dict[str, Entry] = {}
    notes: set[str] = set()
    to_render = []
    for item in planned:
        entry = cache.hit(item.document.path, item.job.key)
        if entry is None:
            to_render.append(item.job)
        else:
            entries[item.document.path] = entry
    with progress_bar(len(to_render), progress) as advance:

        def finished(job: RenderJob, rendered: Rendered) -> None:
            entries[job.name] = cache.store(job.name, job.key, rendered.pages, job.target)
            notes.update(rendered.notes)
            advance(job.name)

        try:
            run_jobs(sorted(to_render, key=_weight, reverse=True), jobs or default_workers(),
                     finished)
        finally:
            for job in to_render:
                job.target.unlink(missing_ok=True)
            cache.save()
    for note in sorted(notes):
        print(f"coursebook: note: {note}", file=sys.stderr)
    for item in planned:
        place_file(cache.blob(item.job.key), out_dir / item.document.path)
    return [_info(item.document, entries[item.document.path]) for item in planned]


def _plan(
    document: PdfDocument,
    assembled: Assembled,
    root: Path,
    theme: Theme,
    cache: PdfCache,
    chunk_size: int,
) -> _Planned:
    """Step 2 and 3 for one PDF: its view, its checks and its render job."""
    fonts = covered(tuple(theme.fonts()))
    view = make_view(document, assembled.curriculum.project, fonts)
    modules_dir = root / MODULES_DIR
    policy = Policy(root, (root / ASSETS_DIR, root / "overrides", theme.folder))
    check_images(view.images, modules_dir, policy)
    base_url = modules_dir.as_uri() + "/"
    html = whole_html(theme, view)
    check_glyphs(html, _course_files(document), (), fonts)
    images = sorted(
        {(modules_dir / image.url).resolve() for image in view.images if ":" not in image.url}
    )
    key = document_key(html, [*theme.files(), *images], root, f"chunk={chunk_size}")
    job = RenderJob(
        name=document.path,
        view=view,
        theme=theme,
        base_url=base_url,
        policy=policy,
        referrers=file_url_referrers(view.images, base_url),
        target=cache.scratch(key),
        chunk_size=chunk_size,
        key=key,
    )
    return _Planned(document, job)


def _course_files(document: PdfDocument) -> str:
    return f"curriculum/courses/{document.course}.yml or curriculum/curriculum.yml"


def _weight(job: RenderJob) -> int:
    """How much a job has to lay out: the longest books start first."""
    view = job.view
    return sum(part.size for part in view.parts) if isinstance(view, BookView) else len(view.html)


def place_file(source: Path, target: Path) -> None:
    """Copy `source` to `target` so that readers of `target` see the old or new file, never half."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    os.close(handle)
    try:
        shutil.copyfile(source, temporary)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _info(document: PdfDocument, entry: Entry) -> PdfInfo:
    return PdfInfo(
        course=document.course,
        variant=document.variant,
        kind=document.kind.value,
        title=document.title,
        path=document.path,
        pages=entry.pages,
        bytes=entry.bytes,
        handout=document.handout.slug if document.handout else None,
    )

