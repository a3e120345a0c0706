"""The docs tree `coursebook build` writes: pages, run-sheets, search, downloads, config.

These call the pure function `build_tree` on small fixture projects, so they run
in well under a second each and need no browser or MkDocs run.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import pytest
import yaml

from coursebook.markdown import EXTENSIONS
from coursebook.pipeline import load_and_check
from coursebook.site.downloads import Pdf
from coursebook.site.model import gather
from coursebook.site.tree import build_tree
from tests.site_fixture import FILES, OVER_TIME, PDFS

VARIANT = "docs/first-course/community"
OTHER = "docs/first-course/carers"


def tree(
    root: Path, pdfs: tuple[Pdf, ...] = (), base: Mapping[str, Any] | None = None,
    history: tuple[tuple[str, int], ...] = (),
) -> dict[str, str | bytes]:
    assembled, _problems = load_and_check(root)
    assert assembled is not None
    site = gather(assembled, pdfs, history)
    return build_tree(site, base or {}, {"main.html": b"theme"}, {"cycle.svg": b"<svg/>"})


@pytest.fixture
def files(project: Callable[..., Path]) -> dict[str, str | bytes]:
    return tree(project(FILES))


def text(files: Mapping[str, str | bytes], name: str) -> str:
    content = files[name]
    assert isinstance(content, str)
    return content


def test_every_variant_has_an_overview_session_pages_and_each_module_once(files):
    pages = sorted(name for name in files if name.startswith(VARIANT))
    assert pages == [
        f"{VARIANT}/index.md",
        f"{VARIANT}/modules/diary.md",
        f"{VARIANT}/modules/routine.md",
        f"{VARIANT}/modules/welcome.md",
        f"{VARIANT}/sessions/going-on.md",
        f"{VARIANT}/sessions/starting-out.md",
    ]
    assert f"{OTHER}/modules/routine.md" in files
    assert {"docs/index.md", "docs/contributors.md", "docs/coursebook.json"} <= set(files)


def meta_and_body(page: str) -> tuple[dict[str, Any], str]:
    """A docs page's front matter and the Markdown after it."""
    assert page.startswith("---\n")
    meta, body = page[4:].split("\n---\n\n", 1)
    return yaml.safe_load(meta), body


def test_search_indexes_one_copy_of_each_module(files):
    canonical, _ = meta_and_body(text(files, f"{VARIANT}/modules/diary.md"))
    copy, _ = meta_and_body(text(files, f"{OTHER}/modules/diary.md"))
    assert "search" not in canonical
    assert copy["search"] == {"exclude": True}
    assert "search" not in meta_and_body(text(files, f"{OTHER}/sessions/going-on.md"))[0]


def test_every_page_title_names_its_variant(files):
    meta, _ = meta_and_body(text(files, f"{OTHER}/sessions/going-on.md"))
    assert meta["title"] == "Session 2: Going on \u2013 Feeling well (carers)"
    meta, _ = meta_and_body(text(files, f"{VARIANT}/modules/diary.md"))
    assert meta["title"] == "Keeping a diary \u2013 Feeling well (community)"


def test_page_titles_name_the_variant_so_search_results_say_where_they_belong(files):
    _, session = meta_and_body(text(files, f"{OTHER}/sessions/going-on.md"))
    assert session.startswith("# Session 2: Going on<span class=\"cb-where\">")
    assert "Feeling well (carers)</span>" in session.splitlines()[0]
    _, overview = meta_and_body(text(files, f"{VARIANT}/index.md"))
    assert overview.splitlines()[0].startswith("# Feeling well (community)")
    assert "Feeling well</span>" in overview.splitlines()[0]


