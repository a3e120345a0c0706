"""Raw HTML and unsafe addresses: reported by check, and never in a published page."""

from __future__ import annotations

from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coursebook.assemble.assemble import Edition
from coursebook.markdown import markdown_to_html
from coursebook.pipeline import load_and_check
from coursebook.sanitise import clean, removals
from tests.conftest import check_lines, module_text

WELCOME = "curriculum/modules/welcome.md"


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COURSEBOOK_TODAY", "2026-11-23")


def published_html(root: Path) -> str:
    """The first course's facilitator pages as the site and the PDFs publish them."""
    assembled, _ = load_and_check(root)
    assert assembled is not None
    edition = assembled.edition("first-course", "community", Edition.FACILITATOR)
    return "\n".join(clean(markdown_to_html(page.markdown)) for page in edition.pages())


SCRIPT = ("the HTML element <script> and everything inside it is taken out of the published "
          "page, because it could run code in a reader's browser; delete it and everything up "
          "to </script>")


def handler(name: str, tag: str) -> str:
    return (f'the event handler {name}="..." on <{tag}> is taken out of the published page, '
            f"because it could run code in a reader's browser; delete {name}=... from the tag")


ADDRESS = ("the address {scheme}:... in a link is taken out of the published page, because it "
           "could run code in a reader's browser; link to a web page (https://...) or a file in "
           "curriculum/assets/")


def test_script_is_reported_and_never_published(project: Callable[..., Path]) -> None:
    root = project({WELCOME: module_text(
        "Hello.",
        "<script>",
        "alert('hi')",
        "</script>",
        "Goodbye.",
    )})
    assert check_lines(root) == [f"{WELCOME}:13: error: {SCRIPT}"]
    html = published_html(root)
    assert "script" not in html and "alert" not in html
    assert "Hello." in html and "Goodbye." in html


def test_iframe_style_and_event_handlers_are_reported(project: Callable[..., Path]) -> None:
    root = project({WELCOME: module_text(
        '<iframe src="https://example.org/video"></iframe>',
        "<style>p { display: none }</style>",
        '<span title="Eat well" onmouseover="steal()">plate</span>',
        '<img src="x.png" onerror="steal()">',
    )})
    assert check_lines(root) == [
        f"{WELCOME}:12: error: the HTML element <iframe> is taken out of the published page, "
        "because it could run code in a reader's browser; delete it and write a link instead: "
        "[what it is](https://...)",
        f"{WELCOME}:13: error: the HTML element <style> and everything inside it is taken out "
        "of the published page, because it could run code in a reader's browser; delete it "
        "and everything up to </style>",
        f"{WELCOME}:14: error: {handler('onmouseover', 'span')}",
        f"{WELCOME}:15: error: {handler('onerror', 'img')}",
    ]
    html = published_html(root)
    assert '<span title="Eat well">plate</span>' in html
    for banned in ("iframe", "<style", "onmouseover", "onerror"):
        assert banned not in html


def test_links_to_javascript_and_data_are_taken_out(project: Callable[..., Path]) -> None:
    root = project({WELCOME: module_text(
        "Read [the leaflet](javascript:alert(1)) now.",
        "See [the page](data:text/html;base64,PHN2Zz4=).",
        "[leaflet]: JaVaScript:alert(2)",
        "## Eating well {: onclick=alert(3) }",
        "",
        "A [leaflet] to read.",
    )})
    assert check_lines(root) == [
        f"{WELCOME}:12: error: {ADDRESS.format(scheme='javascript')}",
        f"{WELCOME}:13: error: {ADDRESS.format(scheme='data')}",
        f"{WELCOME}:14: error: {ADDRESS.format(scheme='javascript')}",
        f"{WELCOME}:15: error: {handler('onclick', 'h2')}",
    ]
    html = published_html(root).lower()
    for banned in ("javascript", "data:", "onclick"):
        assert banned not in html
    assert "read <a>the leaflet</a> now." in html


def test_harmless_tags_not_on_the_list_are_warnings(project: Callable[..., Path]) -> None:
    root = project({WELCOME: module_text(
        '<center>Bring a drink.</center>',
        "Ask your <abbr title=\"General practitioner\">GP</abbr>.<br>",
    )})
    assert check_lines(root) == [
        f"{WELCOME}:12: warning: the HTML element <center> (its text stays) is taken out of the "
        "published page, because published pages do not use it; write it in Markdown instead, "
        "or delete the tag",
    ]
    html = published_html(root)
    assert "Bring a drink." in html and "<center" not in html
    assert 'Ask your <abbr title="General practitioner">GP</abbr>.<br>' in html


def test_html_in_titles_and_yaml_is_reported(project: Callable[..., Path]) -> None:
    text = module_text('::: activity "Plan <script>x()</script>" 5', "Plan.", ":::")
    text = text.replace("title: Test module", "title: Test <b onclick=x()>module</b>")
    text = text.replace('"Talk" 30', '"Talk" 25')
    root = project({WELCOME: text})
    assert check_lines(root) == [
        f"{WELCOME}:2: error: {handler('onclick', 'b')}",
        f"{WELCOME}:12: error: {SCRIPT}",
    ]
    assembled, _ = load_and_check(root)
    assert assembled is not None
    page = assembled.edition("first-course", "community", Edition.FACILITATOR).pages()[0]
    assert page.markdown.startswith("# Test module\n")
    assert '!!! cb-activity "Activity: Plan  (5 minutes)"' in page.markdown


def test_entities_in_a_title_show_as_typed(project: Callable[..., Path]) -> None:
    text = module_text("Hello.")
    text = text.replace("title: Test module", "title: Test &lt;b&gt; module")
    root = project({WELCOME: text})
    assert check_lines(root) == [
        f"{WELCOME}:2: warning: this text shows as 'Test <b> module': HTML and entities such as "
        "&lt; are not used in titles and other text fields; write the words plainly",
    ]


def test_plain_text_and_code_are_published_exactly_as_written() -> None:
    text = "\n\n".join([
        "a < b and b > c, 5 < 6 & fish",
        "> A quote with **bold** and `code` and [a link](https://www.nhs.uk/ \"NHS\")",
        "<https://www.nhs.uk> and <help@example.org>",
        "Run `git clone git@github.com:<USERNAME>/repo.git` first.",
        "```\n<PLACEHOLDER> & <script>\n```",
    ])
    html = markdown_to_html(text)
    assert removals(html) == []
    cleaned = clean(html)
    assert "git@github.com:&lt;USERNAME&gt;/repo.git" in cleaned
    assert "&lt;PLACEHOLDER&gt; &amp; &lt;script&gt;" in cleaned
    assert "a &lt; b and b &gt; c, 5 &lt; 6 &amp; fish" in cleaned


class _Audit(HTMLParser):
    """Everything in rendered HTML that could run code."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"script", "style", "iframe", "object", "embed", "math", "base"}:
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
    """Whatever an author writes, the published page runs no code."""
    audit = _Audit()
    audit.feed(clean(markdown_to_html("".join(pieces))))
    assert audit.found == []
