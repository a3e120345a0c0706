"""The authors' reference, generated from the schema so it can never drift.

`coursebook reference` prints it; `curriculum/README.md` is its output, and a test
fails if the two differ. Field names, whether a field is required, defaults and
descriptions all come from the pydantic models in `coursebook.schema`.
"""

from __future__ import annotations

import types
import typing
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from coursebook.assemble.blocks import USAGE, Kind
from coursebook.checks.assets import ALLOWED
from coursebook.checks.site_settings import PLUGINS
from coursebook.report.diff import CODE_PATHS
from coursebook.schema import (
    Audience,
    Audiences,
    AvoidWord,
    BreakItem,
    Course,
    ModuleMeta,
    Project,
    Session,
    Source,
    Variant,
)

SECTIONS: tuple[tuple[str, type[BaseModel]], ...] = (
    ("`curriculum/curriculum.yml`", Project),
    ("`curriculum/audiences.yml`", Audiences),
    ("An audience", Audience),
    ("A word to avoid", AvoidWord),
    ("A module's front matter (`curriculum/modules/ID.md`)", ModuleMeta),
    ("A source", Source),
    ("A course (`curriculum/courses/ID.yml`)", Course),
    ("A session", Session),
    ("A break", BreakItem),
    ("A variant", Variant),
)

BLOCK_HELP = {
    Kind.FACILITATOR: "Only in the facilitator edition: notes, timings, what to watch for. "
    'A title in quotes is optional: ::: facilitator "Timing tip".',
    Kind.PARTICIPANT: "Only in the participant edition, for example space to write.",
    Kind.RISK: "Only in the facilitator edition, drawn as a warning: what to do if someone "
    "is at risk.",
    Kind.ONLY: "Only for the audiences named (ids from audiences.yml, separated by commas).",
    Kind.EXCEPT: "For every audience except those named.",
    Kind.OPTIONAL: "Left out by variants with `depth: reduced`.",
    Kind.ACTIVITY: "A timed activity: a title in quotes and whole minutes. The minutes make "
    "up the session's run-sheet.",
    Kind.HANDOUT: "A handout: shown in place and printed as its own PDF.",
}

SYNTAX = """\
## Writing modules

A module is a Markdown file with front matter (see below). Headings in the body
start at `##`: the module's title is the page's main heading. Blocks mark text
that only some readers see. A block starts with a line of `:::` and its kind, and
ends with a line of `:::` alone. Blocks can be nested; each `:::` line closes the
block opened most recently.

```
::: activity "Body scan" 15
Sit comfortably and notice each part of your body in turn.

::: facilitator
Read the script slowly. Leave time for silence.
:::
:::
```

| Block | What it does |
|---|---|
{blocks}

**Terms.** Words that change with the audience are written `{{{{ name }}}}`, for
example `{{{{ clinician }}}}`, which becomes "GP or practice nurse" for one audience
and "care coordinator" for another. `{{{{ Clinician }}}}` starts with a capital letter.
Terms are declared per audience in `audiences.yml`. Text inside code is left alone.

**Snippets.** A line `{{{{ snippet urgent-help }}}}` on its own puts in the text of
`curriculum/snippets/urgent-help.md`. Snippets can only come from that folder.

**Images.** Put images in `curriculum/assets/` and write
`![what the image shows](../assets/name.svg)`. Every image needs that description.
"""


def reference() -> str:
    """The whole reference page as Markdown."""
    blocks = "\n".join(f"| `{USAGE[kind]}` | {BLOCK_HELP[kind]} |" for kind in Kind)
    parts = [
        "# Curriculum reference\n",
        "This page is made by `coursebook reference` from the same definitions that "
        "`coursebook check` uses. Do not edit it by hand.\n",
        SYNTAX.format(blocks=blocks),
        _safety(),
        "## Files and fields\n",
    ]
    for heading, model in SECTIONS:
        parts.append(_model_section(heading, model))
    return "\n".join(parts)


def _safety() -> str:
    """What may be in `curriculum/assets/`, and which files run code."""
    code = "\n".join(f"- `{path.path}`: {path.what}." for path in CODE_PATHS)
    return (
        "## Files the site publishes, and files that run code\n\n"
        f"**Assets.** `curriculum/assets/` may hold only these kinds of file: {ALLOWED}. "
        "An SVG drawing may not hold a script, an `on...` attribute, a web page "
        "(`<foreignObject>`) or a reference to anything outside itself; `coursebook check` "
        "names the line. No file in the project may be a symbolic link.\n\n"
        "**Files that run code.** These files are not content: they run as code when the "
        "site and PDFs are built, so `coursebook diff` lists a change to them as one that "
        "needs a maintainer's review. Do not change them in a content pull request.\n\n"
        f"{code}\n\n"
        "In `mkdocs.yml`, `hooks:`, `INHERIT:`, `extra_javascript:` and `extra_templates:` "
        f"are refused, and so is any plugin but {', '.join(PLUGINS)}, and any Markdown "
        "extension but those that only change how Markdown is written.\n"
    )


def _model_section(heading: str, model: type[BaseModel]) -> str:
    lines = [f"### {heading}\n", (model.__doc__ or "").strip() + "\n"]
    lines.append("| Field | Required | Type | Default | What it is |")
    lines.append("|---|---|---|---|---|")
    for name, info in model.model_fields.items():
        key = info.alias or name
        required = "yes" if info.is_required() else "no"
        lines.append(
            f"| `{key}` | {required} | {_type_name(info.annotation)} | {_default(info)} | "
            f"{info.description or ''} |"
        )
    return "\n".join(lines) + "\n"


def _default(info: FieldInfo) -> str:
    if info.is_required():
        return ""
    if info.default_factory is not None:
        return "empty"
    if info.default is None:
        return "none"
    return f"`{info.default}`"


def _type_name(annotation: Any) -> str:
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Annotated:
        return _type_name(args[0])
    if origin in (typing.Union, types.UnionType):
        names = [_type_name(a) for a in args if a is not type(None)]
        return " or ".join(dict.fromkeys(names))
    if origin is list:
        return f"list of {_type_name(args[0])}"
    if origin is dict:
        return f"map of {_type_name(args[0])} to {_type_name(args[1])}"
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation.__name__.lower()
    simple: dict[Any, str] = {str: "text", int: "number", bool: "true or false"}
    if annotation in simple:
        return simple[annotation]
    return getattr(annotation, "__name__", str(annotation)).replace("date", "date (YYYY-MM-DD)")
