"""Writing build/: only changed files are touched, stale ones go, PDFs stay."""

from __future__ import annotations

import os
from pathlib import Path

from coursebook.site.writer import write_tree


def test_unchanged_files_keep_their_modification_time(tmp_path: Path):
    files = {"docs/a.md": "# A\n", "docs/b/c.md": "# C\n", "mkdocs.yml": "site_name: x\n"}
    assert write_tree(tmp_path, files) == ["docs/a.md", "docs/b/c.md", "mkdocs.yml"]
    os.utime(tmp_path / "docs/a.md", ns=(1_000_000_000, 1_000_000_000))
    changed = write_tree(tmp_path, {**files, "docs/b/c.md": "# C, changed\n"})
    assert changed == ["docs/b/c.md"]
    assert (tmp_path / "docs/a.md").stat().st_mtime_ns == 1_000_000_000
    assert (tmp_path / "docs/b/c.md").read_text() == "# C, changed\n"


def test_stale_files_are_removed_but_kept_ones_stay(tmp_path: Path):
    write_tree(tmp_path, {"docs/old/gone.md": "x", "docs/a.md": "a", "theme/main.html": b"t"})
    pdf = tmp_path / "docs/downloads/manual.pdf"
    pdf.parent.mkdir(parents=True)
    pdf.write_bytes(b"%PDF")
    (tmp_path / "elsewhere.txt").write_text("not ours")
    changed = write_tree(
        tmp_path, {"docs/a.md": "a"}, keep=frozenset({"docs/downloads/manual.pdf"})
    )
    assert changed == ["docs/old/gone.md", "theme/main.html"]
    assert not (tmp_path / "docs/old").exists()
    assert pdf.read_bytes() == b"%PDF"
    assert (tmp_path / "elsewhere.txt").exists()
    assert write_tree(tmp_path, {"docs/a.md": "a"}) == ["docs/downloads/manual.pdf"]
