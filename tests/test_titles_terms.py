"""Terms in activity and handout titles are the audience's words, wherever the title shows."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from coursebook.pipeline import load_and_check
from tests.conftest import MODULE_FRONT

WELCOME = "curriculum/modules/welcome.md"


def test_activity_and_handout_titles_use_each_audiences_terms(
    project: Callable[..., Path],
) -> None:
    root = project({WELCOME: MODULE_FRONT + (
        '\n::: activity "Talk to your {{ clinician }}" 30\nTalk in pairs.\n:::\n\n'
        '::: handout "Ask your {{ clinician }}"\nWrite your questions.\n:::\n\n'
        "::: only carers\n{{ snippet urgent-help }}\n:::\n"
    )})
    assembled, _ = load_and_check(root)
    assert assembled is not None
    seen = {}
    for edition in assembled.editions:
        slots = [
            slot.title for session in edition.sessions for slot in session.timeline
            if not slot.is_break
        ]
        seen[edition.audience] = (slots, [h.title for h in edition.handouts()])
    assert seen["community"] == (
        ["Talk to your GP or practice nurse"], ["Ask your GP or practice nurse"]
    )
    assert seen["carers"] == (["Talk to your care team"], ["Ask your care team"])
