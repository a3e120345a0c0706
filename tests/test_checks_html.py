"""Raw HTML and unsafe addresses: reported by check, and never in assembled Markdown."""

from __future__ import annotations

from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coursebook.assemble.assemble import Edition
from coursebook.assemble.html import HtmlFilter
from coursebook.markdown import markdown_to_html
from coursebook.pipeline import load_and_check
from tests.conftest import check_lines, module_text

WELCOME = "curriculum/modules/welcome.md"


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COURSEBOOK_TODAY", "2026-11-23")


def assembled_markdown(root: Path) -> str:
    assembled, _ = load_and_check(root)
    assert assembled is not None
    edition = assembled.edition("first-course", "community", Edition.FACILITATOR)
    return "\n".join(page.markdown for page in edition.pages())


def test_script_is_reported_and_never_assembled(project: Callable[..., Path]) -> None:
    root = project({WELCOME: module_text(
        "Hello.",
        "<script>",
        "alert('hi')",
        "</script>",
        "Goodbye.",
    )})
    assert check_lines(root) == [
        f"{WELCOME}:13: error: the HTML tag <script> was removed because it would run a "
        "program in the reader's browser; delete it and everything up to </script>",
    ]
    markdown = assembled_markdown(root)
    assert "script" not in markdown and "alert" not in markdown
    assert "Hello.\n\nGoodbye." in markdown


def test_iframe_style_and_event_handlers_are_errors(project: Callable[..., Path]) -> None:
    root = project({WELCOME: module_text(
        '<iframe src="https://example.org/video"></iframe>',
        "<style>p { display: none }</style>",
        '<span title="Eat well" onmouseover="steal()">plate</span>',
        '<img src="x.png" onerror="steal()">',
    )})
    assert check_lines(root) == [
        f"{WELCOME}:12: error: the HTML tag <iframe> was removed because it would show another "
        "website inside the page; delete it and write a link instead: [what it is](https://...)",
        f"{WELCOME}:13: error: the HTML tag <style> was removed because it would change how the "
        "pages look; delete it and everything up to </style> (the site and PDFs set the styles)",
        f"{WELCOME}:14: error: the attribute onmouseover would run a program in the reader's "
        "browser, so it was removed; delete onmouseover=... from the line",
        f"{WELCOME}:15: error: the HTML tag <img> was removed because its onerror would run a "
        "program in the reader's browser; write pictures in Markdown instead: "
        "![what it shows](../assets/NAME.svg)",
    ]
    markdown = assembled_markdown(root)
    assert '<span title="Eat well">plate</span>' in markdown
    for banned in ("iframe", "style", "onmouseover", "onerror", "<img"):
        assert banned not in markdown


def test_markdown_links_to_javascript_and_data_are_neutralised(
    project: Callable[..., Path],
) -> None:
    root = project({WELCOME: module_text(
        "Read [the leaflet](javascript:alert(1)) now.",
        "![A plate](data:image/svg+xml;base64,PHN2Zz4=)",
        "[leaflet]: JaVa&#x73;cript:alert(2)",
        "## Eating well {: onclick=alert(3) }",
    )})
    assert check_lines(root) == [
        f'{WELCOME}:12: error: the link goes to "javascript:alert(1)", which would run a program '
        "in the reader's browser, so it was replaced with #; link to a web address that starts "
        "with https://, or to a module file such as action-planning.md",
        f'{WELCOME}:13: error: the picture uses a "data:" address ("data:image/svg+xml;base64,'
        'PHN2Zz4="), so it was replaced with #; save the picture in curriculum/assets/ and write '
        "![what it shows](../assets/NAME.svg)",
        f'{WELCOME}:14: error: the link goes to "JaVa&#x73;cript:alert(2)", which would run a '
        "program in the reader's browser, so it was replaced with #; link to a web address that "
        "starts with https://, or to a module file such as action-planning.md",
        f"{WELCOME}:15: error: the attribute onclick would run a program in the reader's "
        "browser, so it was removed; delete onclick=... from the line",
    ]
    markdown = assembled_markdown(root)
    assert "Read [the leaflet](#) now." in markdown
    assert "![A plate](#)" in markdown
    assert "[leaflet]: #" in markdown
    for banned in ("javascript", "alert", "data:", "onclick"):
        assert banned.lower() not in markdown.lower()


