"""The `coursebook` command line.

Each command lives in its own module under `coursebook.commands`; this file only
gathers them and turns a `CoursebookError` into a message and exit status 1
instead of a traceback.
"""

from __future__ import annotations

import sys

import click

from coursebook import __version__
from coursebook.commands import (
    build,
    check,
    compare,
    diff,
    pdf,
    reference,
    report,
    scaffold,
    serve,
)
from coursebook.errors import CoursebookError


class _Group(click.Group):
    """A command group that reports a `CoursebookError` as a message and exit status 1."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except CoursebookError as exc:
            click.echo(f"coursebook: {exc}", err=True)
            ctx.exit(1)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="coursebook")
def cli() -> None:
    """Write, adapt and publish course curricula from one Markdown source."""


cli.add_command(build.build_command)
cli.add_command(check.check)
cli.add_command(report.report)
cli.add_command(diff.diff)
cli.add_command(compare.compare)
cli.add_command(scaffold.init)
cli.add_command(scaffold.new)
cli.add_command(serve.serve_command)
cli.add_command(reference.reference)
cli.add_command(pdf.pdf)


def main(argv: list[str] | None = None) -> None:
    """Run the CLI; user mistakes end with a message and status 1, never a traceback."""
    try:
        cli.main(args=argv, prog_name="coursebook")
    except KeyboardInterrupt:
        click.echo("coursebook: stopped", err=True)
        sys.exit(130)