def test_module_page_shows_review_dates_switcher_and_facilitator_edition(files):
    page = text(files, f"{VARIANT}/modules/diary.md")
    assert "Reviewed 15 January 2026 · Next review 15 January 2028" in page
    assert "[Feeling well (carers)](../../carers/modules/diary.md)" in page
    assert "**Feeling well (community)** (this page)" in page
    assert '!!! cb-facilitator "Facilitator notes"' in page
    assert '!!! cb-risk "If someone is at risk"' in page
    assert "Participant workbook only" in page and "show what participants have" in page
    participant_box = page.index('??? cb-participant "Participant workbook only"')
    assert page[participant_box:].splitlines()[1] == "        My first row: ________________"
    run_in = "**Run in:** [Session 1: Starting out](../sessions/starting-out.md) (20 min) and "
    assert run_in in page


def test_module_images_point_at_the_sites_copy_of_curriculum_assets(files):
    page = text(files, f"{VARIANT}/modules/diary.md")
    assert "![A ring of arrows.](../../../media/cycle.svg)" in page
    assert files["docs/media/cycle.svg"] == b"<svg/>"


def test_run_sheet_has_start_times_minutes_and_a_timeline(files):
    page = text(files, f"{VARIANT}/sessions/starting-out.md")
    assert "**Length:** 1 h 15 min · **Planned:** 1 h 15 min" in page
    assert "| **0:00** | **30 min** | **1. [Welcome](../modules/welcome.md)** |" in page
    assert "| 0:15 | 15 min | Ground rules |" in page
    assert "| **0:50** | **10 min** | **3. Tea break** |" in page
    assert "| **1:15** | | **End** |" in page
    assert '<div class="cb-timeline" aria-hidden="true">' in page
    assert 'style="width:40.00%"><span>1 Welcome</span>' in page
    assert "over time" not in page.lower()


def test_a_session_over_its_length_is_flagged(project):
    files = tree(project({**FILES, **OVER_TIME}))
    page = text(files, f"{VARIANT}/sessions/going-on.md")
    assert '!!! danger "Over time by 5 min"' in page
    assert "| **0:35** *(over time)* | | **End** |" in page
    assert 'class="cb-timeline__over" style="left:85.71%;width:14.29%"' in page
    overview = text(files, f"{VARIANT}/index.md")
    assert "| 30 min | 35 min **(over by 5 min)** |" in overview


def test_without_pdfs_there_are_no_download_links(files):
    for name, content in files.items():
        if name.endswith(".md"):
            assert ".pdf" not in str(content), name
            assert "Downloads" not in str(content), name


def test_pdfs_are_linked_with_their_size_and_page_count(project):
    files = tree(project(FILES), pdfs=PDFS)
    overview = text(files, f"{VARIANT}/index.md")
    assert (
        "- [Facilitator manual](../../downloads/first-course/community/facilitator-manual.pdf)"
        " (PDF, 12 pages, 830 KB)" in overview
    )
    module = text(files, f"{VARIANT}/modules/diary.md")
    assert (
        '!!! cb-handout "Handout: My diary"\n    [Print this handout]'
        "(../../../downloads/first-course/community/handouts/my-diary.pdf) (PDF, 1 page, 20 KB)"
    ) in module
    assert ".pdf" not in text(files, f"{OTHER}/modules/diary.md")


def test_manifest_lists_variants_pages_and_pdfs_deterministically(project):
    root = project(FILES)
    first = tree(root, pdfs=PDFS)["docs/coursebook.json"]
    assert first == tree(root, pdfs=PDFS)["docs/coursebook.json"]
    data = json.loads(first)
    assert json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n" == first
    variant = data["courses"][0]["variants"][0]
    assert variant["overview"] == "first-course/community/index.html"
    assert [s["url"] for s in variant["sessions"]] == [
        "first-course/community/sessions/starting-out.html",
        "first-course/community/sessions/going-on.html",
    ]
    assert variant["pdfs"][0] == {
        "bytes": 830000, "handout": None, "kind": "facilitator-manual",
        "label": "Facilitator manual", "pages": 12, "title": "Feeling well: facilitator manual",
        "url": "downloads/first-course/community/facilitator-manual.pdf",
    }


