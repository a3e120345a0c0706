"""`coursebook diff BASE`: what a change does to each course, variant, page and PDF."""

from __future__ import annotations

from pathlib import Path

import click

from coursebook.errors import CoursebookError
from coursebook.load.project import find_project
from coursebook.pipeline import load_and_check
from coursebook.report import diff as report_diff
from coursebook.report.describe import changes_markdown, changes_text
from coursebook.report.revision import changed_code_files, curriculum_at

FORMATS = ("text", "markdown")


@click.command()
@click.argument("base")
@click.argument("project_dir", default=".", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help="text: plain English for the terminal; markdown: for a pull-request comment.",
)
def diff(base: str, project_dir: Path, fmt: str) -> None:
    """Show which courses, variants, pages and PDFs change since the git revision BASE.

    A change to the site's settings, its templates or the workflows is listed
    first, as one a maintainer must review: those files run code.
    """
    root = find_project(project_dir)
    after = load_and_check(root)[0]
    if after is None:
        raise CoursebookError(
            "the curriculum could not be read; run coursebook check and fix the errors first"
        )
    with curriculum_at(root, base) as base_root:
        before = load_and_check(base_root)[0] if base_root is not None else None
    changes = report_diff.diff(before, after, base, changed_code_files(root, base))
    click.echo(changes_markdown(changes) if fmt == "markdown" else changes_text(changes), nl=False)
