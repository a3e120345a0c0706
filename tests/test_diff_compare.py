"""`coursebook compare MODULE`: one module in every variant and edition, side by side."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import MODULE_FRONT, run_cli

WELCOME = MODULE_FRONT + """
## Why we meet

Talk to your {{ clinician }} first.

::: activity "Introductions" 30
Say your name.

::: facilitator
Go first.
:::
:::

::: only carers
{{ snippet urgent-help }}
:::
"""


@pytest.fixture
def sample(project: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("COURSEBOOK_TODAY", "2026-11-23")
    return project({"curriculum/modules/welcome.md": WELCOME})


def test_compare_shows_each_version_against_the_fullest(sample: Path) -> None:
    result = run_cli("compare", "welcome", str(sample))
    assert result.exit_code == 0, result.output
    expected = [
        'Test module (welcome) reads 4 different ways across the variants and editions that '
        'use it.',
        'Fullest version: first-course/carers facilitator edition.',
        '',
        'What first-course/community facilitator edition gets, compared with the fullest version:',
        '--- first-course/carers facilitator edition',
        '+++ first-course/community facilitator edition',
        '@@ -3,5 +3,5 @@',
        ' ## Why we meet',
        ' ',
        '-Talk to your care team first.',
        '+Talk to your GP or practice nurse first.',
        ' ',
        ' !!! cb-activity "Activity: Introductions (30 minutes)"',
        '@@ -10,7 +10,2 @@',
        '     !!! cb-facilitator "Facilitator notes"',
        '         Go first.',
        '-',
        '-!!! cb-urgent "If you need help now"',
        "-    - If someone's life is in danger, call **999**.",
        '-    - For urgent help that is not an emergency, call **NHS 111**.',
        '-    - Samaritans are there any time, for free, on **116 123**.',
        '',
        'What first-course/community participant edition gets, compared with the fullest version:',
        '--- first-course/carers facilitator edition',
        '+++ first-course/community participant edition',
        '@@ -3,14 +3,6 @@',
        ' ## Why we meet',
        ' ',
        '-Talk to your care team first.',
        '+Talk to your GP or practice nurse first.',
        ' ',
        ' !!! cb-activity "Activity: Introductions (30 minutes)"',
        '     Say your name.',
        '-',
        '-    !!! cb-facilitator "Facilitator notes"',
        '-        Go first.',
        '-',
        '-!!! cb-urgent "If you need help now"',
        "-    - If someone's life is in danger, call **999**.",
        '-    - For urgent help that is not an emergency, call **NHS 111**.',
        '-    - Samaritans are there any time, for free, on **116 123**.',
        '',
        'What first-course/carers participant edition gets, compared with the fullest version:',
        '--- first-course/carers facilitator edition',
        '+++ first-course/carers participant edition',
        '@@ -8,7 +8,4 @@',
        '     Say your name.',
        ' ',
        '-    !!! cb-facilitator "Facilitator notes"',
        '-        Go first.',
        '-',
        ' !!! cb-urgent "If you need help now"',
        "     - If someone's life is in danger, call **999**.",
    ]
    assert result.output == "\n".join(expected) + "\n"


def test_compare_markdown_and_html(sample: Path) -> None:
    markdown = run_cli("compare", "welcome", str(sample), "--format", "markdown").output
    assert markdown.startswith("## How “Test module” reads in each variant\n")
    assert markdown.count("```diff\n") == 3
    assert "### first-course/carers participant edition\n" in markdown
    html = run_cli("compare", "welcome", str(sample), "--format", "html").output
    assert html.startswith("<!doctype html>")
    assert html.count('<table class="diff"') == 3
    assert "GP&nbsp;or&nbsp;practice&nbsp;nurse" in html


def test_compare_unknown_or_unused_module(sample: Path) -> None:
    unknown = run_cli("compare", "welcom", str(sample))
    assert unknown.exit_code == 1
    assert unknown.output == (
        'coursebook: there is no module "welcom" in curriculum/modules/; give a module id, the '
        'file name without .md. Did you mean "welcome"?\n'
    )
    (sample / "curriculum/modules/spare.md").write_text(WELCOME, encoding="utf-8")
    unused = run_cli("compare", "spare", str(sample))
    assert unused.output == (
        'coursebook: no course variant uses the module "spare"; add it to a session in a course '
        "file to see how it reads\n"
    )
