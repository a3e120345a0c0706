"""Links and pictures resolve in every variant where a page appears.

Modules link to each other by file name (`[Action planning](action-planning.md)`)
and show pictures from `curriculum/assets/` (`![...](../assets/name.svg)`), both
relative to the file they are written in, so that they also work when the file
is previewed on GitHub. A link to a module that a variant leaves out is broken
in that variant's pages, so links are checked per variant and edition.
"""

from __future__ import annotations

import difflib
import posixpath
import re
from collections.abc import Iterator
from pathlib import Path

from coursebook.assemble.assemble import AssembledEdition, OutLine
from coursebook.checks.prose import outside_code
from coursebook.errors import Problem, Severity
from coursebook.layout import ASSETS_DIR, MODULES_DIR
from coursebook.load.project import Curriculum
from coursebook.safepaths import regular_files

_INLINE = re.compile(r"(?P<bang>!?)\[[^\]]*\]\(\s*<?(?P<dest>[^)\s>]*)")
_REFERENCE = re.compile(r"^\[[^\]^][^\]]*\]:\s*<?(?P<dest>[^\s>]+)")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")


def check_links(curriculum: Curriculum, editions: list[AssembledEdition]) -> Iterator[Problem]:
    """Errors for links and pictures that lead nowhere in a variant."""
    assets = _assets(curriculum.root)
    for edition in editions:
        shown = {page.module for page in edition.pages()}
        ref = f"{edition.course}/{edition.variant}"
        for page in edition.pages():
            for line in outside_code(page.lines):
                for image, target in _targets(line.text):
                    problem = _resolve(curriculum, line, target, image, shown, ref, assets)
                    if problem is not None:
                        yield problem


def _assets(root: Path) -> frozenset[str]:
    return frozenset(p.relative_to(root).as_posix() for p in regular_files(root / ASSETS_DIR))


def _targets(text: str) -> Iterator[tuple[bool, str]]:
    for match in _INLINE.finditer(text):
        yield bool(match.group("bang")), match.group("dest")
    reference = _REFERENCE.match(text)
    if reference:
        yield False, reference.group("dest")


def _resolve(
    curriculum: Curriculum,
    line: OutLine,
    target: str,
    image: bool,
    shown: set[str],
    ref: str,
    assets: frozenset[str],
) -> Problem | None:
    """The problem with one link or picture address, or None if it works."""
    address = re.split(r"[#?]", target, maxsplit=1)[0]
    if not address or _SCHEME.match(address) or address.startswith("/"):
        return None
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(line.path), address))
    if image:
        return _picture(line, address, resolved, assets)
    if resolved.startswith(f"{MODULES_DIR}/") and resolved.endswith(".md"):
        module_id = posixpath.basename(resolved)[: -len(".md")]
        if module_id not in curriculum.modules:
            return _error(
                line,
                f'the link goes to "{address}", but there is no module {resolved}; check the '
                "file name (links to modules are written like action-planning.md)",
            )
        if module_id not in shown:
            return _error(
                line,
                f'the link to "{address}" is broken in {ref}, which does not include the module '
                f'"{module_id}"; put the link inside an "::: except" block for that audience, '
                "or remove it",
            )
        return None
    if resolved in assets:
        return None
    return _error(
        line,
        f'the link goes to "{address}", which is not a module or a file in {ASSETS_DIR}/; '
        "link to a module such as action-planning.md, a file such as ../assets/leaflet.pdf, "
        "or a web address starting with https://",
    )


def _picture(line: OutLine, address: str, resolved: str, assets: frozenset[str]) -> Problem | None:
    if resolved in assets:
        return None
    if not resolved.startswith(f"{ASSETS_DIR}/"):
        return _error(
            line,
            f'the picture "{address}" is not in {ASSETS_DIR}/; put the file there and write '
            f"its address as ../assets/{posixpath.basename(address)}",
        )
    names = sorted(posixpath.relpath(a, ASSETS_DIR) for a in assets)
    close = difflib.get_close_matches(posixpath.relpath(resolved, ASSETS_DIR), names, n=1)
    hint = f' Did you mean "../assets/{close[0]}"?' if close else ""
    return _error(
        line,
        f"there is no picture {resolved}; check the file name, or add the file to "
        f"{ASSETS_DIR}/.{hint}",
    )


def _error(line: OutLine, message: str) -> Problem:
    return Problem(line.path, line.number, Severity.ERROR, message)

