"""The `coursebook` command line.

Each command lives in its own module under `coursebook.commands`; this file only
gathers them and turns a `CoursebookError`, or an `OSError` (a full disk, a
read-only folder), into a message and exit status 1 instead of a traceback.
"""

from __future__ import annotations

import importlib
import signal
import sys
from types import FrameType

import click

from coursebook import __version__
from coursebook.errors import CoursebookError, EnvironmentFailed
from coursebook.terminal import echo

COMMANDS = {
    "build": "coursebook.commands.build:build_command",
    "check": "coursebook.commands.check:check",
    "compare": "coursebook.commands.compare:compare",
    "diff": "coursebook.commands.diff:diff",
    "init": "coursebook.commands.scaffold:init",
    "new": "coursebook.commands.scaffold:new",
    "pdf": "coursebook.commands.pdf:pdf",
    "reference": "coursebook.commands.reference:reference",
    "report": "coursebook.commands.report:report",
    "serve": "coursebook.commands.serve:serve_command",
}
"""Each command and where it lives: imported only when it runs, so that `coursebook
check` does not pay for loading WeasyPrint and MkDocs."""


class _Group(click.Group):
    """The command group: loads commands when asked for, and reports a
    `CoursebookError` or `OSError` as a message and exit status 1, never a traceback."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module_name, attribute = target.split(":")
        command = getattr(importlib.import_module(module_name), attribute)
        assert isinstance(command, click.Command)
        return command

    def invoke(self, ctx: click.Context) -> object:
        try:
            try:
                return super().invoke(ctx)
            except OSError as exc:
                raise EnvironmentFailed.from_os_error(exc) from None
        except CoursebookError as exc:
            echo(f"coursebook: {exc}", err=True)
            ctx.exit(1)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="coursebook")
def cli() -> None:
    """Write, adapt and publish course curricula from one Markdown source."""


def main(argv: list[str] | None = None) -> None:
    """Run the CLI; user mistakes end with a message and status 1, never a traceback."""
    signal.signal(signal.SIGTERM, _stop)
    try:
        cli.main(args=argv, prog_name="coursebook")
    except KeyboardInterrupt:
        click.echo("coursebook: stopped", err=True)
        sys.exit(130)


def _stop(signum: int, frame: FrameType | None) -> None:
    """SIGTERM (`kill`, a cancelled CI job) unwinds like Ctrl-C, so that PDF workers are
    stopped and temporary files removed on the way out."""
    raise KeyboardInterrupt
