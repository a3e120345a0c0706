"""`coursebook serve`: preview the site, rebuilt as you edit the curriculum.

The docs tree in `build/` is written once, then a watcher looks at `curriculum/`,
`mkdocs.yml` and `overrides/` twice a second. After a change it assembles the
curriculum again and rewrites only the pages whose text changed; `mkdocs serve`
(watching `build/`) then rebuilds the site and reloads the browser. If the
change breaks the curriculum, the problems are printed and the last good pages
stay up. PDFs are left out, to keep each rebuild quick.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import click
from mkdocs.commands.serve import serve as mkdocs_serve

from coursebook.commands.check import print_problems
from coursebook.errors import CurriculumInvalid
from coursebook.layout import BASE_CONFIG, CURRICULUM, OVERRIDES_DIR, WORK_DIR
from coursebook.load.project import find_project
from coursebook.pipeline import load_and_check
from coursebook.safepaths import regular_files
from coursebook.site import write_docs
from coursebook.site.tree import CONFIG, THEME

POLL_SECONDS = 0.5
WATCHED = (CURRICULUM, BASE_CONFIG, OVERRIDES_DIR)


@click.command("serve")
@click.argument("project_dir", default=".", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--dev-addr", default="127.0.0.1:8000", show_default=True, metavar="IP:PORT",
    help="The address to serve the preview on.",
)
@click.option("--only", multiple=True, metavar="COURSE[/VARIANT]", help="Preview only these.")
def serve_command(project_dir: Path, dev_addr: str, only: tuple[str, ...]) -> None:
    """Preview the website at http://IP:PORT, reloading as the curriculum changes."""
    root = find_project(project_dir)
    refresh(root, only, strict=True)
    stop = threading.Event()
    watcher = threading.Thread(target=_watch, args=(root, only, stop), daemon=True)
    watcher.start()
    try:
        mkdocs_serve(
            config_file=str(root / WORK_DIR / CONFIG),
            livereload=True,
            watch=[str(root / WORK_DIR / THEME)],
            dev_addr=dev_addr,
        )
    finally:
        stop.set()


def refresh(root: Path, only: tuple[str, ...], strict: bool = False) -> bool:
    """Assemble the curriculum and rewrite `build/`; False (problems printed) if it is broken."""
    assembled, problems = load_and_check(root, only)
    if assembled is None or problems.fail():
        print_problems(problems)
        if strict:
            raise CurriculumInvalid(problems)
        click.echo("coursebook serve: not updated; fix the problems above", err=True)
        return False
    write_docs(assembled)
    return True


def _watch(root: Path, only: tuple[str, ...], stop: threading.Event) -> None:
    last = _fingerprint(root)
    while not stop.wait(POLL_SECONDS):
        current = _fingerprint(root)
        if current != last:
            last = current
            refresh(root, only)


def _fingerprint(root: Path) -> frozenset[tuple[str, int, int]]:
    """Every watched file with its modification time and size."""
    return frozenset(_stats(root))


def _stats(root: Path) -> Iterator[tuple[str, int, int]]:
    for name in WATCHED:
        target = root / name
        candidates = regular_files(target) if target.is_dir() else [target]
        for path in candidates:
            try:
                if path.is_file():
                    stat = path.stat()
                    yield path.as_posix(), stat.st_mtime_ns, stat.st_size
            except OSError:
                continue
