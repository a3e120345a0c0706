"""`coursebook build` as one linear recipe.

1. Refuse a project with a symbolic link in its own trees (see
   `coursebook.safepaths`) before reading or writing anything. Take the
   project's lock. If nothing the build depends on has changed since the
   last build (see `input_digest`), stop: `site/` is already what it would make.
   Otherwise load and check the curriculum; stop before writing anything if it
   has errors.
2. Render the PDFs into the docs tree (cached by content hash).
3. Write the assembled variants as a plain Markdown docs tree with its own
   `mkdocs.yml` (so `mkdocs build` alone can render it).
4. Render the site with MkDocs into a staging folder, then read every finished
   page again (`coursebook.site.audit`): a page that could run script stops the build.
5. Swap the staging folder in place of `site/` in one rename.

A lock stops two builds of one project running at once, and a failed or
interrupted build leaves the previous `site/` as it was.
"""

from __future__ import annotations

import ctypes
import dataclasses
import hashlib
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

import filelock

from coursebook.errors import (
    BuildLocked,
    CoursebookError,
    CurriculumInvalid,
    Problem,
    Problems,
    Severity,
)
from coursebook.git import git_output
from coursebook.layout import CACHE_DIR, LOCK_FILE, MANIFEST, SITE_DIR, STAGE_PREFIX, WORK_DIR
from coursebook.pdf import PdfInfo, render_pdfs
from coursebook.pipeline import find_project, load_and_check, today
from coursebook.safepaths import SOURCES, read_bytes, regular_files, unsafe_paths
from coursebook.site import write_docs
from coursebook.site.audit import audit_site
from coursebook.site.render import render_site
from coursebook.site.tree import CONFIG, DOCS

OUTPUT_FOLDERS = {
    SITE_DIR: "the finished website",
    WORK_DIR: "the files it makes the website from",
    CACHE_DIR: "what it has already made, to save time",
}
"""The folders a build writes in the project, and what each holds."""


@dataclass(frozen=True)
class BuildOptions:
    """What to build: all of it by default."""

    only: tuple[str, ...] = ()
    pdfs: bool = True
    progress: bool = True
    jobs: int | None = None


@dataclass
class BuildResult:
    """What a build made and what the checks said."""

    site_dir: Path
    problems: Problems
    pages: int = 0
    pdfs: list[Any] = field(default_factory=list)
    up_to_date: bool = False


def build(project_dir: Path, options: BuildOptions = BuildOptions()) -> BuildResult:
    """Check, then build the site and PDFs of the project into `site/`."""
    root = find_project(project_dir)
    unsafe = unsafe_paths(root)
    if unsafe:
        raise CurriculumInvalid(Problems(unsafe))
    refuse_files_in_the_way(root, tuple(OUTPUT_FOLDERS))
    with project_lock(root):
        digest = input_digest(root, options)
        previous = _last_build(root, digest)
        if previous is not None:
            # The same inputs on the same day: the checks would find what they found.
            return BuildResult(root / SITE_DIR, _problems(previous), previous["pages"],
                               previous["pdfs"], up_to_date=True)
        # 1. Load, assemble and check: stop before writing anything if there are errors.
        assembled, problems = load_and_check(root, options.only)
        if assembled is None or problems.fail():
            raise CurriculumInvalid(problems)
        work = root / WORK_DIR
        with staging(root) as stage:
            # 2. The PDFs, into the docs tree (cached by content hash).
            pdfs: list[PdfInfo] = []
            if options.pdfs:
                pdfs = render_pdfs(
                    assembled, work / DOCS, project_root=root, cache_dir=root / CACHE_DIR,
                    jobs=options.jobs, progress=options.progress,
                )
            # 3. The docs tree: Markdown pages, media, theme layer and mkdocs.yml.
            pages = write_docs(assembled, pdfs)
            # 4. The site, into the staging folder; a page that could run script stops it.
            problems.extend(render_site(work / CONFIG, stage / SITE_DIR))
            problems.extend(audit_site(stage / SITE_DIR))
            if problems.fail():
                raise CurriculumInvalid(problems)
            # 5. Swap the finished site in place of site/ in one rename.
            replace_dir(stage / SITE_DIR, root / SITE_DIR)
        result = BuildResult(root / SITE_DIR, problems, pages=pages, pdfs=list(pdfs))
        _record_build(root, digest, result)
    return result


def input_digest(root: Path, options: BuildOptions) -> str:
    """A hash of everything a build's output depends on.

    The curriculum, the project's theme and settings, coursebook's own code and
    files, the versions of the libraries that render and check it, the git commit
    (the contributors page reads history), the options, SOURCE_DATE_EPOCH and
    today's date (review status depends on it).
    """
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent
    sources = [(root, p) for name in SOURCES for p in _project_files(root / name)]
    sources += [(package, p) for p in _package_files(package)]
    for base, path in sources:
        digest.update(f"{base.name}/{path.relative_to(base).as_posix()}\0".encode())
        digest.update(_file_hash(path))
    settings = [
        *_versions(RENDERERS),
        repr(sorted(options.only)), str(options.pdfs), _git_head(root),
        os.environ.get("SOURCE_DATE_EPOCH", ""), today().isoformat(),
    ]
    digest.update("\0".join(settings).encode())
    return digest.hexdigest()


