"""`coursebook init` and `coursebook new module`: start a project or a module."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from importlib import resources
from pathlib import Path

import click
import jinja2
import yaml

from coursebook import placeholders
from coursebook.errors import CoursebookError
from coursebook.layout import MODULES_DIR
from coursebook.load.project import find_project
from coursebook.pipeline import today
from coursebook.schema import SLUG_RULE

REVIEW_YEARS = 3
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


TEMPLATES = {
    "health": "project",
    "neutral": "neutral",
}
"""`init --template NAME`: the folder under `scaffold/` with its curriculum. `health` is
a self-management course with urgent help for a carers' variant; `neutral` suits any
organisation. Both get the files in `scaffold/common/` (settings, workflows, README)."""

DOT = "dot-"
"""Files whose names start with a dot are kept as `dot-NAME` in the package, since
package data leaves dot-files out; `init` writes them as `.NAME`."""


@click.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--template", type=click.Choice(sorted(TEMPLATES)), default="health", show_default=True,
    help="What the new curriculum starts with.",
)
def init(directory: Path, template: str) -> None:
    """Create a new curriculum project in DIRECTORY that checks, builds and publishes."""
    if directory.exists() and any(directory.iterdir()):
        raise CoursebookError(
            f"{directory} already has files in it; choose a new or empty folder"
        )
    scaffold = resources.files("coursebook") / "scaffold"
    for folder in ("common", TEMPLATES[template]):
        with resources.as_file(scaffold / folder) as source:
            _copy_tree(source, directory)
    (directory / "curriculum" / "assets").mkdir(parents=True, exist_ok=True)
    click.echo(f"Created a curriculum project in {directory}. Next steps:")
    click.echo(f"  coursebook check {directory}")
    click.echo(f"  coursebook new module my-module {directory}")


def _copy_tree(source: Path, target: Path) -> None:
    """Copy `source` into `target`, writing each `dot-NAME` as `.NAME`."""
    for path in sorted(source.rglob("*")):
        if not path.is_file() or "__pycache__" in path.parts:
            continue
        parts = [part.replace(DOT, ".", 1) if part.startswith(DOT) else part
                 for part in path.relative_to(source).parts]
        destination = target.joinpath(*parts)
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, destination)


@click.group()
def new() -> None:
    """Add something new to a project from a template."""


@new.command("module")
@click.argument("module_id")
@click.argument(
    "project_dir", default=".", required=False,
    type=click.Path(file_okay=False, path_type=Path),
)
@click.option("--title", help="The module's title (made from the id if left out).")
def new_module(module_id: str, project_dir: Path, title: str | None) -> None:
    """Add curriculum/modules/MODULE_ID.md to the project in DIR (default: here)."""
    if not _ID.match(module_id):
        raise CoursebookError(f'"{module_id}" cannot be a module id; use {SLUG_RULE}')
    root = find_project(project_dir)
    target = root / MODULES_DIR / f"{module_id}.md"
    if target.exists():
        raise CoursebookError(f"{target.relative_to(root)} already exists; choose another id")
    reviewed = today()
    text = render_module_template(
        title=title or module_id.replace("-", " ").capitalize(),
        reviewed=reviewed,
        review_due=_years_later(reviewed, REVIEW_YEARS),
    )
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    click.echo(
        f"Created {target.relative_to(root)}. Replace its example text, then add it to a "
        "session in a course file: coursebook check names what is left to do."
    )


def render_module_template(title: str, reviewed: dt.date, review_due: dt.date) -> str:
    """The text of a new module, from `templates/module.md.j2`.

    The front matter is written by a YAML library, not by the template, so that
    any title (one with a colon, a quote or a #) comes out as valid YAML.
    """
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("coursebook", "templates"),
        autoescape=False,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    template = environment.get_template("module.md.j2")
    front_matter = {
        "title": title,
        "summary": placeholders.SUMMARY,
        "audiences": ["all"],
        "objectives": [placeholders.OBJECTIVE],
        "authors": [placeholders.AUTHOR],
        "reviewed": reviewed,
        "review-due": review_due,
        "sources": [],
    }
    return template.render(
        front_matter=yaml.safe_dump(
            front_matter, sort_keys=False, allow_unicode=True, width=1000
        ),
        placeholders=placeholders,
    )


def _years_later(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)
