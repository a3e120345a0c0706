"""The bad-input corpus: small broken projects and the exact messages they give.

Each folder in `tests/bad_inputs/` holds the files that differ from the valid
`coursebook init` project (`files/`), optionally a `delete.txt` of files to
remove, and `expected.txt`: every line `coursebook check` must print, in order.
None of them may crash, and a build of any of them must leave the previous
`site/` exactly as it was.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from coursebook.build import BuildOptions, build
from coursebook.errors import CurriculumInvalid
from tests.conftest import check_golden, run_cli, write_project

CORPUS = Path(__file__).parent / "bad_inputs"
CASES = sorted(p for p in CORPUS.iterdir() if p.is_dir())


def make_case(case: Path, root: Path) -> Path:
    write_project(root, {})
    if (case / "files").is_dir():
        shutil.copytree(case / "files", root, dirs_exist_ok=True)
    if (case / "delete.txt").exists():
        for name in (case / "delete.txt").read_text(encoding="utf-8").split():
            (root / name).unlink()
    return root


def test_corpus_is_large_enough() -> None:
    assert len(CASES) >= 30


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_check_reports_exact_message(case: Path, tmp_path: Path, update_golden: bool) -> None:
    root = make_case(case, tmp_path / "project")
    result = run_cli("check", str(root))
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    problems = "".join(
        line + "\n" for line in result.stdout.splitlines() if ": error: " in line
        or ": warning: " in line
    )
    assert problems, "a broken project must report at least one problem"
    check_golden(case / "expected.txt", problems, update_golden)


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_failed_build_leaves_previous_site(case: Path, tmp_path: Path) -> None:
    root = make_case(case, tmp_path / "project")
    previous = root / "site" / "index.html"
    previous.parent.mkdir()
    previous.write_text("the previous build", encoding="utf-8")
    with pytest.raises(CurriculumInvalid):
        build(root, BuildOptions(pdfs=False, progress=False))
    assert previous.read_text(encoding="utf-8") == "the previous build"
    assert sorted(p.name for p in root.iterdir() if p.name.startswith(".coursebook-build")) == []
