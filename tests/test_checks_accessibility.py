"""Accessible content: alt text, link text, heading levels, table header rows."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import check_lines, module_text

WELCOME = "curriculum/modules/welcome.md"
SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"></svg>\n'


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COURSEBOOK_TODAY", "2026-11-23")


def test_pictures_need_alt_text_that_describes_them(project: Callable[..., Path]) -> None:
    root = project({
        "curriculum/assets/plate.svg": SVG,
        WELCOME: module_text(
            "![](../assets/plate.svg)",
            "![ Picture ](../assets/plate.svg)",
            "![plate.svg](../assets/plate.svg)",
            "![A plate split into five food groups](../assets/plate.svg)",
        ),
    })
    assert check_lines(root) == [
        f"{WELCOME}:12: error: this picture has no alt text, so screen readers cannot describe "
        "it; write what it shows between the square brackets: "
        "![A ring of symptoms joined by arrows](../assets/NAME.svg)",
        f'{WELCOME}:13: warning: the alt text "Picture" does not say what the picture shows; '
        "describe it in a sentence between the square brackets",
        f'{WELCOME}:14: warning: the alt text "plate.svg" does not say what the picture shows; '
        "describe it in a sentence between the square brackets",
    ]


def test_alt_text_in_an_attribute_list_counts(project: Callable[..., Path]) -> None:
    root = project({
        "curriculum/assets/plate.svg": SVG,
        WELCOME: module_text(
            "![Figure 1: the plate](../assets/plate.svg){alt='A plate split into five groups'}",
            '![](../assets/plate.svg){ alt="A plate split into five groups" }',
            "![](../assets/plate.svg){alt='image'}",
            "![](../assets/plate.svg){.wide}",
        ),
    })
    assert check_lines(root) == [
        f'{WELCOME}:14: warning: the alt text "image" does not say what the picture shows; '
        "describe it in a sentence between the square brackets",
        f"{WELCOME}:15: error: this picture has no alt text, so screen readers cannot describe "
        "it; write what it shows between the square brackets: "
        "![A ring of symptoms joined by arrows](../assets/NAME.svg)",
    ]


def test_link_text_must_say_where_it_goes(project: Callable[..., Path]) -> None:
    root = project({WELCOME: module_text(
        "For help, [click here](https://111.nhs.uk).",
        "Read more [here](https://www.nhs.uk) or [This link](https://www.nhs.uk).",
        "Try [NHS 111 online](https://111.nhs.uk).",
    )})
    advice = (
        "does not say where the link goes; screen-reader users hear links on their own, so name "
        "the place: [NHS 111 online](https://111.nhs.uk)"
    )
    assert check_lines(root) == [
        f'{WELCOME}:12: warning: the link text "click here" {advice}',
        f'{WELCOME}:13: warning: the link text "This link" {advice}',
        f'{WELCOME}:13: warning: the link text "here" {advice}',
    ]


def test_headings_start_at_two_and_do_not_skip_levels(project: Callable[..., Path]) -> None:
    root = project({WELCOME: module_text(
        "# Welcome again",
        "",
        "## What we will do",
        "",
        "#### Small print",
        "",
        "### Fine",
        "",
        "```",
        "# not a heading inside code",
        "```",
    )})
    assert check_lines(root) == [
        f'{WELCOME}:12: warning: the page title "Test module" is the only # heading; start '
        "headings in a module at ## (change # to ##)",
        f"{WELCOME}:16: warning: this heading skips from ## to ####; screen-reader users move by "
        "heading level, so use ### here",
    ]


def test_heading_skipped_only_in_one_variant_is_found(project: Callable[..., Path]) -> None:
    root = project({WELCOME: module_text(
        "::: only carers",
        "## For carers",
        ":::",
        "",
        "### Next steps",
    )})
    assert check_lines(root) == [
        f"{WELCOME}:16: warning: this heading skips from # to ###; screen-reader users move by "
        "heading level, so use ## here",
    ]


def test_tables_need_a_header_row(project: Callable[..., Path]) -> None:
    root = project({WELCOME: module_text(
        "| Monday | |",
        "| Tuesday | |",
        "",
        "| | |",
        "|---|---|",
        "| Monday | |",
        "",
        "| Day | Score |",
        "|:---|---:|",
        "| Monday | |",
    )})
    assert check_lines(root) == [
        f"{WELCOME}:12: error: this table has no header row, so screen readers cannot name its "
        "columns; make the first row the column names and put a line like |---|---| under it",
        f"{WELCOME}:15: error: this table's header row is empty; write a name for each column in "
        "its first row",
    ]
