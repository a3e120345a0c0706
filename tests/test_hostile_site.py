"""Hostile content from a pull request never runs in a reader's browser.

One project carries a script payload in every place an author can write text:
module bodies (also inside boxes and activities), front matter, block titles,
every YAML file (curriculum, course, variant, session, break, audience and its
terms) and the git history. `coursebook check` must name each with its file and
line. The site is then built as if someone ignored the check (the docs tree
rendered by MkDocs, through coursebook and by plain `mkdocs build`), and every
published page is opened in Chromium: no dialog may open on load or when any
element takes focus, and no page may hold an event handler, a `javascript:` or
`data:text/html` address, or an element outside the allow-list in its content.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import tinyhtml5
from playwright.sync_api import Browser

from coursebook.errors import Severity
from coursebook.pipeline import load_and_check
from coursebook.sanitise import CONTENT_TAGS
from coursebook.site import write_docs
from coursebook.site.audit import audit_site
from coursebook.site.render import render_site
from tests.conftest import run_cli

IMG = "<img src=x onerror=alert(1)>"
DETAILS = "<details/open/ontoggle=alert(1)//@x>"
ENTITIES = "&lt;/title&gt;&lt;img src=x onerror=alert(1)&gt;"
COMMENT = "<!--><img src=x onerror=alert(1)>"
MODULE = "curriculum/modules/welcome.md"
COURSE = "curriculum/courses/first-course.yml"

CURRICULUM_YML = f"""\
title: "Safe course {IMG}"
organisation: "Org {DETAILS}"
version: "1.0"
language: en-GB
licence: "{ENTITIES}"
disclaimer: "Not advice {COMMENT}"
"""

COURSE_YML = f"""\
title: "My course {DETAILS}"
summary: "Summary {DETAILS}"
group-size: "8 {IMG}"
facilitators: "Two {COMMENT}"
sessions:
  - title: "Start {ENTITIES}"
    minutes: 40
    prepare:
      - "Badges {IMG}"
    modules:
      - welcome
      - break: 10
        title: "Tea {IMG}"
variants:
  community:
    title: "Community {IMG}"
    audience: community
    description: "For people {DETAILS}"
    venue: "A room {COMMENT}"
  carers:
    title: My first course (carers)
    audience: carers
    description: For family members and friends who support someone.
"""

AUDIENCES_YML = f"""\
audiences:
  community:
    name: "People {IMG}"
    description: Adults living with one or more long-term conditions.
    reading-age: 11
    terms:
      clinician: "GP {DETAILS}"
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

BODY_LINES = {
    "details": f"Hello {DETAILS} there.",
    "attr-list": "A paragraph.\n{: title=a\\}b onclick=\"alert(1)\" autofocus "
                 "onfocus=\"alert(1)\" ping=\"https://example.org\" }",
    "script": "<script>alert(1)</script>",
    "svg": "<svg onload=alert(1)><circle r=1 /></svg>",
    "iframe": '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    "focus": '<a href="javascript:alert(1)" autofocus onfocus=alert(1)>link</a>',
    "input": "<input autofocus onfocus=alert(1)>",
    "form": "<form><button formaction=javascript:alert(1)>go</button></form>",
    "mxss": f"<math><mtext><table><mglyph><style>{IMG}</style></mglyph></table></mtext></math>",
    "noscript": f'<noscript><p title="</noscript>{IMG}">x</p></noscript>',
    "link": "[plain](javascript:alert(1))",
    "angle": "[angle](<javascript:alert(1)>)",
    "case": "[case](JaVaScRiPt:alert(1))",
    "entity": "[entity](&#106;avascript:alert(1))",
    "data": "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "image": "![pic](javascript:alert(1))",
    "reference": "[ref link][r1]\n\n[r1]: javascript:alert(1)",
    "quote": "> [in a quote][r2]\n>\n> [r2]: javascript:alert(1)",
    "list": "- [in a list][r3]\n\n    [r3]: javascript:alert(1)",
    "term": "Term [r4]\n:   [in a definition][r4]\n\n[r4]: <javascript:alert(1)>",
    "comment": COMMENT,
    "split": "[split over lines][r5]\n\n[r5]:\n    javascript:alert(1)",
}
SVG = ('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script>'
       "</svg>")


