"""`coursebook report`: the Markdown for a pull request (golden), HTML, the site page, text."""

from __future__ import annotations

from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import pytest

from coursebook.pipeline import load_and_check
from coursebook.report import site_page
from tests.conftest import MODULE_FRONT, check_golden, run_cli

GOLDEN = Path(__file__).parent / "golden" / "report"
COURSE = """title: My first course
summary: A short course to start from.
sessions:
  - title: Getting started
    minutes: 30
    modules:
      - welcome
  - title: Pacing yourself
    minutes: 40
    modules:
      - pacing
      - break: 5
        title: Tea
variants:
  community:
    title: My first course (community)
    audience: community
    description: For people living with a long-term condition.
  carers:
    title: My first course (carers)
    audience: carers
    description: For family members and friends who support someone.
"""
WELCOME = MODULE_FRONT.replace("review-due: 2028-01-15", "review-due: 2027-01-10") + """
## Why we meet

Welcome to the course. Each week we meet for a short time. We talk and we try new things.
Anyone who suffers from pain is welcome here. You do not have to talk unless you want to.

::: activity "Introductions" 30
Say your name and one thing you enjoy.
:::

::: only carers
{{ snippet urgent-help }}
:::
"""
PACING = MODULE_FRONT.replace("title: Test module", "title: Pacing") + """
## Planning your activities

Pacing necessitates comprehensive consideration of physiological limitations and
individualised prioritisation of demanding responsibilities throughout the week.
Alternating activities, incorporating regular intermissions, facilitates sustainable
participation.

::: activity "Plan a day" 20
Plan one day with rests.
:::
"""
FILES = {
    "curriculum/courses/first-course.yml": COURSE,
    "curriculum/modules/welcome.md": WELCOME,
    "curriculum/modules/pacing.md": PACING,
}


@pytest.fixture
def sample(project: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("COURSEBOOK_TODAY", "2026-11-23")
    return project(FILES)


def test_markdown_report_matches_golden(sample: Path, update_golden: bool) -> None:
    result = run_cli("report", "--format", "markdown", str(sample))
    assert result.exit_code == 0, result.output
    check_golden(GOLDEN / "report.md", result.output, update_golden)


class _Svgs(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)


def test_site_page_and_html_fragment_carry_charts(sample: Path) -> None:
    assembled, problems = load_and_check(sample)
    assert assembled is not None
    page = site_page(assembled, problems)
    assert page.startswith("# Curriculum report\n")
    assert page.count('<figure class="cb-report-chart"><svg class="cb-chart"') == 2
    assert ">25.3 / 11 over</text>" in page
    assert ">6.9 / 11</text>" in page
    html = run_cli("report", "--format", "html", str(sample)).output
    parsed = _Svgs()
    parsed.feed(html)
    assert parsed.tags.count("svg") == 2
    assert parsed.tags.count("table") == 4
    assert html.startswith('<section class="cb-report">')


def test_text_report_is_a_readable_table(sample: Path) -> None:
    result = run_cli("report", str(sample))
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[1] == "check: 0 errors, 5 warnings"
    assert any(line.split() == ["2.", "Pacing", "yourself", "25", "40", "15", "min", "spare"]
               for line in lines)
    assert any("suffers from" in line for line in lines)
