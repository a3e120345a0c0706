"""`coursebook pdf`: make the printable PDFs of some or all variants, without the site.

PDFs go to `build/pdf/downloads/COURSE/VARIANT/` by default (the same layout the
site's downloads use, under `build/`, which `coursebook build` and `make clean`
own, so `site/` is never touched). Finished PDFs are cached in
`.coursebook-cache/pdf/`, so running it again after a small edit re-renders
only the PDFs that edit changes.
"""

from __future__ import annotations

from pathlib import Path

import click

from coursebook.assemble.assemble import Edition
from coursebook.assemble.assembled import Assembled
from coursebook.build import project_lock, refuse_files_in_the_way
from coursebook.commands.check import print_problems
from coursebook.errors import CoursebookError, CurriculumInvalid
from coursebook.layout import CACHE_DIR, WORK_DIR
from coursebook.pdf import render_pdfs
from coursebook.pipeline import load_and_check

DEFAULT_OUT = f"{WORK_DIR}/pdf"


@click.command()
@click.argument("project_dir", default=".", type=click.Path(file_okay=False, path_type=Path))
@click.option("--course", help="Only this course (its file name without .yml).")
@click.option("--variant", help="Only this variant (of --course, or of any course).")
@click.option(
    "--edition", type=click.Choice([e.value for e in Edition]),
    help="facilitator: the manual only; participant: workbooks and handouts only.",
)
@click.option(
    "--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
    help=f"Where to write downloads/COURSE/VARIANT/*.pdf [default: PROJECT_DIR/{DEFAULT_OUT}]",
)
@click.option("--jobs", type=click.IntRange(min=1), help="PDFs to render at once [default: cores]")
@click.option("--no-progress", is_flag=True, help="Do not show a progress bar.")
def pdf(
    project_dir: Path,
    course: str | None,
    variant: str | None,
    edition: str | None,
    out_dir: Path | None,
    jobs: int | None,
    no_progress: bool,
) -> None:
    """Make the printable PDFs: facilitator manuals, workbooks, large print and handouts."""
    assembled, problems = load_and_check(project_dir)
    if assembled is None or problems.fail():
        print_problems(problems)
        raise CurriculumInvalid(problems)
    selected = select(assembled, course, variant, edition)
    root = assembled.curriculum.root
    out = out_dir if out_dir is not None else root / DEFAULT_OUT
    refuse_files_in_the_way(root, (CACHE_DIR,) if out_dir is not None else (WORK_DIR, CACHE_DIR))
    with project_lock(root):
        infos = render_pdfs(
            selected, out, project_root=root, cache_dir=root / CACHE_DIR,
            jobs=jobs, progress=not no_progress,
        )
    for info in infos:
        click.echo(f"{out / info.path}  ({info.pages} pages)")
    click.echo(f"coursebook pdf: {len(infos)} PDFs in {out}", err=True)


def select(
    assembled: Assembled, course: str | None, variant: str | None, edition: str | None
) -> Assembled:
    """The editions that --course, --variant and --edition choose; an error if none."""
    chosen = tuple(
        e for e in assembled.editions
        if (course is None or e.course == course)
        and (variant is None or e.variant == variant)
        and (edition is None or e.edition.value == edition)
    )
    if not chosen:
        known = ", ".join(str(ref) for ref in assembled.variants())
        wanted = "/".join(filter(None, (course, variant))) or "anything"
        raise CoursebookError(f"there is no variant {wanted} to print; choose from: {known}")
    return Assembled(assembled.curriculum, chosen)
