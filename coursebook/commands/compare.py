"""`coursebook compare MODULE`: how one module reads in each variant and edition."""

from __future__ import annotations

from pathlib import Path

import click

from coursebook.errors import CoursebookError
from coursebook.pipeline import load_and_check
from coursebook.report.versions import versions, versions_html, versions_markdown, versions_text

FORMATS = ("text", "markdown", "html")
COLOURS = {"+": "green", "-": "red", "@": "cyan"}


@click.command()
@click.argument("module")
@click.argument("project_dir", default=".", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help="text: a diff for the terminal; markdown: for a review comment; html: side by side.",
)
def compare(module: str, project_dir: Path, fmt: str) -> None:
    """Show how MODULE reads in each variant and edition, against its fullest version."""
    assembled = load_and_check(project_dir)[0]
    if assembled is None:
        raise CoursebookError(
            "the curriculum could not be read; run coursebook check and fix the errors first"
        )
    found = versions(assembled, module)
    if fmt == "markdown":
        click.echo(versions_markdown(found), nl=False)
    elif fmt == "html":
        click.echo(versions_html(found), nl=False)
    else:
        for line, kind in versions_text(found):
            click.echo(click.style(line, fg=COLOURS[kind]) if kind else line)