def _file_hash(path: Path) -> bytes:
    """The file's SHA-256; for a file that cannot be read, a marker, so that loading
    the curriculum reports it with every other problem."""
    try:
        return hashlib.sha256(read_bytes(path)).digest()
    except OSError:
        return b"unreadable"


RENDERERS = (
    "mkdocs", "mkdocs-material", "weasyprint", "markdown", "pymdown-extensions", "jinja2",
    "nh3", "pypdf", "textstat", "pydantic", "pyyaml",
)
"""The libraries whose upgrade can change what a build makes or what the checks say."""


def _versions(names: tuple[str, ...]) -> list[str]:
    found = []
    for name in names:
        try:
            found.append(f"{name}=={version(name)}")
        except PackageNotFoundError:
            found.append(f"{name} missing")
    return found


def _project_files(path: Path) -> list[Path]:
    """The plain files at or under `path`, never through a symbolic link."""
    if path.is_file() and not path.is_symlink():
        return [path]
    return regular_files(path)


def _package_files(package: Path) -> list[Path]:
    """coursebook's own files, through its one link (`pdf/theme_files`, the print theme)."""
    return sorted(
        p for p in package.rglob("*") if p.is_file() and "__pycache__" not in p.parts
    )


def _git_head(root: Path) -> str:
    return (git_output(root, "rev-parse", "HEAD", timeout=10) or "").strip()


def _state_file(root: Path) -> Path:
    return root / CACHE_DIR / "last-build.json"


def _last_build(root: Path, digest: str) -> dict[str, Any] | None:
    """What the last build made, if its inputs were the same and `site/` is still there."""
    state = _state_file(root)
    if not (root / SITE_DIR / MANIFEST).is_file() or not state.is_file():
        return None
    try:
        recorded = json.loads(state.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(recorded, dict) or recorded.get("digest") != digest:
        return None
    if not isinstance(recorded.get("problems"), list):  # written before warnings were kept
        return None
    return recorded


def _record_build(root: Path, digest: str, result: BuildResult) -> None:
    state = _state_file(root)
    state.parent.mkdir(parents=True, exist_ok=True)
    record = {
        "digest": digest, "pages": result.pages, "pdfs": list(result.pdfs),
        "problems": [
            {"path": p.path, "line": p.line, "severity": p.severity.value, "message": p.message}
            for p in result.problems
        ],
    }
    state.write_text(json.dumps(record, default=_plain, sort_keys=True), encoding="utf-8")


def _problems(record: dict[str, Any]) -> Problems:
    """The warnings a recorded build printed."""
    return Problems(
        Problem(p["path"], p["line"], Severity(p["severity"]), p["message"])
        for p in record["problems"]
    )


def _plain(value: object) -> object:
    """Build records (such as PDF infos) as JSON: dataclasses become dicts."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    return str(value)


def refuse_files_in_the_way(root: Path, names: tuple[str, ...]) -> None:
    """Stop if one of the output folders `names` is a file: coursebook does not
    delete a file it did not make, and cannot write a folder in its place."""
    for name in names:
        path = root / name
        if (path.exists() or path.is_symlink()) and not path.is_dir():
            raise CoursebookError(
                f"{name} in {root.name} is a file, but coursebook keeps {OUTPUT_FOLDERS[name]} "
                f"in a folder called {name}; move or rename the file, then try again "
                "(coursebook does not delete files it did not make)"
            )


@contextmanager
def project_lock(root: Path) -> Iterator[None]:
    """Hold the project's build lock, or fail at once with a clear message."""
    lock = filelock.FileLock(str(root / LOCK_FILE))
    try:
        lock.acquire(timeout=0)
    except filelock.Timeout:
        raise BuildLocked(
            f"another coursebook build of {root.name} is running; wait for it to finish, "
            f"then try again (if none is running, delete {LOCK_FILE})"
        ) from None
    try:
        yield
    finally:
        lock.release()


@contextmanager
def staging(root: Path) -> Iterator[Path]:
    """A temporary folder beside the output, removed whatever happens.

    Called with the lock held, so any staging folder already there was left by a
    build that was killed; it is removed first.
    """
    for leftover in root.glob(f"{STAGE_PREFIX}*"):
        shutil.rmtree(leftover, ignore_errors=True)
    stage = Path(tempfile.mkdtemp(prefix=STAGE_PREFIX, dir=root))
    try:
        yield stage
    finally:
        shutil.rmtree(stage, ignore_errors=True)


def replace_dir(new: Path, target: Path) -> None:
    """Put `new` where `target` is, so that readers see the old or the new, never half.

    On Linux the two folders are swapped in one atomic step (renameat2 with
    RENAME_EXCHANGE); elsewhere the old folder is renamed aside and the new one
    renamed in, each an atomic rename. The old output is deleted last.
    """
    if not target.exists():
        os.replace(new, target)
        return
    if _exchange(new, target):
        shutil.rmtree(new, ignore_errors=True)
        return
    old = target.with_name(f".{target.name}.old-{os.getpid()}")
    os.replace(target, old)
    try:
        os.replace(new, target)
    except BaseException:
        os.replace(old, target)
        raise
    shutil.rmtree(old, ignore_errors=True)


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically with Linux's renameat2; False where it is unavailable."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p,
                          ctypes.c_uint]
    result = renameat2(
        _AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE
    )
    return bool(result == 0)
