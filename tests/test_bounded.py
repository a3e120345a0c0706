"""Bounded work: hostile inputs end quickly with a `path:line` message, and a full
disk, a read-only folder or a file in the way ends with one line, never a traceback.

The exact messages are in the bad-input corpus (`tests/bad_inputs/`); here each
hostile case runs `coursebook check` in its own process with a time and memory
limit, so that a hang or a memory blow-up fails the test instead of the suite.
"""

from __future__ import annotations

import errno
import os
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import coursebook.site.writer
from coursebook.build import BuildOptions, build
from coursebook.errors import CurriculumInvalid
from tests.conftest import REPO, run_cli
from tests.test_bad_inputs import CORPUS, make_case

LIMIT_SECONDS = 5
MEMORY_BYTES = 1 << 30

HOSTILE = {
    "yaml-alias-bomb": "curriculum/courses/first-course.yml:19: error: ",
    "yaml-nested-too-deep": "curriculum/courses/first-course.yml:3: error: ",
    "only-with-stray-full-stop": "curriculum/modules/welcome.md:41: error: ",
    "activity-minutes-not-ascii": "curriculum/modules/welcome.md:41: error: ",
    "snippet-fan-out": "curriculum/snippets/fan.md:1: error: ",
    "snippets-include-each-other": "curriculum/snippets/pong.md:3: error: ",
    "snippet-included-too-often": "curriculum/snippets/w4.md:10: error: ",
    "blocks-nested-too-deep": "curriculum/modules/welcome.md:51: error: ",
    "quote-nested-too-deep": "curriculum/modules/welcome.md:41: error: ",
    "list-nested-too-deep": "curriculum/modules/welcome.md:61: error: ",
}
"""Each hostile case and the start of the first error it must give."""


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_BYTES, MEMORY_BYTES))


def run_limited(
    *args: str, timeout: float = LIMIT_SECONDS
) -> tuple[subprocess.CompletedProcess[str], float]:
    """`coursebook ARGS` in a new process with a memory cap; a hang fails the test."""
    started = time.monotonic()
    try:
        completed = subprocess.run(
            [sys.executable, "-m", "coursebook", *args],
            capture_output=True, text=True, timeout=timeout, preexec_fn=_limit_memory,
            env={**os.environ, "PYTHONPATH": str(REPO), "CI": "true"}, check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"coursebook {' '.join(args)} ran for more than {timeout} s")
    return completed, time.monotonic() - started


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_input_ends_quickly_with_an_error_at_its_line(case: str, tmp_path: Path) -> None:
    root = make_case(CORPUS / case, tmp_path / "project")
    completed, seconds = run_limited("check", str(root))
    assert completed.returncode == 1, completed.stderr
    assert "Traceback" not in completed.stdout + completed.stderr
    assert seconds < LIMIT_SECONDS
    errors = [line for line in completed.stdout.splitlines() if ": error: " in line]
    assert errors and errors[0].startswith(HOSTILE[case]), completed.stdout


PARSE_LONG_LINES = """
from coursebook.assemble.blocks import parse_blocks
spaces = " " * 200_000
lines = [f"::: only carers{spaces}carers.", "Text.", ":::", f"{{{{ snippet{spaces}x",
         f"::: facilitator{spaces}x", ":::"]
for problem in parse_blocks("\\n".join(lines), "m.md", 12)[1]:
    print(problem.format())
"""


def test_block_and_snippet_lines_of_many_spaces_parse_in_linear_time() -> None:
    # The loader refuses such long lines; the parser must be linear even without that.
    started = time.monotonic()
    try:
        completed = subprocess.run(
            [sys.executable, "-c", PARSE_LONG_LINES], capture_output=True, text=True,
            timeout=LIMIT_SECONDS, env={**os.environ, "PYTHONPATH": str(REPO)}, check=True,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"parsing three long lines took more than {LIMIT_SECONDS} s")
    assert time.monotonic() - started < LIMIT_SECONDS
    assert completed.stdout.splitlines() == [
        'm.md:12: error: "carers." after "only" is not an audience id; ids use lower-case '
        "letters, digits and hyphens, separated by commas or spaces; write it like this: "
        "::: only carers, secondary-care",
        "m.md:15: error: a snippet must be on a line of its own; move {{ snippet ... }} to a "
        "new line",
        'm.md:16: error: "facilitator" takes at most a title in quotes after it; write it like '
        "this: ::: facilitator",
    ]


