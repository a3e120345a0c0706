"""A small curriculum for the PDF tests, and ways to look inside the PDFs it makes."""

from __future__ import annotations

import io
import math
import re
from collections.abc import Iterator
from pathlib import Path

from pypdf import PdfReader
from pypdf.generic import Destination

from tests.conftest import write_project

PACING = """---
title: Pacing your day
summary: How to spread out what you do so you have energy left at the end of the day.
audiences: [all]
objectives:
  - Plan a day with rests in it
authors:
  - Test team
reviewed: 2026-02-01
review-due: 2029-02-01
---

## Why pacing helps

Pacing means doing a bit, then resting, then doing a bit more.

![A ring of rest and activity](../assets/pace.svg)

| Time | What I will do |
|---|---|
| Morning | A short walk |
| Afternoon | A rest with a book |

::: activity "Plan a day" 20
Fill in the day planner on your own.

::: facilitator
FACNOTE pacing: give out pencils before you start.
:::

::: risk
RISKNOTE pacing: if someone feels unwell, stop and sit with them.
:::
:::

::: handout "Day planner"
- [ ] Morning
- [ ] Afternoon
:::
"""

ACTION_PLAN = """---
title: My action plan
summary: Make a small plan for the week.
audiences: [all]
objectives:
  - Make an action plan for the week
authors:
  - Test team
reviewed: 2026-03-01
review-due: 2029-03-01
---

## A plan for this week

Choose one small thing you want to do this week. See [pacing](pacing.md#why-pacing-helps).

::: activity "Make a plan" 15
Write your plan on the sheet.

::: facilitator
FACNOTE plan: ask each person to say their plan out loud.
:::
:::

::: handout "Day planner"
- [ ] Evening
:::

::: handout "My weekly plan"
This week I will: ______________
:::
"""

COURSE = """title: Feeling better together
summary: A short course the PDF tests print.
sessions:
  - title: Getting started
    minutes: 60
    prepare:
      - Name badges and a flip chart
    modules:
      - welcome
      - break: 10
        title: Tea break
      - pacing
  - title: Next steps
    minutes: 35
    modules:
      - pacing
      - action-plan
variants:
  community:
    title: Feeling better (community)
    audience: community
    description: For people living with a long-term condition.
  carers:
    title: Feeling better (carers)
    audience: carers
    description: For family members and friends who support someone.
"""

PACE_SVG = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100" width="200"
 height="100">
<circle cx="50" cy="50" r="40" fill="none" stroke="black" stroke-width="4"/>
<rect x="110" y="20" width="60" height="60" fill="black"/>
</svg>
"""

FILES = {
    "curriculum/courses/first-course.yml": None,
    "curriculum/courses/feeling-better.yml": COURSE,
    "curriculum/modules/pacing.md": PACING,
    "curriculum/modules/action-plan.md": ACTION_PLAN,
    "curriculum/assets/pace.svg": PACE_SVG,
}

COURSE_ID = "feeling-better"


def make_project(root: Path, extra: dict[str, str | None] | None = None) -> Path:
    """The scaffold from `coursebook init` with two sessions and two more modules."""
    return write_project(root, {**FILES, **(extra or {})})


def book(variant: str, kind: str) -> str:
    return f"downloads/{COURSE_ID}/{variant}/{kind}.pdf"


def text(reader: PdfReader, index: int) -> str:
    """A page's text with runs of white space made one space."""
    return re.sub(r"\s+", " ", reader.pages[index].extract_text())


def all_text(reader: PdfReader) -> str:
    return " ".join(text(reader, index) for index in range(len(reader.pages)))


def outline(reader: PdfReader) -> list[tuple[int, str, int]]:
    """Every bookmark as (depth, title, page index), depth first."""
    found: list[tuple[int, str, int]] = []

    def walk(items: list[object], depth: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            elif isinstance(item, Destination):
                page = reader.get_destination_page_number(item)
                found.append((depth, str(item.title), page if page is not None else -1))

    walk(reader.outline, 1)
    return found


def contents(reader: PdfReader, index: int) -> list[tuple[str, int]]:
    """The contents page's lines as (title, page number)."""
    lines = reader.pages[index].extract_text().splitlines()
    entries = []
    for line in lines:
        match = re.match(r"^(.*?)\s*\.{3,}\s*(\d+)$", line.strip())
        if match:
            entries.append((match[1].strip(), int(match[2])))
    return entries


def font_sizes(reader: PdfReader, index: int) -> Iterator[tuple[str, float]]:
    """Each run of text on a page with the size it is printed at, in points."""
    runs: list[tuple[str, float]] = []

    def visit(chunk: str, cm: list[float], tm: list[float], _font: object, size: float) -> None:
        if not chunk.strip():
            return
        vertical_x = tm[2] * cm[0] + tm[3] * cm[2]
        vertical_y = tm[2] * cm[1] + tm[3] * cm[3]
        runs.append((chunk, size * math.hypot(vertical_x, vertical_y)))

    reader.pages[index].extract_text(visitor_text=visit)
    return iter(runs)


def read(path: Path) -> PdfReader:
    return PdfReader(io.BytesIO(path.read_bytes()))
