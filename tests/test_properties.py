"""Property-based tests of the block parser and term substitution.

For any input, the parser returns a tree and problems that each carry a line
inside the text; it never raises and never loses a line. Substitution never
touches code and never fails. The number of examples is bounded so that the
suite stays fast.
"""

from __future__ import annotations

import signal
from collections.abc import Iterator
from types import FrameType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coursebook.assemble.blocks import Block, Line, SnippetRef, parse_blocks, walk
from coursebook.assemble.terms import TERM, substitute

LINES = st.one_of(
    st.sampled_from(
        [
            ":::",
            "::::",
            "::: facilitator",
            "::: participant",
            "::: risk",
            "::: only carers",
            "::: only carers, secondary-care",
            "::: except community",
            "::: optional",
            '::: activity "Walk" 10',
            '::: activity "Walk" ten',
            "::: activity",
            '::: handout "Plan"',
            "::: nonsense",
            "```",
            "~~~",
            "````python",
            "{{ snippet urgent-help }}",
            "{{ snippet ../x }}",
            "Text with {{ clinician }} and `{{ code }}`.",
            "",
            "    ::: indented",
        ]
    ),
    st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=30).map(
        lambda s: s.replace("\n", " ").replace("\r", " ")
    ),
)
SOURCES = st.lists(LINES, max_size=40).map("\n".join)
HANG = 60
"""Seconds after which a test counts as hung: its examples take well under one."""


@pytest.fixture(autouse=True)
def no_hang() -> Iterator[None]:
    """Fail a test that runs for HANG seconds instead of letting it stall the suite."""

    def stop(signum: int, frame: FrameType | None) -> None:
        raise TimeoutError(f"no answer after {HANG} s: the parser or substitution hangs")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(HANG)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


@settings(max_examples=300, deadline=None)
@given(SOURCES, st.integers(min_value=1, max_value=500))
def test_parser_never_crashes_and_lines_are_real(text: str, first: int) -> None:
    nodes, problems = parse_blocks(text, "m.md", first)
    count = len(text.splitlines())
    for problem in problems:
        assert first <= problem.line < first + max(count, 1)
        assert problem.path == "m.md"
    for node in walk(nodes):
        assert first <= node.number < first + max(count, 1)


@settings(max_examples=300, deadline=None)
@given(SOURCES)
def test_parser_keeps_every_content_line(text: str) -> None:
    """Every line is either content, a snippet, a block marker, or was reported."""
    nodes, problems = parse_blocks(text, "m.md")
    kept = {n.number for n in walk(nodes) if isinstance(n, Line | SnippetRef)}
    markers = {n.number for n in walk(nodes) if isinstance(n, Block)}
    reported = {p.line for p in problems}
    for number, line in enumerate(text.splitlines(), start=1):
        assert number in kept or number in markers or number in reported or ":::" in line


@settings(max_examples=300, deadline=None)
@given(SOURCES)
def test_balanced_blocks_parse_without_problems(body: str) -> None:
    """Wrapping any clean text in a block never creates a problem of its own."""
    nodes, problems = parse_blocks(body, "m.md")
    if problems:
        return
    wrapped, wrapped_problems = parse_blocks("::: facilitator\n" + body + "\n:::", "m.md")
    assert wrapped_problems == [] or any("never closed" in p.message for p in wrapped_problems)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80), st.text(min_size=1, max_size=20))
def test_substitution_never_fails(text: str, value: str) -> None:
    result = substitute(text, {"clinician": value})
    assert isinstance(result, str)


@settings(max_examples=300, deadline=None)
@given(
    st.text(max_size=80).filter(lambda s: "`" not in s),
    st.text(min_size=1, max_size=20).filter(lambda s: "`" not in s),
)
def test_substitution_leaves_code_alone(text: str, value: str) -> None:
    terms = {"clinician": value}
    code = "`{{ clinician }}`"
    result = substitute(text + code, terms)
    assert result.endswith(code)
    if not TERM.search(text):
        assert result == text + code