def hostile_module() -> str:
    body = "\n\n".join(BODY_LINES.values())
    return f"""---
title: "Welcome {DETAILS}"
summary: "{ENTITIES}"
audiences: [all]
objectives:
  - "Try {IMG}"
authors:
  - "[Sam](javascript:alert(1))"
reviewed: 2026-01-15
review-due: 2028-01-15
---
{body}

::: facilitator "Notes {IMG}"
Inside a box {DETAILS} and [x](javascript:alert(1)).
:::

::: activity "Talk {IMG}" 30
Talk in pairs about {{{{ clinician }}}}. {IMG}
:::

::: handout "Sheet {DETAILS}"
A handout <svg onload=alert(1)></svg>.
:::

::: only carers
{{{{ snippet urgent-help }}}}
:::
"""


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hostile project, committed by an author whose name is a script link."""
    from tests.conftest import write_project

    root = write_project(tmp_path_factory.mktemp("hostile") / "project", {
        "curriculum/curriculum.yml": CURRICULUM_YML,
        COURSE: COURSE_YML,
        "curriculum/audiences.yml": AUDIENCES_YML,
        MODULE: hostile_module(),
        "curriculum/assets/chart.svg": SVG,
        "curriculum/assets/page.html": f"<p>{IMG}</p>",
    })
    git = ["git", "-C", str(root), "-c", "user.email=x@example.org",
           "-c", "user.name=[x](javascript:alert(1)) <img src=x onerror=alert(1)>"]
    subprocess.run([*git[:3], "init", "-q"], check=True)
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "hostile"], check=True)
    return root


@pytest.fixture(scope="module")
def published(hostile: Path) -> Path:
    """The site built from the hostile tree although `check` refuses it (its assets left
    out: the audit refuses them, as the next test shows)."""
    assembled, _problems = load_and_check(hostile)
    assert assembled is not None
    write_docs(assembled)
    site = hostile / "published"
    problems = render_site(hostile / "build" / "mkdocs.yml", site)
    assert not [p for p in problems if p.severity is Severity.ERROR]
    assert sorted(p.path for p in audit_site(site)) == [
        "curriculum/assets/chart.svg", "curriculum/assets/chart.svg",
        "curriculum/assets/page.html", "site/media/page.html",
    ]
    for name in ("chart.svg", "page.html"):
        (site / "media" / name).unlink()
    return site


def test_check_names_every_payload_with_file_and_line(hostile: Path) -> None:
    result = run_cli("check", str(hostile))
    assert result.exit_code == 1
    reported = {line.split(": ")[0] for line in result.stdout.splitlines()
                if ": error: " in line or ": warning: " in line}
    module_lines = hostile_module().split("\n")
    # An author's name is never HTML or a link (the contributors page escapes it), and
    # Markdown reads <details/...@x> as an e-mail address, which runs nothing.
    expected = {
        f"{MODULE}:{number}" for number, text in enumerate(module_lines, start=1)
        if ("alert(1)" in text or "&lt;" in text) and not text.startswith("  - \"[Sam]")
        and not text.startswith(("Hello <details", "Talk in pairs"))
    }
    for name, text in [("curriculum/curriculum.yml", CURRICULUM_YML), (COURSE, COURSE_YML),
                       ("curriculum/audiences.yml", AUDIENCES_YML)]:
        expected |= {f"{name}:{number}" for number, line in enumerate(text.split("\n"), 1)
                     if "alert(1)" in line or "&lt;" in line}
    expected |= {"curriculum/assets/chart.svg:1", "curriculum/assets/page.html"}
    assert sorted(expected - reported) == []


def test_every_payload_that_runs_code_is_an_error(hostile: Path) -> None:
    result = run_cli("check", str(hostile))
    # Entities in a title show as the characters typed, so they are only a warning.
    warnings = [line for line in result.stdout.splitlines()
                if ": warning: " in line and "this text shows as" not in line]
    assert not [line for line in warnings if "onerror" in line or "javascript" in line]


def test_the_build_refuses_the_hostile_project(hostile: Path) -> None:
    result = run_cli("build", str(hostile), "--no-pdf")
    assert result.exit_code == 1
    assert not (hostile / "site").exists()


def test_no_script_survives_in_any_published_page(published: Path) -> None:
    assert audit_site(published) == []
    address = re.compile(r"""(?:href|src|action)\s*=\s*["']?\s*(?:javascript|data:text)""", re.I)
    for page in published.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert not address.search(text), page


