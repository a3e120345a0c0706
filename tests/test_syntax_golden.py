"""Golden files for the authoring syntax: each source beside its expected output.

Every `tests/golden/syntax/NAME.md` is a module body. It is assembled for three
variants (community full, secondary-care reduced, carers full) in both editions,
and the result must match `NAME.out.md`. Run `pytest --update-golden` to rewrite
the expected files after an intended change, then read the diff.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from coursebook.assemble.assemble import Edition
from coursebook.pipeline import load_and_check
from tests.conftest import check_golden, write_project

GOLDEN = Path(__file__).parent / "golden" / "syntax"
CASES = sorted(p for p in GOLDEN.glob("*.md") if not p.name.endswith(".out.md"))

AUDIENCES = """\
audiences:
  community:
    name: People living with a long-term condition
    description: Adults with long-term conditions.
    terms: {clinician: GP or practice nurse, person: you}
  secondary-care:
    name: Clients of a community mental health team
    description: Adults supported by a mental health team.
    reading-age: 10
    terms: {clinician: care coordinator, person: you}
  carers:
    name: Carers
    description: People who support someone.
    terms: {clinician: care team, person: the person you care for}
"""

COURSE = """\
title: Golden course
summary: One module, three variants.
sessions:
  - title: Only session
    minutes: 40
    modules: [case]
variants:
  community: {title: Community, audience: community, description: Full depth.}
  secondary-care:
    title: Secondary care
    audience: secondary-care
    description: Reduced depth.
    depth: reduced
  carers: {title: Carers, audience: carers, description: Carers.}
"""

FRONT = """\
---
title: Golden case
summary: A module used to pin down the syntax.
audiences: [all]
objectives: [Show the syntax]
authors: [Coursebook tests]
reviewed: 2026-01-01
review-due: 2028-01-01
---
"""


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_module_renders_as_golden_file(case: Path, tmp_path: Path, update_golden: bool) -> None:
    root = write_project(
        tmp_path / "golden",
        {
            "curriculum/audiences.yml": AUDIENCES,
            "curriculum/courses/first-course.yml": None,
            "curriculum/courses/golden.yml": COURSE,
            "curriculum/modules/welcome.md": None,
            "curriculum/modules/case.md": FRONT + case.read_text(encoding="utf-8"),
        },
    )
    assembled, _ = load_and_check(root)
    assert assembled is not None
    parts = []
    for variant in ("community", "secondary-care", "carers"):
        for edition in Edition:
            result = assembled.edition("golden", variant, edition)
            session = result.sessions[0]
            page = session.pages[0]
            timings = ", ".join(f"{s.title} {s.minutes}" for s in session.timeline) or "none"
            handouts = ", ".join(h.title for h in page.handouts) or "none"
            parts.append(
                f"<!-- {variant} / {edition.value} | activities: {timings} | "
                f"handouts: {handouts} -->\n{page.markdown}"
            )
    check_golden(GOLDEN / f"{case.stem}.out.md", "\n".join(parts), update_golden)


def test_same_module_differs_by_audience_and_edition() -> None:
    """The golden files really do show different text per audience and per edition."""
    text = (GOLDEN / "audiences.out.md").read_text(encoding="utf-8")
    sections = text.split("<!-- ")[1:]
    assert len({s.split("-->", 1)[1] for s in sections}) >= 3
    editions = (GOLDEN / "editions.out.md").read_text(encoding="utf-8").split("<!-- ")[1:]
    facilitator, participant = editions[0], editions[1]
    assert "Put the chairs in a circle" in facilitator
    assert "Put the chairs in a circle" not in participant
    assert "My notes:" in participant
    assert "My notes:" not in facilitator
