"""What must be published is published: required boxes, closed code fences, finished tags."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import MODULE_FRONT, check_lines, module_text

WELCOME = "curriculum/modules/welcome.md"
HIDDEN = (
    'the snippet "urgent-help" is in this module, but the published participant page would '
    "not show it: something before it hides it (an HTML comment <!--, an unfinished tag such "
    "as <br, or a code fence ``` that is not closed); fix the text before "
    "{{ snippet urgent-help }}"
)


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COURSEBOOK_TODAY", "2026-11-23")


def with_tail(tail: str) -> str:
    """The test module with its closing lines (activity, then urgent help) replaced."""
    return MODULE_FRONT + "Hello.\n\n::: activity \"Talk\" 30\nTalk in pairs.\n:::\n\n" + tail


def test_raw_html_around_the_urgent_help_box_is_an_error(project: Callable[..., Path]) -> None:
    root = project({WELCOME: with_tail(
        "::: only carers\n<div>\n{{ snippet urgent-help }}\n</div>\n:::\n"
    )})
    assert check_lines(root) == [f"{WELCOME}:19: error: {HIDDEN}"]


def test_a_comment_cannot_hide_the_urgent_help_box(project: Callable[..., Path]) -> None:
    root = project({WELCOME: with_tail(
        "::: only carers\n<!--\n{{ snippet urgent-help }}\n-->\n:::\n"
    )})
    assert check_lines(root) == [
        f'{WELCOME}:19: warning: "<!--" starts an HTML tag that is not finished on this line, '
        'so it is shown as typed; write &lt; for a "<" sign, or finish the tag with ">" on '
        "the same line",
    ]


def test_an_unfinished_tag_before_the_box_is_shown_as_typed(
    project: Callable[..., Path],
) -> None:
    root = project({WELCOME: with_tail(
        "::: only carers\nSee below <br\n{{ snippet urgent-help }}\n:::\n"
    )})
    assert check_lines(root) == [
        f'{WELCOME}:19: warning: "<br" starts an HTML tag that is not finished on this line, '
        'so it is shown as typed; write &lt; for a "<" sign, or finish the tag with ">" on '
        "the same line",
    ]


def test_an_unclosed_code_fence_is_an_error_at_its_opening_line(
    project: Callable[..., Path],
) -> None:
    root = project({WELCOME: module_text("Some code:", "", "```", "git status")})
    lines = check_lines(root)
    assert f"{WELCOME}:14: error: the code block that starts here with ``` is never closed, " \
        "so everything after it (boxes and facilitator notes too) would print as code; add a " \
        "line with ``` where the code ends" in lines


def test_a_closed_fence_and_finished_tags_pass(project: Callable[..., Path]) -> None:
    root = project({WELCOME: module_text(
        "```", "<USERNAME> and <br", "```", "", "Line one<br>", "`<code` stays", "a < b",
    )})
    assert check_lines(root) == []
