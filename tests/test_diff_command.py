"""`coursebook diff BASE`: the variants, pages and PDFs a change affects, from git history."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import MODULE_FRONT, run_cli

COURSE = """title: My first course
summary: A short course to start from.
sessions:
  - title: Getting started
    minutes: 30
    modules:
      - welcome
  - title: Pacing yourself
    minutes: 40
    modules:
      - pacing
      - break: 10
        title: Tea
variants:
  community:
    title: My first course (community)
    audience: community
    description: For people living with a long-term condition.
  carers:
    title: My first course (carers)
    audience: carers
    description: For family members and friends who support someone.
    session-minutes: {pacing-yourself: 40}
"""
WELCOME = MODULE_FRONT + """
## Why we meet

Welcome. We meet each week to share ideas and try new things.

::: activity "Introductions" 30
Say your name and one thing you enjoy.
:::

::: only carers
{{ snippet urgent-help }}

::: handout "Looking after me"
One thing I will do for myself this week: ________
:::
:::
"""
PACING = MODULE_FRONT.replace("title: Test module", "title: Pacing") + """
## Pacing

Plan your week so that busy days have rests in them.

::: activity "Plan a day" 30
Plan one day with rests.
:::
"""


def git(root: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", *args], cwd=root, check=True, capture_output=True, text=True,
        env={"GIT_AUTHOR_NAME": "Tests", "GIT_AUTHOR_EMAIL": "tests@example.org",
             "GIT_COMMITTER_NAME": "Tests", "GIT_COMMITTER_EMAIL": "tests@example.org",
             "PATH": "/usr/bin:/bin:/usr/local/bin", "HOME": str(root)},
    )
    return done.stdout


@pytest.fixture
def history(project: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> tuple[Path, str]:
    """A project in git: a base commit, then a module edited, then a session lengthened."""
    monkeypatch.setenv("COURSEBOOK_TODAY", "2026-11-23")
    root = project({
        "curriculum/courses/first-course.yml": COURSE,
        "curriculum/modules/welcome.md": WELCOME,
        "curriculum/modules/pacing.md": PACING,
    })
    git(root, "init", "--quiet", "--initial-branch=main")
    git(root, "add", "curriculum")
    git(root, "commit", "--quiet", "-m", "Base")
    base = git(root, "rev-parse", "HEAD").strip()
    welcome = root / "curriculum/modules/welcome.md"
    welcome.write_text(
        WELCOME.replace("for myself this week", "just for me this week"), encoding="utf-8"
    )
    git(root, "commit", "--quiet", "-am", "Edit the carers' handout")
    course = root / "curriculum/courses/first-course.yml"
    course.write_text(COURSE.replace("minutes: 40", "minutes: 45"), encoding="utf-8")
    git(root, "commit", "--quiet", "-am", "Lengthen session 2")
    return root, base


def test_diff_names_exactly_the_affected_variants_pages_and_pdfs(
    history: tuple[Path, str],
) -> None:
    root, base = history
    before = git(root, "status", "--porcelain", "--ignored")
    result = run_cli("diff", base, str(root))
    assert result.exit_code == 0, result.output
    assert result.output == f"""\
Compared with {base}: 2 variants, 1 page and 7 PDFs change (courses: first-course (changed)).

My first course (carers) (first-course/carers): changed
  Facilitator edition: changed pages: Test module (welcome)
  Participant edition: changed pages: Test module (welcome)
  reading age of "Test module": 8.1 → 7.9, target 11

My first course (community) (first-course/community): changed
  Facilitator edition: sessions changed
  Participant edition: sessions changed
  session 2 "Pacing yourself": 40 minutes planned, 40 → 45 minutes long

PDFs that will change:
  downloads/first-course/carers/facilitator-manual.pdf (changed)
  downloads/first-course/carers/participant-workbook.pdf (changed)
  downloads/first-course/carers/large-print.pdf (changed)
  downloads/first-course/carers/handouts/looking-after-me.pdf (changed)
  downloads/first-course/community/facilitator-manual.pdf (changed)
  downloads/first-course/community/participant-workbook.pdf (changed)
  downloads/first-course/community/large-print.pdf (changed)
