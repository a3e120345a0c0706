"""CONTRIBUTING.md is plain English, covers every block, and quotes real check messages."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from coursebook.assemble.assemble import OutLine
from coursebook.assemble.blocks import Kind
from coursebook.checks.prose import prose
from coursebook.checks.readability import reading_age
from tests.conftest import MODULE_FRONT, REPO, check_lines

GUIDE = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")


def test_guide_reads_at_about_twelve_or_under() -> None:
    lines = [OutLine(text, "CONTRIBUTING.md", n) for n, text in enumerate(GUIDE.splitlines(), 1)]
    assert reading_age(prose(lines).text) <= 12


def test_guide_explains_every_block_terms_and_snippets() -> None:
    for kind in Kind:
        assert f"`::: {kind.value}" in GUIDE, kind
    assert "{{ clinician }}" in GUIDE
    assert "{{ snippet urgent-help }}" in GUIDE


def test_worked_example_quotes_the_message_check_prints(
    project: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COURSEBOOK_TODAY", "2026-11-23")
    module = MODULE_FRONT + (
        '\n::: activity "Talk" 30\nTalk.\n:::\n\n{{ snippet urgent-help }}\n\n'
        "::: only carers\nCaring for someone with these symptoms can be tiring too.\n\n"
        "## The good news\n"
    )
    root = project({"curriculum/modules/welcome.md": module})
    [message] = check_lines(root)
    where, text = message.split(": error: ")
    assert where == "curriculum/modules/welcome.md:19"
    assert f"curriculum/modules/symptom-cycle.md:41: error: {text}\n" in GUIDE
