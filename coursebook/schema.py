"""The curriculum's file formats, declared once.

Each class below is one kind of YAML an author writes. Pydantic validates it, and
`coursebook.reference` turns these same declarations (field names, types,
defaults and descriptions) into the authors' reference page, so the page and
the validator cannot disagree.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$")]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Minutes = Annotated[int, Field(gt=0, le=600, strict=True)]
"""Strict, so that `minutes: true` is an error rather than 1 minute."""

SLUG_RULE = "lower-case letters, digits and hyphens, such as `action-planning`"
ALL_AUDIENCES = "all"


def _kebab(name: str) -> str:
    return name.replace("_", "-")


class Schema(BaseModel):
    """Shared settings: unknown fields are errors, YAML names use hyphens."""

    model_config = ConfigDict(
        extra="forbid", alias_generator=_kebab, populate_by_name=True, frozen=True
    )


class Source(Schema):
    """A publication or guideline that a module's facts come from."""

    title: Text = Field(description="The title of the publication or web page.")
    publisher: Text | None = Field(None, description="The organisation or authors behind it.")
    year: int | None = Field(None, ge=1900, le=2100, description="The year it was published.")
    url: Annotated[str, StringConstraints(pattern=r"^https://")] | None = Field(
        None, description="A web address where a reader can check it, starting with https://."
    )


class ModuleMeta(Schema):
    """The front matter at the top of a module file, between two `---` lines."""

    title: Text = Field(description="The module's title, as participants will see it.")
    summary: Text = Field(description="One or two sentences on what the module covers.")
    audiences: list[Slug] = Field(
        min_length=1,
        description=(
            "The audiences this module may be used with, by their id in `audiences.yml`, "
            "or `[all]`."
        ),
    )
    objectives: list[Text] = Field(
        min_length=1, description="What participants will be able to do after the module."
    )
    authors: list[Text] = Field(min_length=1, description="Who wrote the module.")
    co_produced_with: list[Text] = Field(
        default_factory=list,
        description="People or groups who co-produced it (patients, carers, peer tutors).",
    )
    reviewed: dt.date = Field(description="When the content was last reviewed, as YYYY-MM-DD.")
    review_due: dt.date = Field(description="When it must next be reviewed, as YYYY-MM-DD.")
    sources: list[Source] = Field(
        default_factory=list, description="Where the facts in the module come from."
    )

    def allows(self, audience: str) -> bool:
        """Whether this module may be used with `audience`."""
        return ALL_AUDIENCES in self.audiences or audience in self.audiences


class BreakItem(Schema):
    """A break between modules in a session."""

    break_: Minutes = Field(alias="break", description="How long the break is, in minutes.")
    title: Text = Field("Break", description="What the break is called on the run-sheet.")


SessionItem = Annotated[Slug, Field(description="A module id.")] | BreakItem


class Session(Schema):
    """One meeting of the group: an ordered list of modules and breaks."""

    title: Text = Field(description="The session's title.")
    minutes: Minutes = Field(description="How long the session is, in minutes.")
    id: Slug | None = Field(
        None, description="A short name for the session; made from the title if left out."
    )
    prepare: list[Text] = Field(
        default_factory=list, description="What facilitators need to bring or set up."
    )
    items: list[SessionItem] = Field(
        alias="modules",
        min_length=1,
        description="Module ids and breaks (`- break: 15`), in the order they are run.",
    )

    @property
    def slug(self) -> str:
        return self.id or slugify(self.title)


class Variant(Schema):
    """A version of a course for one audience."""

    title: Text = Field(description="The variant's title, shown on covers and the site.")
    audience: Slug = Field(description="The audience it is for, by its id in `audiences.yml`.")
    description: Text = Field(description="Who this variant is for, in a sentence or two.")
    drop: list[Slug] = Field(
        default_factory=list, description="Module ids this variant leaves out."
    )
    depth: Annotated[str, StringConstraints(pattern=r"^(full|reduced)$")] = Field(
        "full", description="`reduced` leaves out every `::: optional` block."
    )
    session_minutes: Minutes | dict[Slug, Minutes] | None = Field(
        None,
        description=(
            "Session lengths for this variant when they differ from the course: "
            "one number for every session, or session ids with their minutes."
        ),
    )
    venue: Text | None = Field(None, description="Advice on where to run this variant.")


class Course(Schema):
    """A course file in `curriculum/courses/`."""

    title: Text = Field(description="The course's title.")
    summary: Text = Field(description="What the course is and who it is for.")
    group_size: Text | None = Field(
        None, description="How many people a group has, e.g. `8 to 16`."
    )
    facilitators: Text | None = Field(
        None, description="Who delivers it, e.g. `two tutors, one with lived experience`."
    )
    sessions: list[Session] = Field(min_length=1, description="The sessions, in order.")
    variants: dict[Slug, Variant] = Field(
        min_length=1, description="The variants, by id. Every course has at least one."
    )


class AvoidWord(Schema):
    """A word or phrase an audience's participant edition should not use."""

    word: Text = Field(description="The word or phrase to avoid (any capitalisation).")
    instead: Text = Field(description="What to write instead, or why the word is avoided.")


class Audience(Schema):
    """A group of people a variant is written for."""

    name: Text = Field(description="The audience's name, as readers see it.")
    description: Text = Field(description="Who these people are.")
    reading_age: Annotated[int, Field(ge=7, le=21)] = Field(
        11, description="The UK reading age participant text should not go above."
    )
    mental_health: bool = Field(
        False, description="Whether this is a mental-health audience (urgent help is required)."
    )
    terms: dict[Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_-]*$")], Text] = Field(
        default_factory=dict,
        description="The words that change per audience, used in modules as `{{ name }}`.",
    )
    avoid: list[AvoidWord] = Field(
        default_factory=list, description="Words the participant edition should not use."
    )
    requires: list[Slug] = Field(
        default_factory=list,
        description="Snippets every participant edition for this audience must include.",
    )


class Audiences(Schema):
    """`curriculum/audiences.yml`: every audience, by id."""

    audiences: dict[Slug, Audience] = Field(min_length=1, description="The audiences, by id.")


class Project(Schema):
    """`curriculum/curriculum.yml`: facts about the whole curriculum."""

    title: Text = Field(description="The curriculum's name, shown on the site and PDFs.")
    organisation: Text = Field(description="Who publishes it.")
    version: Text = Field(description="The version printed on every page, e.g. `2026.1`.")
    language: Annotated[str, StringConstraints(pattern=r"^[a-z]{2}(-[A-Z]{2})?$")] = Field(
        "en-GB", description="The language of the text, as a code such as `en-GB`."
    )
    licence: Text | None = Field(None, description="The licence the material is shared under.")
    disclaimer: Text | None = Field(
        "This course is health education, not clinical advice. "
        "Talk to your own doctor, nurse or care team about your care.",
        description="Printed on covers and the home page, in a box; `null` for none.",
    )
    disclaimer_title: Text = Field(
        "Education, not clinical advice", description="The title of the disclaimer's box."
    )


def slugify(text: str) -> str:
    """A URL-safe id made from a title: `Pain & fatigue` -> `pain-fatigue`."""
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug or "untitled"
