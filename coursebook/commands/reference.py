"""`coursebook reference`: print the authors' reference made from the schema."""

from __future__ import annotations

from pathlib import Path

import click

from coursebook.reference import reference as make_reference


@click.command()
@click.option(
    "--output", type=click.Path(dir_okay=False, path_type=Path),
    help="Write to this file instead of printing (e.g. curriculum/README.md).",
)
def reference(output: Path | None) -> None:
    """Print the reference of every curriculum file and field."""
    text = make_reference()
    if output is None:
        click.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")
