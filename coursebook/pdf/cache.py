"""Skip PDFs whose inputs did not change: a content-hash cache with a manifest.

A PDF's key is a hash of everything that can change it: its full HTML (module
text, titles, dates, version), the print theme's files (templates, style sheets,
fonts), the pictures it shows, the WeasyPrint and pypdf versions and the chunk
size. Finished PDFs are kept in the cache folder under their key; the manifest
says which key each output path last had, so that a superseded PDF is deleted.
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

FORMAT = "coursebook-pdf-cache/1"
MANIFEST = "manifest.json"


@dataclass(frozen=True)
class Entry:
    """A finished PDF in the cache."""

    key: str
    pages: int
    bytes: int


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
    """The cache folder: blobs named by key, and the manifest of output paths."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.entries: dict[str, Entry] = {}
        manifest = folder / MANIFEST
        if manifest.is_file():
            try:
                data = json.loads(manifest.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                data = {}
            if data.get("format") == FORMAT:
                self.entries = {path: Entry(**e) for path, e in data.get("pdfs", {}).items()}

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
        if not blob.is_file():
            return None
        entry = self.entries.get(path)
        if entry and entry.key == key:
            return entry
        try:
            pages = len(pypdf.PdfReader(blob).pages)
        except (pypdf.errors.PyPdfError, OSError, ValueError):
            return None
        entry = Entry(key, pages, blob.stat().st_size)
        self.entries[path] = entry
        return entry

    def store(self, path: str, entry: Entry, scratch: Path) -> None:
        """Keep a freshly made PDF under its key."""
        os.replace(scratch, self.blob(entry.key))
        self.entries[path] = entry

    def save(self) -> None:
        """Write the manifest and delete PDFs no output path uses any more."""
        self.folder.mkdir(parents=True, exist_ok=True)
        data = {"format": FORMAT, "pdfs": {p: asdict(e) for p, e in sorted(self.entries.items())}}
        temporary = self.folder / f".{MANIFEST}.{os.getpid()}.tmp"
        temporary.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
        os.replace(temporary, self.folder / MANIFEST)
        used = {entry.key for entry in self.entries.values()}
        for blob in self.folder.glob("*.pdf"):
            if blob.stem not in used:
                blob.unlink(missing_ok=True)