def test_harmless_tags_not_on_the_list_are_warnings(project: Callable[..., Path]) -> None:
    root = project({WELCOME: module_text(
        '<div class="box">Bring a drink.</div>',
        "Ask your <abbr title=\"General practitioner\">GP</abbr>.<br>",
    )})
    assert check_lines(root) == [
        f"{WELCOME}:12: warning: the HTML tag <div> is not allowed, so it was left out (the text "
        "around it stays); use Markdown instead, or one of these tags: abbr, b, bdi, bdo, br, "
        "cite, code, del, details, dfn, em, i, ins, kbd, mark, q, s, samp, small, span, strong, "
        "sub, summary, sup, time, u, var, wbr",
    ]
    markdown = assembled_markdown(root)
    assert "Bring a drink." in markdown and "<div" not in markdown
    assert 'Ask your <abbr title="General practitioner">GP</abbr>.<br>' in markdown


def test_html_in_titles_and_yaml_is_reported_and_cleaned(project: Callable[..., Path]) -> None:
    text = module_text('::: activity "Plan <script>x()</script>" 5', "Plan.", ":::")
    text = text.replace("title: Test module", "title: Test <b onclick=x()>module</b>")
    text = text.replace('"Talk" 30', '"Talk" 25')
    root = project({WELCOME: text})
    assert check_lines(root) == [
        f"{WELCOME}:2: error: the attribute onclick would run a program in the reader's browser, "
        "so it was removed; delete onclick=... from the line",
        f"{WELCOME}:12: error: the HTML tag <script> was removed because it would run a program "
        "in the reader's browser; delete it and everything up to </script>",
    ]
    markdown = assembled_markdown(root)
    assert markdown.startswith("# Test <b>module</b>\n")
    assert '!!! cb-activity "Activity: Plan  (5 minutes)"' in markdown


def test_plain_text_is_left_exactly_as_written() -> None:
    lines = [
        "a < b and b > c, 5 < 6 & fish",
        "> A quote with **bold** and `code` and [a link](https://www.nhs.uk/ \"NHS\")",
        "<https://www.nhs.uk> and <help@example.org> and ![Alt](../assets/a.svg)",
        "| Day | How bad (0 to 10) |",
        "{{ clinician }} and {: .note }",
    ]
    html_filter = HtmlFilter()
    for line in lines:
        cleaned = html_filter.clean(line)
        assert cleaned.text == line
        assert cleaned.findings == ()


class _Audit(HTMLParser):
    """Everything in rendered HTML that could run code."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"script", "style", "iframe", "object", "embed", "svg", "math", "base"}:
            self.found.append(tag)
        for key, value in attrs:
            plain = "".join((value or "").split()).lower()
            if key.startswith("on") or key == "style":
                self.found.append(f"{tag} {key}")
            if key in {"href", "src", "action"} and plain.startswith(("javascript:", "data:")):
                self.found.append(f"{tag} {key}={value}")


PIECES = [
    "<script>", "</script>", "alert(1)", "<style>", "<iframe src=x>", "<svg onload=x()>",
    "<img src=x onerror=x()>", "<a href='javascript:x()'>", "<b onclick=x()>", "<span>",
    "[t](javascript:x())", "![t](data:text/html,x)", "[r]: javascript:x()", "{: onclick=x() }",
    "[t](<jav&#x61;script:x()>)", "<!--", "-->", "`", "```", "<div", " style=x>", "\n", " ",
    "text", "## Title", "- item", "| a | b |", "<details open>", "<br>", "<ScRiPt>", ">", '"',
    "<a:b onmouseover=x()>", "<scr<script>ipt>", "{ href=javascript:x() }",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=14))
def test_nothing_that_runs_code_survives_rendering(pieces: list[str]) -> None:
    """Whatever an author writes, the page rendered from the cleaned lines runs no code."""
    html_filter = HtmlFilter()
    cleaned = [html_filter.clean(line).text for line in "".join(pieces).split("\n")]
    audit = _Audit()
    audit.feed(markdown_to_html("\n".join(cleaned)))
    assert audit.found == []
