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

from coursebook.errors import CoursebookError
from coursebook.layout import MODULES_DIR
from coursebook.load.project import find_project
from coursebook.pipeline import today
from coursebook.schema import SLUG_RULE

REVIEW_YEARS = 3
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@click.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
def init(directory: Path) -> None:
    """Create a new, valid curriculum project in DIRECTORY."""
    if directory.exists() and any(directory.iterdir()):
        raise CoursebookError(
            f"{directory} already has files in it; choose a new or empty folder"
        )
    scaffold = resources.files("coursebook") / "scaffold" / "project"
    with resources.as_file(scaffold) as source:
        shutil.copytree(source, directory, dirs_exist_ok=True)
    click.echo(f"Created a curriculum project in {directory}. Next steps:")
    click.echo(f"  coursebook check {directory}")
    click.echo(f"  coursebook new module my-module --project {directory}")


@click.group()
def new() -> None:
    """Add something new to a project from a template."""


@new.command("module")
@click.argument("module_id")
@click.option("--title", help="The module's title (made from the id if left out).")
@click.option(
    "--project", "project_dir", default=".", type=click.Path(file_okay=False, path_type=Path),
    help="The project folder.",
)
def new_module(module_id: str, title: str | None, project_dir: Path) -> None:
    """Add curriculum/modules/MODULE_ID.md from the module template."""
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
    click.echo(f"Created {target.relative_to(root)}. Add it to a session in a course file.")


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
        "summary": "Say in one or two sentences what this module covers.",
        "audiences": ["all"],
        "objectives": ["Say what participants will be able to do after this module"],
        "authors": ["Your curriculum team"],
        "reviewed": reviewed,
        "review-due": review_due,
        "sources": [],
    }
    return template.render(
        front_matter=yaml.safe_dump(
            front_matter, sort_keys=False, allow_unicode=True, width=1000
        )
    )


def _years_later(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)