def test_home_lists_courses_variants_who_they_are_for_and_the_disclaimer(files):
    home = text(files, "docs/index.md")
    assert "## Feeling well" in home
    assert "### [Feeling well (carers)](first-course/carers/index.md)" in home
    assert "For family and friends who care for someone." in home
    assert '!!! info "Education, not clinical advice"' in home
    assert "**facilitator edition**" in home


def test_contributors_come_from_front_matter_and_history(project):
    files = tree(project(FILES), history=(("Ann Editor", 3),))
    page = text(files, "docs/contributors.md")
    assert "- **Sam Writer**: [How did the week go?]" in page
    diary = "[Keeping a diary](first-course/community/modules/diary.md)"
    assert f"- **The carers' panel**: {diary}" in page
    assert "- Ann Editor: 3 changes" in page


def test_generated_config_builds_on_the_projects_and_adds_what_the_site_needs(project):
    base = {
        "theme": {"name": "material", "font": {"text": "Roboto"}, "palette": {"primary": "teal"}},
        "markdown_extensions": [{"toc": {"permalink": True}}],
        "plugins": ["search", {"privacy": {"links": False}}],
    }
    config = yaml.safe_load(text(tree(project(FILES), base=base), "mkdocs.yml"))
    assert config["docs_dir"] == "docs" and config["site_dir"] == "../site"
    assert config["theme"] == {
        "name": "material", "font": False, "palette": {"primary": "teal"},
        "custom_dir": "theme", "language": "en-GB",
    }
    assert config["markdown_extensions"][0] == {"toc": {"permalink": True}}
    assert "admonition" in config["markdown_extensions"]
    assert config["plugins"][0] == "search"
    assert config["plugins"][1]["privacy"]["links"] is False
    assert config["plugins"][1]["privacy"]["assets_fetch"] is False
    assert "offline" in config["plugins"]
    assert config["nav"][0] == {"Home": "index.md"}
    variant = config["nav"][1]["Feeling well"][0]["Feeling well (community)"]
    assert variant[:3] == [
        {"Overview": "first-course/community/index.md"},
        {"Session 1: Starting out": "first-course/community/sessions/starting-out.md"},
        {"Session 2: Going on": "first-course/community/sessions/going-on.md"},
    ]
    assert "hooks" not in config
    assert files_have_theme(tree(project(FILES)))


def files_have_theme(files: Mapping[str, str | bytes]) -> bool:
    return files.get("theme/main.html") == b"theme"


def test_no_two_pages_of_the_bundled_site_share_a_title(bundled_site: Path) -> None:
    titles: dict[str, list[str]] = {}
    for page in sorted((bundled_site / "site").rglob("*.html")):
        found = re.search(r"<title>(.*?)</title>", page.read_text(encoding="utf-8"), re.S)
        assert found, page
        titles.setdefault(found.group(1), []).append(page.name)
    assert {title: names for title, names in titles.items() if len(names) > 1} == {}
    module = (bundled_site / "site/living-well/community/modules/managing-pain.html").read_text(
        encoding="utf-8")
    assert "<title>Managing pain – Living well (community) - " in module


def test_generated_config_forces_the_whole_markdown_dialect(project):
    base = {"markdown_extensions": [
        {"toc": {"permalink": True}},
        {"pymdownx.tasklist": {"custom_checkbox": False, "clickable_checkbox": True}},
        "pymdownx.smartsymbols",
    ]}
    config = yaml.safe_load(text(tree(project(FILES), base=base), "mkdocs.yml"))
    listed = config["markdown_extensions"]
    names = [item if isinstance(item, str) else next(iter(item)) for item in listed]
    assert sorted(names) == sorted(EXTENSIONS)
    assert {"pymdownx.tasklist": {"custom_checkbox": True, "clickable_checkbox": True}} in listed
    assert {"toc": {"permalink": True}} in listed
    assert "footnotes" in names and "def_list" in names and "abbr" in names
