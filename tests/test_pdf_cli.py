"""`coursebook pdf`: choose what to print, and get a plain message when it cannot."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from coursebook.markdown import EXTENSIONS, mkdocs_extensions
from coursebook.pdf.parallel import progress_bar, quiet
from tests.conftest import run_cli
from tests.pdf_support import PACING, make_project

pytestmark = pytest.mark.slow


def pdfs_under(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.pdf"))


def test_pdf_prints_the_chosen_variant_and_edition_into_build_pdf(tmp_path):
    root = make_project(tmp_path / "p")
    result = run_cli(
        "pdf", str(root), "--course", "feeling-better", "--variant", "carers",
        "--edition", "participant", "--jobs", "1", "--no-progress",
    )
    assert result.exit_code == 0, result.output
    assert pdfs_under(root / "build/pdf") == [
        "downloads/feeling-better/carers/handouts/day-planner.pdf",
        "downloads/feeling-better/carers/handouts/my-weekly-plan.pdf",
        "downloads/feeling-better/carers/large-print.pdf",
        "downloads/feeling-better/carers/participant-workbook.pdf",
    ]
    assert "participant-workbook.pdf  (6 pages)" in result.output
    assert not (root / "site").exists()


def test_pdf_writes_where_out_says(tmp_path):
    root = make_project(tmp_path / "p")
    result = run_cli(
        "pdf", str(root), "--variant", "community", "--edition", "facilitator",
        "--out", str(tmp_path / "print"), "--no-progress",
    )
    assert result.exit_code == 0, result.output
    assert pdfs_under(tmp_path / "print") == [
        "downloads/feeling-better/community/facilitator-manual.pdf"
    ]


def test_pdf_names_the_variants_when_the_choice_matches_none(tmp_path):
    root = make_project(tmp_path / "p")
    result = run_cli("pdf", str(root), "--variant", "students", "--no-progress")
    assert result.exit_code == 1
    assert result.output.strip().endswith(
        "there is no variant students to print; choose from: "
        "feeling-better/community, feeling-better/carers"
    )


def test_pdf_refuses_an_online_picture_without_a_traceback(tmp_path):
    pacing = PACING.replace("../assets/pace.svg", "https://example.com/a.png")
    root = make_project(tmp_path / "p", {"curriculum/modules/pacing.md": pacing})
    result = run_cli("pdf", str(root), "--no-progress")
    assert result.exit_code == 1
    assert 'curriculum/modules/pacing.md:17: the picture "https://example.com/a.png" is on' in (
        result.output
    )
    assert "Traceback" not in result.output


def test_pdf_stops_on_curriculum_errors(tmp_path):
    root = make_project(tmp_path / "p", {"curriculum/modules/pacing.md": "no front matter\n"})
    result = run_cli("pdf", str(root), "--no-progress")
    assert result.exit_code == 1
    assert "curriculum/modules/pacing.md:1: error: the module has no front matter" in result.output
    assert not (root / "build").exists()


def test_the_site_can_list_the_same_markdown_extensions():
    listed = mkdocs_extensions()
    assert [e if isinstance(e, str) else next(iter(e)) for e in listed] == list(EXTENSIONS)
    assert {"pymdownx.tasklist": {"custom_checkbox": True}} in listed


def test_the_progress_bar_shows_only_on_a_terminal_outside_ci(monkeypatch, capsys):
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    monkeypatch.delenv("CI", raising=False)
    assert not quiet(True)
    monkeypatch.setenv("CI", "true")
    assert quiet(True)
    monkeypatch.delenv("CI")
    assert quiet(False)
    with progress_bar(3, enabled=False) as advance:
        advance("downloads/x.pdf")
    assert capsys.readouterr().err == ""