"""
    assert git(root, "status", "--porcelain", "--ignored") == before


def test_diff_markdown_is_ready_for_a_pull_request_comment(history: tuple[Path, str]) -> None:
    root, base = history
    result = run_cli("diff", base, str(root), "--format", "markdown")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[:2] == ["<!-- coursebook-diff -->", "## What this change does to the curriculum"]
    assert "### My first course (carers) (`first-course/carers`): changed" in lines
    assert "- `downloads/first-course/carers/handouts/looking-after-me.pdf` (changed)" in lines
    assert '- session 2 "Pacing yourself": 40 minutes planned, 40 → 45 minutes long' in lines


def test_diff_against_itself_changes_nothing(history: tuple[Path, str]) -> None:
    root, _ = history
    result = run_cli("diff", "HEAD", str(root))
    assert result.output == "Compared with HEAD: no course, variant, page or PDF changes.\n"


def test_diff_counts_edits_not_yet_committed(history: tuple[Path, str]) -> None:
    root, _ = history
    pacing = root / "curriculum/modules/pacing.md"
    pacing.write_text(PACING.replace("busy days", "busy weeks"), encoding="utf-8")
    result = run_cli("diff", "HEAD", str(root))
    assert "Compared with HEAD: 2 variants, 1 page and 6 PDFs change" in result.output
    assert "changed pages: Pacing (pacing)" in result.output


def test_diff_with_an_unknown_base_says_what_to_give(history: tuple[Path, str]) -> None:
    root, _ = history
    result = run_cli("diff", "no-such-branch", str(root))
    assert result.exit_code == 1
    assert result.output == (
        'coursebook: "no-such-branch" is not a commit in this repository; give a branch, tag '
        "or commit, such as main or origin/main (in GitHub Actions, fetch it first)\n"
    )


def test_diff_from_before_the_curriculum_existed_lists_everything_as_new(
    history: tuple[Path, str],
) -> None:
    root, _ = history
    empty_tree = git(root, "hash-object", "-t", "tree", "-w", "/dev/null").strip()
    empty = git(root, "commit-tree", "-m", "Empty", empty_tree).strip()
    result = run_cli("diff", empty, str(root))
    assert result.exit_code == 0, result.output
    assert "2 variants, 2 pages and 7 PDFs change (courses: first-course (added))" in result.output
    assert "My first course (carers) (first-course/carers): new variant" in result.output


REVIEW = (
    "These files run code when the site and PDFs are built, so a maintainer must review the "
    "change before it is merged:"
)


def test_diff_flags_files_that_run_code_for_a_maintainers_review(
    history: tuple[Path, str],
) -> None:
    root, base = history
    (root / "mkdocs.yml").write_text("theme:\n  name: material\n", encoding="utf-8")
    (root / "overrides").mkdir()
    (root / "overrides" / "main.html").write_text("{% extends 'base.html' %}\n", "utf-8")
    (root / ".github" / "workflows").mkdir(parents=True)
    (root / ".github" / "workflows" / "x.yml").write_text("name: X\n", encoding="utf-8")
    git(root, "add", "mkdocs.yml", ".github")
    git(root, "commit", "--quiet", "-m", "Settings and a workflow")
    result = run_cli("diff", base, str(root))
    assert result.exit_code == 0, result.output
    assert result.output.split("\n\n")[1] == (
        f"{REVIEW}\n  .github/workflows/x.yml\n  mkdocs.yml\n  overrides/main.html"
    )
    markdown = run_cli("diff", base, str(root), "--format", "markdown").output
    assert (
        f"### Needs a maintainer's review\n\n{REVIEW}\n\n- `.github/workflows/x.yml`\n"
        "- `mkdocs.yml`\n- `overrides/main.html`\n"
    ) in markdown


def test_diff_of_content_alone_asks_for_no_review(history: tuple[Path, str]) -> None:
    root, base = history
    assert REVIEW not in run_cli("diff", base, str(root)).output
