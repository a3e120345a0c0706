"""A PDF committed into the cache folder never replaces the one coursebook makes.

A pull request could commit `.coursebook-cache/pdf/KEY.pdf` under the key of a
published PDF; the cache asks git which of its files are committed and ignores
them. A cached PDF that changed since it was stored is not used either.
"""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import subprocess
from pathlib import Path

import pypdf
import pytest

from coursebook.layout import CACHE_DIR
from coursebook.pdf.cache import MANIFEST, PdfCache
from coursebook.pdf.writer import CACHE_FOLDER
from tests.conftest import check_lines, run_cli
from tests.pdf_support import make_project

KEY = "a" * 64
PDF_PATH = "downloads/course/variant/facilitator-manual.pdf"


def a_pdf(pages: int = 1) -> bytes:
    writer = pypdf.PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=100, height=100)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def git(root: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *args],
        cwd=root, check=True, capture_output=True, timeout=60,
    )


def cache_folder(root: Path) -> Path:
    folder = root / CACHE_DIR / CACHE_FOLDER
    folder.mkdir(parents=True)
    return folder


def commit(root: Path, *names: str) -> None:
    git(root, "init", "-q")
    git(root, "add", "-f", *names)
    git(root, "commit", "-q", "-m", "a pull request")


def test_a_committed_pdf_under_a_pdfs_key_is_not_used(tmp_path):
    folder = cache_folder(tmp_path)
    (folder / f"{KEY}.pdf").write_bytes(a_pdf())
    commit(tmp_path, f"{CACHE_DIR}/{CACHE_FOLDER}/{KEY}.pdf")
    assert PdfCache(folder, tmp_path).hit(PDF_PATH, KEY) is None


def test_the_same_pdf_not_committed_is_used(tmp_path):
    folder = cache_folder(tmp_path)
    (folder / f"{KEY}.pdf").write_bytes(a_pdf(pages=2))
    (tmp_path / "other.txt").write_text("something else", encoding="utf-8")
    commit(tmp_path, "other.txt")
    entry = PdfCache(folder, tmp_path).hit(PDF_PATH, KEY)
    assert entry is not None and entry.pages == 2


def test_a_committed_manifest_is_ignored(tmp_path):
    folder = cache_folder(tmp_path)
    content = a_pdf()
    stored = PdfCache(folder, tmp_path)
    scratch = stored.scratch(KEY)
    scratch.write_bytes(content)
    stored.store(PDF_PATH, KEY, 1, scratch)
    stored.save()
    commit(tmp_path, f"{CACHE_DIR}/{CACHE_FOLDER}/{MANIFEST}")
    assert PdfCache(folder, tmp_path).entries == {}


def test_a_committed_file_is_not_deleted_when_the_cache_is_tidied(tmp_path):
    folder = cache_folder(tmp_path)
    (folder / f"{KEY}.pdf").write_bytes(a_pdf())
    (folder / f"{'b' * 64}.pdf").write_bytes(a_pdf())
    commit(tmp_path, f"{CACHE_DIR}/{CACHE_FOLDER}/{KEY}.pdf")
    PdfCache(folder, tmp_path).save()
    assert sorted(p.name for p in folder.glob("*.pdf")) == [f"{KEY}.pdf"]


def test_a_pdf_changed_since_it_was_stored_is_not_used(tmp_path):
    folder = cache_folder(tmp_path)
    cache = PdfCache(folder, tmp_path)
    scratch = cache.scratch(KEY)
    scratch.write_bytes(a_pdf())
    cache.store(PDF_PATH, KEY, 1, scratch)
    cache.save()
    assert PdfCache(folder, tmp_path).hit(PDF_PATH, KEY) is not None
    (folder / f"{KEY}.pdf").write_bytes(a_pdf(pages=3))
    assert PdfCache(folder, tmp_path).hit(PDF_PATH, KEY) is None


def test_the_manifest_records_each_pdfs_hash(tmp_path):
    folder = cache_folder(tmp_path)
    cache = PdfCache(folder, tmp_path)
    scratch = cache.scratch(KEY)
    content = a_pdf()
    scratch.write_bytes(content)
    cache.store(PDF_PATH, KEY, 1, scratch)
    cache.save()
    recorded = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))["pdfs"][PDF_PATH]
    assert recorded["bytes"] == len(content)
    assert recorded["sha256"] == hashlib.sha256(content).hexdigest()


@pytest.mark.slow
def test_a_build_publishes_its_own_pdf_not_the_committed_one(tmp_path):
    root = make_project(tmp_path / "project")
    build = ("build", str(root), "--only", "feeling-better/community", "--jobs", "1")
    assert run_cli(*build).exit_code == 0
    manifest = json.loads((root / CACHE_DIR / CACHE_FOLDER / MANIFEST).read_text("utf-8"))
    path, entry = sorted(manifest["pdfs"].items())[0]
    made = (root / "site" / path).read_bytes()
    shutil.rmtree(root / CACHE_DIR)
    shutil.rmtree(root / "site")
    poisoned = a_pdf(pages=5)
    (cache_folder(root) / f"{entry['key']}.pdf").write_bytes(poisoned)
    commit(root, ".")

    assert run_cli(*build).exit_code == 0
    assert (root / "site" / path).read_bytes() == made


def test_check_warns_about_each_committed_cache_file(project):
    root = project()
    folder = cache_folder(root)
    (folder / f"{KEY}.pdf").write_bytes(a_pdf())
    commit(root, ".")
    (folder / f"{'b' * 64}.pdf").write_bytes(a_pdf())
    assert check_lines(root) == [
        f"{CACHE_DIR}/{CACHE_FOLDER}/{KEY}.pdf: warning: this file is in git, but "
        ".coursebook-cache/ holds only what coursebook makes, so the build ignores it; take "
        "the folder out of git with: git rm -r --cached .coursebook-cache (and add "
        ".coursebook-cache/ to .gitignore)"
    ]
