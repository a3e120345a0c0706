"""A small project that uses every feature the website shows.

Two variants; a module run in both sessions (a weekly routine); a participant
block, a handout, risk steps and an image; every session planned to fit its length
(`OVER_TIME` makes the second one 5 minutes too short: the checks reject that,
but the site's run-sheet must still flag it).
"""

from __future__ import annotations

from dataclasses import dataclass

COURSE = """\
title: Feeling well
summary: A short course about feeling well.
group-size: 8 to 12 people
facilitators: Two tutors
sessions:
  - title: Starting out
    id: starting-out
    minutes: 75
    prepare:
      - Name badges and a flip chart
    modules:
      - welcome
      - diary
      - break: 10
        title: Tea break
      - routine
  - title: Going on
    id: going-on
    minutes: 35
    modules:
      - routine
      - diary
variants:
  community:
    title: Feeling well (community)
    audience: community
    description: For people who live with a long-term condition.
  carers:
    title: Feeling well (carers)
    audience: carers
    description: For family and friends who care for someone.
"""

DIARY = """\
---
title: Keeping a diary
summary: Write down how you feel each day.
audiences: [all]
objectives:
  - Start a diary
authors:
  - Sam Writer
co-produced-with:
  - The carers' panel
reviewed: 2026-01-15
review-due: 2028-01-15
---

A diary helps you see patterns.

![A ring of arrows.](../assets/cycle.svg)

::: activity "Start your diary" 20
Fill in the first row today.

::: participant
My first row: ________________
:::

::: facilitator
Show a filled-in row first.
:::
:::

::: handout "My diary"
Write one line a day.
:::

::: risk
If someone says they are not safe, stay with them and call 999.
:::
"""

ROUTINE = """\
---
title: How did the week go?
summary: Share how last week went.
audiences: [all]
objectives:
  - Say how your plan went
authors:
  - Sam Writer
reviewed: 2026-01-15
review-due: 2028-01-15
---

We start each week by sharing how it went.

::: activity "Round the group" 15
Each person says how their week went.
:::
"""

OVER_TIME = {"curriculum/courses/first-course.yml": COURSE.replace("minutes: 35", "minutes: 30")}

SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">'
    '<circle cx="5" cy="5" r="4"/></svg>\n'
)

FILES: dict[str, str | bytes | None] = {
    "curriculum/courses/first-course.yml": COURSE,
    "curriculum/modules/diary.md": DIARY,
    "curriculum/modules/routine.md": ROUTINE,
    "curriculum/assets/cycle.svg": SVG,
}


@dataclass(frozen=True)
class FakePdf:
    """A PDF as the PDF writer describes it."""

    course: str
    variant: str
    kind: str
    title: str
    path: str
    pages: int
    bytes: int
    handout: str | None = None


PDFS = (
    FakePdf(
        "first-course", "community", "facilitator-manual", "Feeling well: facilitator manual",
        "downloads/first-course/community/facilitator-manual.pdf", 12, 830_000,
    ),
    FakePdf(
        "first-course", "community", "handout", "My diary",
        "downloads/first-course/community/handouts/my-diary.pdf", 1, 20_000, "my-diary",
    ),
)
