"""Plain language per audience: reading ages and words to avoid in participant text."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from coursebook.assemble.assemble import OutLine
from coursebook.checks.prose import prose
from coursebook.checks.readability import reading_age
from tests.conftest import check_lines, module_text, run_cli

WELCOME = "curriculum/modules/welcome.md"
HARD = (
    "Pharmacological interventions necessitate comprehensive understanding of "
    "contraindications, and individuals experiencing polypharmacy frequently encounter "
    "considerable difficulties coordinating administration schedules."
)
PLAIN = "You can ask about your tablets. Write your questions down. Take the list with you."


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COURSEBOOK_TODAY", "2026-11-23")


def test_reading_age_above_target_names_long_sentences_and_hard_words(
    project: Callable[..., Path],
) -> None:
    root = project({WELCOME: module_text("## Your medicines", "", HARD, "", PLAIN * 2)})
    hard = (
        'split sentences of more than 15 words: line 14 (18 words), and use everyday words for '
        '"Pharmacological" (line 14), "individuals" (line 14), "experiencing" (line 14)'
    )
    assert check_lines(root) == [
        f"{WELCOME}:2: warning: the participant text reads at a UK reading age of 13.5, above "
        f'the target of 11 for the audience "carers" (first-course/carers); {hard}',
        f"{WELCOME}:2: warning: the participant text reads at a UK reading age of 16.9, above "
        f'the target of 11 for the audience "community" (first-course/community); {hard}',
    ]
    strict = run_cli("check", "--strict", str(root))
    assert strict.exit_code == 1
    assert run_cli("check", str(root)).exit_code == 0


def test_facilitator_and_risk_text_is_not_measured(project: Callable[..., Path]) -> None:
    root = project({WELCOME: module_text(
        PLAIN * 4, "", "::: facilitator", HARD, ":::", "", "::: risk", HARD, ":::",
    )})
    assert check_lines(root) == []


def test_a_hard_sentence_from_a_snippet_is_named_by_its_file(
    project: Callable[..., Path],
) -> None:
    snippet = (
        '!!! cb-urgent "If you need help now"\n'
        f"    {HARD}\n"
    )
    root = project({
        WELCOME: module_text(PLAIN * 3),
        "curriculum/snippets/urgent-help.md": snippet,
    })
    snippet_line = "curriculum/snippets/urgent-help.md:2"
    assert check_lines(root) == [
        f"{WELCOME}:2: warning: the participant text reads at a UK reading age of 13.9, above "
        'the target of 11 for the audience "carers" (first-course/carers); split sentences of '
        f"more than 15 words: {snippet_line} (18 words), and use everyday words for "
        f'"Pharmacological" ({snippet_line}), "individuals" ({snippet_line}), '
        f'"experiencing" ({snippet_line})',
    ]


def test_markdown_is_stripped_before_measuring() -> None:
    lines = [
        OutLine(text, "m.md", number)
        for number, text in enumerate(
            [
                "## Getting **ready**",
                "Read [the leaflet](https://www.nhs.uk/long/address/here) first. ",
                "![A very long description of a picture](../assets/a.svg)",
                "| Day | Score |",
                "|---|---|",
                '!!! cb-activity "Activity: Plan (10 minutes)"',
                "    - Pick _one_ thing",
                "",
                "My notes: ________",
            ],
            start=1,
        )
    ]
    text = prose(lines)
    assert text.text == (
        "Getting ready.\n\nRead the leaflet first.\n\nActivity: Plan (10 minutes).\n\n"
        "Pick one thing.\n\nMy notes:."
    )
    assert [(s.text, s.line) for s in text.sentences()][:2] == [
        ("Getting ready.", 1),
        ("Read the leaflet first.", 2),
    ]
    assert reading_age("The cat sat on the mat. It was happy there.") < 7


AVOID = """audiences:
  community:
    name: People living with a long-term condition
    description: Adults living with one or more long-term conditions.
    reading-age: 11
    terms:
      clinician: GP or practice nurse
    avoid:
      - word: suffers from
        instead: lives with
      - word: patient
        instead: the person you care for
      - word: the mentally ill
        instead: people with mental health problems
      - word: mentally ill
        instead: person with a mental health problem
  carers:
    name: Carers
    description: Family members and friends who support someone.
    reading-age: 11
    mental-health: true
    terms:
      clinician: care team
    requires:
      - urgent-help
