"""Builds never lose work: the lock, a killed build, and byte-identical rebuilds."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import filelock
import pytest

import coursebook.build
from coursebook.build import BuildOptions, build
from coursebook.errors import BuildLocked
from coursebook.layout import LOCK_FILE, STAGE_PREFIX
from tests.conftest import REPO, run_cli

sys.path.insert(0, str(REPO / "scripts"))
from benchgen import generate  # noqa: E402

NO_PDF = BuildOptions(pdfs=False, progress=False)


def tree_digest(folder: Path) -> dict[str, str]:
    """Every file under `folder` with the SHA-256 of its bytes."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_second_build_is_refused_while_one_runs(project) -> None:  # type: ignore[no-untyped-def]
    root = project()
    held = filelock.FileLock(str(root / LOCK_FILE))
    with held:
        with pytest.raises(BuildLocked, match="another coursebook build of project is running"):
            build(root, NO_PDF)
        result = run_cli("build", "--no-pdf", str(root))
    assert result.exit_code == 1
    assert "another coursebook build" in result.output
    assert not (root / "site").exists()
    build(root, NO_PDF)
    assert (root / "site" / "index.html").exists()


def test_killed_build_leaves_previous_site_intact(tmp_path: Path) -> None:
    root = generate(tmp_path / "big", modules=40, variants=2)
    build(root, NO_PDF)
    before = tree_digest(root / "site")
    (root / "curriculum" / "modules" / "topic-0001.md").write_text(
        (root / "curriculum" / "modules" / "topic-0001.md").read_text(encoding="utf-8")
        + "\nA new closing line.\n",
        encoding="utf-8",
    )
    env = {**os.environ, "CI": "true"}
    process = subprocess.Popen(
        [sys.executable, "-m", "coursebook", "build", "--no-pdf", str(root)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    deadline = time.monotonic() + 60
    while not list(root.glob(f"{STAGE_PREFIX}*")) and time.monotonic() < deadline:
        time.sleep(0.02)
    assert list(root.glob(f"{STAGE_PREFIX}*")), "the build never started writing"
    time.sleep(0.3)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL, "the build finished before it was killed"
    assert tree_digest(root / "site") == before
    build(root, NO_PDF)
    assert tree_digest(root / "site") != before
    assert list(root.glob(f"{STAGE_PREFIX}*")) == []


def test_two_builds_of_the_same_sources_are_byte_identical(tmp_path: Path) -> None:
    first = run_cli("init", str(tmp_path / "one"))
    second = run_cli("init", str(tmp_path / "two"))
    assert first.exit_code == second.exit_code == 0
    env_epoch = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = "1767225600"
    try:
        build(tmp_path / "one", BuildOptions(progress=False))
        build(tmp_path / "two", BuildOptions(progress=False))
    finally:
        if env_epoch is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = env_epoch
    one, two = tree_digest(tmp_path / "one" / "site"), tree_digest(tmp_path / "two" / "site")
    assert any(name.endswith(".pdf") for name in one)
    assert one.keys() == two.keys()
    different = [name for name in one if one[name] != two[name]]
    assert different == []


def test_rebuild_with_nothing_changed_writes_nothing(project) -> None:  # type: ignore[no-untyped-def]
    root = project()
    first = build(root, NO_PDF)
    assert not first.up_to_date
    stamp = (root / "site" / "index.html").stat().st_mtime_ns
    second = build(root, NO_PDF)
    assert second.up_to_date and second.pages == first.pages
    assert (root / "site" / "index.html").stat().st_mtime_ns == stamp
    module = root / "curriculum" / "modules" / "welcome.md"
    module.write_text(module.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    third = build(root, NO_PDF)
    assert not third.up_to_date
    page = root / "site" / "first-course" / "community" / "modules" / "welcome.html"
    assert "One more line." in page.read_text(encoding="utf-8")


def test_rebuild_with_nothing_changed_still_prints_the_warnings(project) -> None:  # type: ignore[no-untyped-def]
    course = "curriculum/courses/first-course.yml"
    root = project()
    path = root / course
    path.write_text(path.read_text(encoding="utf-8").replace("minutes: 30", "minutes: 40"),
                    encoding="utf-8")
    first = run_cli("build", str(root), "--no-pdf")
    second = run_cli("build", str(root), "--no-pdf")
    assert first.exit_code == 0 and second.exit_code == 0, first.output + second.output
    warnings = [line for line in first.output.splitlines() if ": warning: " in line]
    assert warnings and all(line.startswith(course) for line in warnings)
    assert "nothing changed since the last build" in second.output
    assert [line for line in second.output.splitlines() if ": warning: " in line] == warnings


def test_upgrading_a_library_that_renders_the_site_rebuilds_it(project, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    root = project()
    assert not build(root, NO_PDF).up_to_date
    assert build(root, NO_PDF).up_to_date
    real = coursebook.build.version
    monkeypatch.setattr(
        coursebook.build, "version",
        lambda name: "99.0" if name == "mkdocs-material" else real(name),
    )
    assert not build(root, NO_PDF).up_to_date
