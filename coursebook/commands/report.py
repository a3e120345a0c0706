"""`coursebook report`: timings, reading ages, words to avoid and reviews, per variant."""

from __future__ import annotations

from pathlib import Path

import click

from coursebook.commands.check import print_problems
from coursebook.errors import CoursebookError
from coursebook.pipeline import load_and_check, today
from coursebook.report import build_report, render_html, render_markdown, render_text
from coursebook.report.text import TerminalConsole
from coursebook.terminal import echo

FORMATS = ("text", "markdown", "html")


@click.command()
@click.argument("project_dir", default=".", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
    help="text: tables for the terminal; markdown: for a pull request; html: a page fragment.",
)
def report(project_dir: Path, fmt: str) -> None:
    """Report each variant's session timings, reading ages, words to avoid and reviews."""
    assembled, problems = load_and_check(project_dir)
    if assembled is None:
        print_problems(problems)
        raise CoursebookError("the curriculum could not be read; fix the problems above first")
    result = build_report(assembled, problems, today())
    if fmt == "markdown":
        echo(render_markdown(result), nl=False)
    elif fmt == "html":
        echo(render_html(result), nl=False)
    else:
        render_text(result, TerminalConsole())
