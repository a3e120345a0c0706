"""Run MkDocs on the generated `build/mkdocs.yml` and turn its warnings into problems.

MkDocs is driven in-process, exactly as `mkdocs build -f build/mkdocs.yml -d DIR`
would run it. What it logs as warnings (a broken link, a resource from outside the
site) becomes a problem naming the curriculum file it came from.
"""

from __future__ import annotations

import gc
import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from mkdocs import exceptions
from mkdocs.commands.build import build
from mkdocs.config import load_config

from coursebook.errors import CoursebookError, Problem, Severity
from coursebook.layout import MODULES_DIR

_DOC = re.compile(r"'(?P<path>[^']+\.md)'")
_MODULE_PAGE = re.compile(r"^[^/]+/[^/]+/modules/(?P<id>[^/]+)\.md$")
_EXTERNAL = "External file:"


def render_site(config_file: Path, site_dir: Path) -> list[Problem]:
    """Build the site into `site_dir`; the problems MkDocs reported on the way."""
    # The assembled curriculum stays in memory while MkDocs runs: move it out of
    # the garbage collector's way, or every collection MkDocs triggers walks it.
    gc.collect()
    gc.freeze()
    with _collected() as messages:
        try:
            config = load_config(str(config_file), site_dir=str(site_dir))
            config.plugins.on_startup(command="build", dirty=False)
            try:
                build(config)
            finally:
                config.plugins.on_shutdown()
        except (exceptions.ConfigurationError, exceptions.Abort) as exc:
            raise CoursebookError(f"{config_file}: MkDocs could not build the site: {exc}") from exc
        finally:
            gc.unfreeze()
    return [_problem(message, config_file.parent) for message in messages]


def _problem(message: str, work_dir: Path) -> Problem:
    """A MkDocs warning as a problem in the file it came from, where that is known."""
    path = f"{work_dir.name}/mkdocs.yml"
    match = _DOC.search(message)
    if match:
        page = match["path"]
        module = _MODULE_PAGE.match(page)
        path = f"{MODULES_DIR}/{module['id']}.md" if module else f"{work_dir.name}/docs/{page}"
    if _EXTERNAL in message:
        url = message.split(_EXTERNAL, 1)[1].split()[0]
        return Problem(
            path, 0, Severity.ERROR,
            f"the page loads {url} from outside the site, which a venue without internet "
            "cannot reach; save the file in curriculum/assets/ and link to ../assets/NAME",
        )
    return Problem(path, 0, Severity.WARNING, f"the site: {_plain(message)}")


def _plain(message: str) -> str:
    return re.sub(r"\x1b\[[0-9;]*m", "", message).strip()


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(_plain(record.getMessage()))


@contextmanager
def _collected() -> Iterator[list[str]]:
    """MkDocs' warnings, kept rather than printed."""
    logger = logging.getLogger("mkdocs")
    handler = _Collect()
    propagate = logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    try:
        yield handler.messages
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate
