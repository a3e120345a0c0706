"""Skip PDFs whose inputs did not change: a content-hash cache with a manifest.

A PDF's key is a hash of everything that can change it: its full HTML (module
text, titles, dates, version), the print theme's files (templates, style sheets,
fonts), the pictures it shows, the WeasyPrint and pypdf versions and the chunk
size. Finished PDFs are kept in the cache folder under their key; the manifest
says which key each output path last had (and the hash of that PDF, checked on
every hit), so that a superseded PDF is deleted and a changed one is not used.

The cache ignores every file in its folder that git tracks: a pull request that
commits `.coursebook-cache/pdf/KEY.pdf` must not replace a PDF on the site.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

import pypdf
import pypdf.errors
import weasyprint

from coursebook.git import tracked_files

FORMAT = "coursebook-pdf-cache/1"
MANIFEST = "manifest.json"


@dataclass(frozen=True)
class Entry:
    """A finished PDF in the cache."""

    key: str
    pages: int
    bytes: int
    sha256: str


def document_key(html: str, files: Iterable[Path], root: Path, settings: str) -> str:
    """The content hash of one PDF's inputs."""
    digest = hashlib.sha256()
    for part in (FORMAT, weasyprint.__version__, pypdf.__version__, settings, html):
        digest.update(part.encode())
        digest.update(b"\0")
    for path in files:
        name = path.relative_to(root).as_posix() if path.is_relative_to(root) else path.name
        digest.update(name.encode())
        digest.update(b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


class PdfCache:
    """The cache folder: blobs named by key, and the manifest of output paths.

    `project_root` is the project the folder is in; git is asked there, once,
    which files in the folder are committed.
    """

    def __init__(self, folder: Path, project_root: Path) -> None:
        self.folder = folder
        self.committed = tracked_files(project_root, folder)
        self.entries: dict[str, Entry] = {}
        manifest = folder / MANIFEST
        if manifest.is_file() and MANIFEST not in self.committed:
            self.entries = _read_manifest(manifest)

    def blob(self, key: str) -> Path:
        return self.folder / f"{key}.pdf"

    def scratch(self, key: str) -> Path:
        """Where a worker writes a PDF before it is known to be complete."""
        return self.folder / f".{key}.{os.getpid()}.tmp"

    def remove_scratch(self) -> None:
        """Delete the temporary files a killed build left. Call it with the project's
        lock held, so that no other build is writing one."""
        for leftover in self.folder.glob(".*.tmp"):
            leftover.unlink(missing_ok=True)

    def hit(self, path: str, key: str) -> Entry | None:
        """The cached PDF for `path` if it was made from the same inputs.

        A PDF is found by its key even when the manifest does not name it: so the
        caches of CI shards (`build --only`) copied into one folder serve the build
        that joins them, with nothing rendered twice.
        """
        blob = self.blob(key)
        if blob.name in self.committed or not blob.is_file():
            return None
        entry = self.entries.get(path)
        if entry and entry.key == key:
            return entry if _digest(blob) == entry.sha256 else None
        try:
            pages = len(pypdf.PdfReader(blob).pages)
        except (pypdf.errors.PyPdfError, OSError, ValueError):
            return None
        entry = Entry(key, pages, blob.stat().st_size, _digest(blob))
        self.entries[path] = entry
        return entry

    def store(self, path: str, key: str, pages: int, scratch: Path) -> Entry:
        """Keep a freshly made PDF under its key; return its entry."""
        entry = Entry(key, pages, scratch.stat().st_size, _digest(scratch))
        os.replace(scratch, self.blob(key))
        self.entries[path] = entry
        return entry

    def save(self) -> None:
        """Write the manifest and delete PDFs no output path uses any more."""
        self.folder.mkdir(parents=True, exist_ok=True)
        data = {"format": FORMAT, "pdfs": {p: asdict(e) for p, e in sorted(self.entries.items())}}
        temporary = self.folder / f".{MANIFEST}.{os.getpid()}.tmp"
        temporary.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
        os.replace(temporary, self.folder / MANIFEST)
        used = {entry.key for entry in self.entries.values()}
        for blob in self.folder.glob("*.pdf"):
            if blob.stem not in used and blob.name not in self.committed:
                blob.unlink(missing_ok=True)


def _read_manifest(manifest: Path) -> dict[str, Entry]:
    """The manifest's entries; none if it is unreadable or from another version."""
    try:
        data = json.loads(manifest.read_text(encoding="utf-8"))
        if data.get("format") != FORMAT:
            return {}
        return {path: Entry(**entry) for path, entry in data["pdfs"].items()}
    except (OSError, ValueError, AttributeError, KeyError, TypeError):
        return {}


def _digest(path: Path) -> str:
    """The SHA-256 of a file, read in blocks (a book can be tens of megabytes)."""
    with path.open("rb") as file:
        return hashlib.file_digest(file, "sha256").hexdigest()
