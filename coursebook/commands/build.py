"""`coursebook build`: check the curriculum, then build the site and PDFs into site/."""

from __future__ import annotations

from pathlib import Path

import click

from coursebook.build import BuildOptions, build
from coursebook.commands.check import print_problems
from coursebook.errors import CurriculumInvalid
from coursebook.layout import SITE_DIR


@click.command("build")
@click.argument("project_dir", default=".", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--only", multiple=True, metavar="COURSE[/VARIANT]",
    help="Build only this course or variant (repeat for more).",
)
@click.option("--no-pdf", "no_pdf", is_flag=True, help="Build the website without PDFs.")
@click.option("--jobs", type=click.IntRange(min=1), help="PDFs to render at once.")
def build_command(project_dir: Path, only: tuple[str, ...], no_pdf: bool, jobs: int | None) -> None:
    """Build the website (and PDFs) of every course variant into site/."""
    options = BuildOptions(only=only, pdfs=not no_pdf, jobs=jobs)
    try:
        result = build(project_dir, options)
    except CurriculumInvalid as exc:
        print_problems(exc.problems)
        raise
    print_problems(result.problems)
    if result.up_to_date:
        click.echo(f"coursebook build: nothing changed since the last build; {SITE_DIR}/ is "
                   "up to date", err=True)
        return
    pdfs = f", {len(result.pdfs)} PDFs" if result.pdfs else ""
    click.echo(
        f"coursebook build: {result.pages} pages{pdfs} in {SITE_DIR}/ "
        f"({result.problems.summary()})",
        err=True,
    )