def test_plain_mkdocs_build_of_the_tree_is_just_as_safe(
    hostile: Path, published: Path
) -> None:
    plain = hostile / "plain-mkdocs"
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(hostile / "build" / "mkdocs.yml"),
         "-d", str(plain)],
        check=True, capture_output=True,
    )
    # Plain MkDocs copies the assets as they are; the audit refuses just those.
    assert {p.path for p in audit_site(plain)} == {
        "curriculum/assets/chart.svg", "curriculum/assets/page.html", "site/media/page.html"}
    (plain / "media" / "page.html").unlink()
    assert sorted(p.relative_to(plain) for p in plain.rglob("*.html")) == sorted(
        p.relative_to(published) for p in published.rglob("*.html")
    )


DOM_AUDIT = """(allowed) => {
  const bad = [];
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      const value = attr.value.replace(/[\\u0000-\\u0020]/g, '').toLowerCase();
      if (name.startsWith('on')) bad.push(el.tagName + ' ' + name);
      if (['href', 'src', 'action', 'formaction', 'xlink:href', 'srcdoc'].includes(name)
          && (value.startsWith('javascript:') || value.startsWith('data:text/html')
              || name === 'srcdoc')) bad.push(el.tagName + ' ' + name + '=' + value);
    }
  }
  for (const el of document.querySelectorAll('article.md-content__inner *')) {
    if (!allowed.includes(el.tagName.toLowerCase())) bad.push('element ' + el.tagName);
  }
  return bad;
}"""

FOCUS_ALL = """() => {
  for (const el of document.querySelectorAll('*')) { try { el.focus(); } catch (e) {} }
  for (const el of document.querySelectorAll('details')) { el.open = !el.open; }
}"""


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_no_script_runs_in_chromium_on_load_or_focus(published: Path, browser: Browser) -> None:
    context = browser.new_context()
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(page.url), dialog.dismiss()))
    allowed = sorted(CONTENT_TAGS | {"a"})
    checked = 0
    for path in pages(published):
        page.goto(path.as_uri())
        page.evaluate(FOCUS_ALL)
        page.wait_for_timeout(50)
        assert page.evaluate(DOM_AUDIT, allowed) == [], path
        # A title that broke out of <title> would leave a second one, or none, behind.
        assert page.evaluate("document.querySelectorAll('head > title').length") == 1, path
        checked += 1
    context.close()
    assert checked >= 6
    assert dialogs == []


def test_hostile_titles_show_as_text(published: Path, browser: Browser) -> None:
    module = next(published.rglob("modules/welcome.html"))
    page = browser.new_page()
    page.goto(module.as_uri())
    assert page.title().startswith("Welcome")
    assert page.locator("title").count() == 1
    page.close()


def test_search_index_entries_hold_no_handler_or_script_address(published: Path) -> None:
    """Material shows search titles and text as HTML: parse each as a browser would."""
    index = json.loads((published / "search" / "search_index.json").read_text("utf-8"))
    seen = 0
    for doc in index["docs"]:
        for field in ("title", "text"):
            tree = tinyhtml5.parse(f"<body>{doc[field]}</body>")
            for element in tree.iter():
                for name, value in element.attrib.items():
                    assert not name.lower().startswith("on"), (doc["location"], field)
                    assert not value.strip().lower().startswith("javascript:")
                assert not str(element.tag).endswith(("script", "iframe", "img", "svg"))
            seen += "alert(1)" in doc[field]
    assert seen, "the payloads should be in the index, as text"
