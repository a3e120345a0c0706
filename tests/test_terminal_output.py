"""What check and report print cannot forge an annotation or command the terminal."""

from __future__ import annotations

from pathlib import Path

import pytest

from coursebook.errors import Problem, Severity
from coursebook.terminal import printable
from tests.conftest import module_text, run_cli, write_project

ESC = "\x1b"


def test_a_github_annotation_escapes_its_file_name_and_message():
    path = "curriculum/modules/a,b:c%d\r\ne.md"
    problem = Problem(path, 3, Severity.ERROR, "50% done:\r\nyes, no")
    assert problem.github() == (
        "::error file=curriculum/modules/a%2Cb%3Ac%25d%0D%0Ae.md,line=3::50%25 done:%0D%0Ayes, no"
    )


def test_a_github_warning_without_a_line_has_only_the_file():
    problem = Problem("curriculum/courses/x.yml", 0, Severity.WARNING, "a note")
    assert problem.github() == "::warning file=curriculum/courses/x.yml::a note"


def test_a_newline_in_a_module_file_name_does_not_forge_an_annotation(tmp_path):
    name = "x\n::error file=forged.md,line=1::forged"
    root = write_project(tmp_path / "p", {f"curriculum/modules/{name}.md": "hello"})
    result = run_cli("check", "--format", "github", str(root))
    assert result.stdout.splitlines() == [
        "::error file=curriculum/modules/x%0A%3A%3Aerror file=forged.md%2Cline=1%3A%3Aforged.md"
        '::the file name "x%0A::error file=forged.md,line=1::forged.md" cannot be used as an id; '
        "rename it using lower-case letters, digits and hyphens, such as action-planning.md"
    ]


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("a\x1b[31mred\x1b[0m \x1b[2J\x1b[1;1Hb", "ared b"),  # colour, clear, cursor move
        ("x\x1b]0;window title\x07y", "xy"),  # OSC ended by BEL
        ("x\x1b]8;;https://example.com\x1b\\link\x1b]8;;\x1b\\y", "xlinky"),  # hyperlink
        ("a\x1bPq#0;2;0\x1b\\b", "ab"),  # DCS (sixel)
        ("a\x1bcb\x1b(Bc\x1b", "abc"),  # reset, character set, lone ESC
        ("one\rtwo\x08\x00\x7f\x9b\x85", "onetwo"),  # other C0, DEL, C1
        ("tab\tand\nnewline stay; é, 日本 too", "tab\tand\nnewline stay; é, 日本 too"),
    ],
)
def test_printable_removes_escape_sequences_and_control_characters(text, shown):
    assert printable(text) == shown


def test_check_prints_a_file_name_without_its_escape_sequences(tmp_path):
    root = write_project(tmp_path / "p", {"curriculum/modules/x\x1b[2J\x1b]0;t\x07.md": "hi"})
    result = run_cli("check", str(root))
    assert result.stdout == (
        'curriculum/modules/x.md: error: the file name "x.md" cannot be used as an id; rename it '
        "using lower-case letters, digits and hyphens, such as action-planning.md\n"
    )
    assert ESC not in result.stderr


def test_a_command_error_is_printed_without_escape_sequences(tmp_path):
    folder = tmp_path / f"x{ESC}[2Jy"
    folder.mkdir()
    result = run_cli("check", str(folder))
    assert result.exit_code == 1
    assert result.stderr == (
        f"coursebook: {tmp_path}/xy is not a coursebook project: it has no "
        "curriculum/curriculum.yml. Run this command in your project folder, or create one "
        "with: coursebook init FOLDER\n"
    )


TITLE = r'"Pain \e]0;pwned\e\\ [/] \e[31mred\e[0m\e[2J"'


@pytest.fixture
def hostile_title(tmp_path: Path) -> Path:
    welcome = module_text("Some words here.").replace("title: Test module", f"title: {TITLE}")
    return write_project(tmp_path / "p", {"curriculum/modules/welcome.md": welcome})


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_report_prints_a_title_without_its_escape_sequences(hostile_title, fmt):
    result = run_cli("report", "--format", fmt, str(hostile_title))
    assert result.exit_code == 0, result.output
    assert ESC not in result.stdout
    assert "Pain  [/] red" in result.stdout