"""


def test_words_to_avoid_are_found_whole_word_any_case_with_line_and_alternative(
    project: Callable[..., Path],
) -> None:
    root = project({
        "curriculum/audiences.yml": AVOID,
        WELCOME: module_text(
            "Ask the Patient what helps.",
            "Nobody here is impatient, and patients come first.",
            "Someone who suffers",
            "from pain can still walk. Society fails The Mentally Ill too often.",
            "",
            "::: facilitator",
            "The patient leads.",
            ":::",
        ),
    })
    assert check_lines(root) == [
        f'{WELCOME}:12: warning: "Patient" is on the list of words to avoid for the audience '
        '"community" (first-course/community); instead: the person you care for',
        f'{WELCOME}:14: warning: "suffers from" is on the list of words to avoid for the '
        'audience "community" (first-course/community); instead: lives with',
        f'{WELCOME}:15: warning: "The Mentally Ill" is on the list of words to avoid for the '
        'audience "community" (first-course/community); instead: people with mental health '
        "problems",
    ]


def test_invisible_characters_do_not_hide_words_to_avoid_and_are_named_with_their_line(
    project: Callable[..., Path],
) -> None:
    root = project({
        "curriculum/audiences.yml": AVOID,
        WELCOME: module_text(
            "Ask the Pa\u00adtient what helps.",
            "Someone who suf\u200bfers",
            "from pain can still walk.\u2060",
            "\ufeffThe mentally\u200c ill are people too. Ask the Pa&shy;tient.",
        ),
    })
    avoid = 'is on the list of words to avoid for the audience "community" (first-course/community)'
    hides = "which stops the checks from finding the word; delete it (typing the word again does)"
    assert check_lines(root) == [
        f'{WELCOME}:12: warning: "Patient" {avoid}; instead: the person you care for',
        f'{WELCOME}:12: warning: line 12 has an invisible character (soft hyphen) in "Patient", '
        f"{hides}",
        f'{WELCOME}:13: warning: "suffers from" {avoid}; instead: lives with',
        f'{WELCOME}:13: warning: line 13 has an invisible character (zero-width space) in '
        f'"suffers", {hides}',
        f'{WELCOME}:14: warning: line 14 has an invisible character (word joiner) in "walk.", '
        f"{hides}",
        f'{WELCOME}:15: warning: "Patient" {avoid}; instead: the person you care for',
        f'{WELCOME}:15: warning: "The mentally ill" {avoid}; instead: people with mental health '
        "problems",
        f"{WELCOME}:15: warning: line 15 has an invisible character (zero-width no-break space) "
        f'in "The", {hides}',
        f"{WELCOME}:15: warning: line 15 has an invisible character (zero-width non-joiner) in "
        f'"mentally", {hides}',
    ]


def test_an_invisible_character_between_words_is_named_by_the_word_before_it(
    project: Callable[..., Path],
) -> None:
    root = project({WELCOME: module_text("\u200b Ask for help \u200b when you need it.")})
    assert check_lines(root) == [
        f"{WELCOME}:12: warning: line 12 has an invisible character (zero-width space) after "
        '"help"; delete it',
        f"{WELCOME}:12: warning: line 12 has an invisible character (zero-width space) at the "
        "start; delete it",
    ]


def test_joiners_in_emoji_and_other_scripts_are_left_alone(
    project: Callable[..., Path],
) -> None:
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    persian = "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"  # "I want", with a ZWNJ
    root = project({WELCOME: module_text(f"A family {family} and a word: {persian}.")})
    assert check_lines(root) == []
