"""Text for the terminal, with nothing in it that the terminal would obey.

Titles, file names and messages come from the curriculum, and so from anyone who
opens a pull request. An escape sequence in a module title could recolour the
screen, rewrite earlier lines (hiding an error), set the window title or plant a
hyperlink when `coursebook check` or `report` prints it. `printable` removes
every escape sequence and control character except tab and newline; the
commands print through `echo` (or, for rich tables, `report.text.TerminalConsole`),
so none reaches the terminal.
"""

from __future__ import annotations

import re

import click

_CONTROL = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: colours, cursor moves, clearing the screen
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC: window title, hyperlink; ends at BEL or ST
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"  # DCS, SOS, PM and APC strings, to ST
    r"|\x1b[ -/]*[0-~]?"  # any other escape sequence, or a lone ESC
    r"|[\x00-\x08\x0b-\x1f\x7f-\x9f]"  # the other C0 controls but tab and newline, DEL, C1
)


def printable(text: str) -> str:
    """`text` without escape sequences or control characters (tab and newline stay)."""
    return _CONTROL.sub("", text)


def echo(text: str, *, err: bool = False, nl: bool = True) -> None:
    """Print `text` as `click.echo` does, made `printable` first."""
    click.echo(printable(text), err=err, nl=nl)