def test_deep_quote_stops_the_build_before_markdown_and_pdfs(tmp_path: Path) -> None:
    root = make_case(CORPUS / "quote-nested-too-deep", tmp_path / "project")
    completed, _ = run_limited("build", str(root), timeout=3 * LIMIT_SECONDS)
    assert completed.returncode == 1
    assert "Traceback" not in completed.stdout + completed.stderr
    assert "curriculum/modules/welcome.md:41: error: this line nests quotes" in completed.stdout
    assert not (root / "site").exists()


def _refuse(path: Path, number: int, reason: str):  # type: ignore[no-untyped-def]
    """A stand-in for a file-system call that fails with `number` on `path`."""

    def fail(*args: object, **kwargs: object) -> None:
        raise OSError(number, reason, str(path))

    return fail


def test_unreadable_module_is_an_error_not_a_traceback(project, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    root = project()
    module = root / "curriculum/modules/welcome.md"
    real_open = os.open

    def guarded(path: object, flags: int, *args: object) -> int:
        if Path(str(path)) == module:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, flags, *args)  # type: ignore[arg-type]

    # Tests run as root, for whom chmod 000 changes nothing; refuse the read instead.
    monkeypatch.setattr(os, "open", guarded)
    result = run_cli("check", str(root))
    assert result.exit_code == 1
    assert (
        "curriculum/modules/welcome.md: error: coursebook cannot read this file (permission "
        "denied); check that it is an ordinary file and that you are allowed to read it (for "
        "example with: ls -l), then try again"
    ) in result.stdout
    with pytest.raises(CurriculumInvalid):
        build(root, BuildOptions(pdfs=False, progress=False))


