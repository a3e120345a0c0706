"""The engine's core: init, new module, the generated reference, the bundled curriculum."""

from __future__ import annotations

from pathlib import Path

import yaml

from coursebook import placeholders
from coursebook.assemble.blocks import Block, Kind, Line, parse_blocks
from coursebook.assemble.terms import substitute, uses
from coursebook.load import yamlfile
from coursebook.pipeline import load_and_check
from coursebook.reference import reference
from tests.conftest import REPO, run_cli


def test_init_makes_a_project_that_passes_strict_check(tmp_path: Path) -> None:
    target = tmp_path / "new-project"
    assert run_cli("init", str(target)).exit_code == 0
    result = run_cli("check", "--strict", str(target))
    assert result.exit_code == 0, result.output
    assert "0 errors, 0 warnings" in result.output


def test_init_refuses_a_folder_with_files(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    result = run_cli("init", str(tmp_path))
    assert result.exit_code == 1
    assert "already has files in it" in result.output
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_new_module_is_valid_and_checked(tmp_path: Path) -> None:
    target = tmp_path / "p"
    run_cli("init", str(target))
    result = run_cli("new", "module", "pacing", str(target))
    assert result.exit_code == 0, result.output
    text = (target / "curriculum/modules/pacing.md").read_text(encoding="utf-8")
    assert text.startswith("---\ntitle: Pacing\n")
    check = run_cli("check", str(target))
    assert check.exit_code == 0, check.output
    module = "curriculum/modules/pacing.md"
    warnings = [line for line in check.stdout.splitlines() if ": warning: " in line]
    placeholder = "warning: this is the template's example text"
    assert warnings == [
        f"{module}:1: warning: no course uses this module, so it is never published; add it "
        "to a session in a file in curriculum/courses/, or delete the module",
        f'{module}:3: {placeholder} ("{placeholders.SUMMARY}"); replace it with your own words',
        f'{module}:7: {placeholder} ("{placeholders.OBJECTIVE}"); replace it with your own '
        "words",
        f'{module}:9: {placeholder} ("{placeholders.AUTHOR}"); replace it with your own words',
        f'{module}:15: {placeholder} ("{placeholders.BODY}"); replace it with your own words',
        f'{module}:18: {placeholder} ("{placeholders.ACTIVITY}"); replace it with your own '
        "words",
        f'{module}:21: {placeholder} ("{placeholders.NOTES}"); replace it with your own words',
    ]
    assert run_cli("check", "--strict", str(target)).exit_code == 1
    again = run_cli("new", "module", "pacing", str(target))
    assert again.exit_code == 1
    assert "already exists" in again.output
    bad = run_cli("new", "module", "Bad Name", str(target))
    assert bad.exit_code == 1
    assert "cannot be a module id" in bad.output


def test_new_module_title_with_yaml_characters_stays_valid(tmp_path: Path) -> None:
    target = tmp_path / "p"
    run_cli("init", str(target))
    title = "Pain: what helps #1 - 'your' \"choice\""
    result = run_cli("new", "module", "pain", "--title", title, str(target))
    assert result.exit_code == 0, result.output
    text = (target / "curriculum/modules/pain.md").read_text(encoding="utf-8")
    front = text.split("---\n")[1]
    assert yaml.safe_load(front)["title"] == title
    check = run_cli("check", str(target))
    assert check.exit_code == 0, check.output
    assert ": error: " not in check.stdout


def test_reference_page_is_generated_from_the_schema() -> None:
    committed = (REPO / "curriculum" / "README.md").read_text(encoding="utf-8")
    assert committed == reference(), "run: coursebook reference --output curriculum/README.md"
    assert "| `review-due` | yes |" in committed


def test_bundled_curriculum_passes_check() -> None:
    result = run_cli("check", str(REPO))
    assert result.exit_code == 0, result.output


def test_bundled_curriculum_reuses_modules_and_times_sessions_exactly() -> None:
    assembled, _ = load_and_check(REPO)
    assert assembled is not None
    curriculum = assembled.curriculum
    assert len(curriculum.modules) >= 25
    assert len(curriculum.courses) >= 4
    assert len(assembled.variants()) >= 8
    courses_of: dict[str, set[str]] = {}
    for course_id, course_file in curriculum.courses.items():
        for session in course_file.course.sessions:
            for item in session.items:
                if isinstance(item, str):
                    courses_of.setdefault(item, set()).add(course_id)
    assert sum(1 for c in courses_of.values() if len(c) > 1) >= 6
    for edition in assembled.editions:
        for session in edition.sessions:
            assert session.planned == session.length, (edition.key, session.title)


def test_parser_keeps_line_numbers_through_nesting() -> None:
    nodes, problems = parse_blocks(
        'Intro\n::: activity "Walk" 10\nGo.\n::: facilitator\nNote.\n:::\n:::\n', "m.md", 5
    )
    assert problems == []
    assert isinstance(nodes[0], Line) and nodes[0].number == 5
    activity = nodes[1]
    assert isinstance(activity, Block) and activity.kind is Kind.ACTIVITY
    assert (activity.number, activity.title, activity.minutes) == (6, "Walk", 10)
    inner = activity.children[1]
    assert isinstance(inner, Block) and inner.kind is Kind.FACILITATOR and inner.number == 8


def test_parser_reports_every_problem_not_just_the_first() -> None:
    _, problems = parse_blocks("::: nonsense\n:::\n:::\n::: activity x\n", "m.md")
    assert [p.line for p in problems] == [1, 3, 4, 4]


def test_terms_capitalise_and_skip_code() -> None:
    terms = {"clinician": "care coordinator"}
    text = "{{ Clinician }} or `{{ clinician }}` or {{clinician}}"
    assert substitute(text, terms) == "Care coordinator or `{{ clinician }}` or care coordinator"
    assert [u.name for u in uses(text)] == ["clinician", "clinician"]


def test_libyaml_and_the_python_reader_read_every_bundled_file_alike() -> None:
    texts = [p.read_text(encoding="utf-8") for p in (REPO / "curriculum").rglob("*.yml")]
    texts += [
        p.read_text(encoding="utf-8").split("---\n")[1]
        for p in (REPO / "curriculum/modules").glob("*.md")
    ]
    assert len(texts) > 40
    for text in texts:
        fast_node, fast = yamlfile._compose(yamlfile._FastLoader, text)
        slow_node, slow = yamlfile._compose(yamlfile._Loader, text)
        assert fast == slow
        assert fast_node is not None and slow_node is not None
        assert fast_node.start_mark.line == slow_node.start_mark.line
