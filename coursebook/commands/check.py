"""`coursebook check`: report every problem in a curriculum in one run."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from coursebook.errors import Problems
from coursebook.pipeline import load_and_check
from coursebook.terminal import echo

FORMATS = ("text", "github")


def print_problems(problems: Problems, fmt: str = "text") -> None:
    """One line per problem: `path:line: error: message`, or GitHub annotations."""
    for problem in problems:
        echo(problem.github() if fmt == "github" else problem.format())


@click.command()
@click.argument("project_dir", default=".", type=click.Path(file_okay=False, path_type=Path))
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@click.option(
    "--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
    help="text: one line per problem; github: GitHub Actions annotations.",
)
def check(project_dir: Path, strict: bool, fmt: str) -> None:
    """Check a curriculum project and report every problem."""
    assembled, problems = load_and_check(project_dir)
    print_problems(problems, fmt)
    if assembled is not None:
        curriculum = assembled.curriculum
        counted = (
            f"{len(curriculum.courses)} courses, {len(assembled.variants())} variants, "
            f"{len(curriculum.modules)} modules"
        )
    else:
        counted = "the curriculum could not be read"
    echo(f"coursebook check: {counted}: {problems.summary()}", err=True)
    if problems.fail(strict):
        sys.exit(1)