def test_unreadable_folder_is_an_error_not_a_traceback(project, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    root = project()
    snippets = root / "curriculum/snippets"
    iterdir = Path.iterdir

    def guarded(self: Path):  # type: ignore[no-untyped-def]
        if self == snippets:
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return iterdir(self)

    monkeypatch.setattr(Path, "iterdir", guarded)
    lines = run_cli("check", str(root)).stdout.splitlines()
    assert (
        "curriculum/snippets: error: coursebook cannot read this folder (permission denied); "
        "check that it is an ordinary folder and that you are allowed to read it (for example "
        "with: ls -l), then try again"
    ) in lines


@pytest.mark.parametrize(
    ("name", "holds"),
    [
        ("site", "the finished website"),
        ("build", "the files it makes the website from"),
        (".coursebook-cache", "what it has already made, to save time"),
    ],
)
def test_a_file_where_an_output_folder_goes_is_refused_and_kept(
    project, name: str, holds: str  # type: ignore[no-untyped-def]
) -> None:
    root = project()
    (root / name).write_text("my notes", encoding="utf-8")
    result = run_cli("build", "--no-pdf", str(root))
    assert result.exit_code == 1
    assert result.output == (
        f"coursebook: {name} in project is a file, but coursebook keeps {holds} in a folder "
        f"called {name}; move or rename the file, then try again (coursebook does not delete "
        "files it did not make)\n"
    )
    assert (root / name).read_text(encoding="utf-8") == "my notes"


def test_a_file_in_the_way_of_pdf_output_is_refused(project) -> None:  # type: ignore[no-untyped-def]
    root = project()
    (root / "build").write_text("my notes", encoding="utf-8")
    result = run_cli("pdf", str(root))
    assert result.exit_code == 1
    assert result.output.startswith("coursebook: build in project is a file, but coursebook")
    assert (root / "build").read_text(encoding="utf-8") == "my notes"


def test_full_disk_is_one_line_and_keeps_the_previous_site(project, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    root = project()
    previous = root / "site" / "index.html"
    previous.parent.mkdir()
    previous.write_text("the previous build", encoding="utf-8")
    target = root / "build" / "mkdocs.yml"
    monkeypatch.setattr(
        coursebook.site.writer, "_write", _refuse(target, errno.ENOSPC, "No space left on device")
    )
    result = run_cli("build", "--no-pdf", str(root))
    assert result.exit_code == 1
    assert result.output == (
        f"coursebook: the disk is full, so {target} could not be written; free some space, "
        "then try again\n"
    )
    assert previous.read_text(encoding="utf-8") == "the previous build"


def test_read_only_project_is_one_line(project, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    root = project()
    lock = root / ".coursebook.lock"
    monkeypatch.setattr(
        "coursebook.build.filelock.FileLock.acquire",
        _refuse(lock, errno.EROFS, "Read-only file system"),
    )
    result = run_cli("build", "--no-pdf", str(root))
    assert result.exit_code == 1
    assert result.output == (
        f"coursebook: coursebook is not allowed to change {lock} (read-only file system); "
        "check that the project folder is not read-only and that you may write in it\n"
    )


def _children() -> dict[int, list[int]]:
    """Every live process's children, from /proc (zombies left out: they are dead)."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text(encoding="utf-8").rsplit(")", 1)[1].split()
        except OSError:
            continue
        if fields[0] != "Z":
            children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    return children


def _descendants(pid: int) -> set[int]:
    children, found, todo = _children(), set(), [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.add(child)
            todo.append(child)
    return found


def _pdf_processes(pid: int) -> set[int]:
    """The fork server under `pid` and the PDF workers forked from it."""
    found = set()
    for child in _descendants(pid):
        try:
            command = Path(f"/proc/{child}/cmdline").read_bytes()
        except OSError:
            continue
        if b"multiprocessing.forkserver" in command:
            found.add(child)
    return found


def _alive(pids: set[int]) -> set[int]:
    live = {p for kids in _children().values() for p in kids}
    return pids & live


@pytest.mark.slow
@pytest.mark.parametrize("signal_name", ["SIGTERM", "SIGKILL"])
def test_killed_pdf_build_leaves_no_workers_and_no_temporary_files(
    project, signal_name: str  # type: ignore[no-untyped-def]
) -> None:
    root = project()
    cache = root / ".coursebook-cache" / "pdf"
    cache.mkdir(parents=True)
    (cache / ".left-by-a-killed-build.1.tmp").write_bytes(b"%PDF-half")
    process = subprocess.Popen(
        [sys.executable, "-m", "coursebook", "pdf", "--jobs", "2", "--no-progress", str(root)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        env={**os.environ, "PYTHONPATH": str(REPO), "CI": "true"},
    )
    deadline = time.monotonic() + 60
    while len(_pdf_processes(process.pid)) < 3 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert len(_pdf_processes(process.pid)) >= 3, "the fork server and 2 workers never started"
    time.sleep(0.5)
    workers = _descendants(process.pid)
    process.send_signal(getattr(signal, signal_name))
    process.wait(timeout=30)
    assert process.returncode != 0, "the build finished before it was stopped"
    deadline = time.monotonic() + 10
    while _alive(workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _alive(workers) == set()
    if signal_name == "SIGTERM":
        assert sorted(p.name for p in cache.glob("*.tmp")) == []
    else:
        # Nothing runs in a process killed with SIGKILL; the next build clears what is left.
        assert not (cache / ".left-by-a-killed-build.1.tmp").exists()


@pytest.mark.parametrize(
    ("number", "reason", "message"),
    [
        (errno.ENOTDIR, "Not a directory", (
            "{path} is in the way (not a directory): a file is where coursebook needs a "
            "folder, or a folder where it needs a file; move it, then try again"
        )),
        (errno.EIO, "Input/output error", (
            "coursebook could not use {path} (input/output error); check the disk and the "
            "folder's permissions, then try again"
        )),
    ],
)
def test_other_file_system_errors_are_one_line(  # type: ignore[no-untyped-def]
    project, monkeypatch, number: int, reason: str, message: str
) -> None:
    root = project()
    target = root / "build" / "docs" / "index.md"
    monkeypatch.setattr(coursebook.site.writer, "_write", _refuse(target, number, reason))
    result = run_cli("build", "--no-pdf", str(root))
    assert result.exit_code == 1
    assert result.output == f"coursebook: {message.format(path=target)}\n"


@pytest.mark.parametrize(
    "line", ["<a" * 40_000, "{" * 80_000, "see](a)" * 12_000, " " * 90_000 + "x"],
    ids=["open-tags", "braces", "link-ends", "spaces"],
)
def test_one_very_long_line_ends_quickly_with_an_error_at_its_line(
    line: str, project, tmp_path: Path  # type: ignore[no-untyped-def]
) -> None:
    from tests.conftest import module_text

    root = project({"curriculum/modules/welcome.md": module_text(line)})
    completed, seconds = run_limited("check", str(root))
    assert completed.returncode == 1
    assert "Traceback" not in completed.stdout + completed.stderr
    assert seconds < LIMIT_SECONDS
    assert (
        f"curriculum/modules/welcome.md:12: error: this line has {len(line):,} characters; a "
        "line may have up to 2,000: break it into shorter lines (a paragraph can run over "
        "several lines)"
    ) in completed.stdout.splitlines()


def test_a_very_long_file_is_refused(project) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import module_text

    text = module_text(*(["A short line of text."] * 6_000))
    root = project({"curriculum/modules/welcome.md": text})
    lines = run_cli("check", str(root)).stdout.splitlines()
    assert (
        f"curriculum/modules/welcome.md: error: this file has {len(text):,} characters; a file "
        "may have up to 100,000: split it into smaller modules"
    ) in lines
