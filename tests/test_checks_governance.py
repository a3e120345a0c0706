"""Governance: required content per audience, and reviews that are due."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import MODULE_FRONT, check_lines, module_text

WELCOME = "curriculum/modules/welcome.md"
COURSE = "curriculum/courses/first-course.yml"


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COURSEBOOK_TODAY", "2026-11-23")


def test_variant_without_required_snippet_is_an_error_at_its_variant_line(
    project: Callable[..., Path],
) -> None:
    module = module_text("Welcome.").replace("::: only carers", "::: only community")
    root = project({WELCOME: module})
    assert check_lines(root) == [
        f'{COURSE}:15: error: the variant "carers" is for the audience "carers", whose '
        'participant edition must include the snippet "urgent-help", but none of its modules '
        "shows it to participants; add {{ snippet urgent-help }} on its own line to a module "
        "this variant uses (outside any facilitator or risk block)",
    ]


def test_required_snippet_only_in_facilitator_notes_does_not_count(
    project: Callable[..., Path],
) -> None:
    module = MODULE_FRONT + (
        "Welcome.\n\n::: activity \"Talk\" 30\nTalk.\n:::\n\n"
        "::: facilitator\n{{ snippet urgent-help }}\n:::\n"
    )
    root = project({WELCOME: module})
    assert [line.split(": error: ")[0] for line in check_lines(root)] == [f"{COURSE}:15"]


def test_required_snippet_that_does_not_exist_is_reported_in_audiences(
    project: Callable[..., Path],
) -> None:
    root = project({"curriculum/snippets/urgent-help.md": None, WELCOME: module_text("Hi.")
                    .replace("{{ snippet urgent-help }}", "Call 999.")})
    assert check_lines(root) == [
        "curriculum/audiences.yml:21: error: the audience \"carers\" requires the snippet "
        '"urgent-help", but there is no curriculum/snippets/urgent-help.md; add that file, or '
        "check the name",
    ]


def test_review_due_in_the_past_is_a_warning(project: Callable[..., Path]) -> None:
    module = module_text("Welcome.").replace("review-due: 2028-01-15", "review-due: 2026-06-01")
    root = project({WELCOME: module})
    assert check_lines(root) == [
        f"{WELCOME}:10: warning: this module was due for review on 2026-06-01; review it, then "
        "update reviewed: and review-due:",
    ]
