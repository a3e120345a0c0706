"""What a PDF may load: files inside the project's assets and print theme, nothing else.

Module content is untrusted, so the rule is enforced twice. Before rendering,
`check_images` refuses every unsafe or missing picture with the module file and
line that asked for it. During rendering, `SafeFetcher` is WeasyPrint's only way
to load anything (pictures, pictures inside SVG files, style sheets, fonts); it
applies the same rule and stops the render at the first refusal.
"""

from __future__ import annotations

import mimetypes
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from urllib.request import url2pathname

from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse

from coursebook.pdf.content import Reference
from coursebook.pdf.errors import MissingResource, UnsafeResource

ASSETS_HINT = "save the picture in curriculum/assets/ and write ![description](../assets/NAME)"


@dataclass(frozen=True)
class Policy:
    """The folders a PDF may read from, and the project they belong to."""

    root: Path
    allowed: tuple[Path, ...]

    def rel(self, path: Path) -> str:
        """`path` as the author sees it: relative to the project when it is inside."""
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()

    def allows(self, path: Path) -> bool:
        return any(path.is_relative_to(folder) for folder in self.allowed)


def scheme_refusal(url: str) -> str | None:
    """Why an address that is not a project file may not be loaded (None for data:)."""
    scheme = urlsplit(url).scheme.lower()
    if scheme == "data":
        return None
    if scheme in ("http", "https", "ftp"):
        return f"is on the internet; PDFs only use files saved in the project: {ASSETS_HINT}"
    if scheme == "file":
        return f"is a file:// address; {ASSETS_HINT}"
    return f"is not a file in the project; {ASSETS_HINT}"


def place_refusal(path: Path, policy: Policy) -> str | None:
    """Why the file `path` may not be loaded, or None when it is in an allowed folder."""
    if policy.allows(path):
        return None
    return f"points outside the project's assets (to {policy.rel(path)}); {ASSETS_HINT}"


def check_images(images: Iterable[Reference], base_dir: Path, policy: Policy) -> None:
    """Refuse the first picture that is unsafe or missing, naming its file and line."""
    for image in images:
        where = f"{image.path}:{image.line}" if image.line else image.path
        if not urlsplit(image.url).path and not urlsplit(image.url).scheme:
            raise UnsafeResource(
                f'{where}: the picture has no file address ("{image.url}"); {ASSETS_HINT}'
            )
        if urlsplit(image.url).scheme:
            reason = scheme_refusal(image.url)
            if reason is None:
                continue
            raise UnsafeResource(f'{where}: the picture "{image.url}" {reason}')
        resolved = (base_dir / url2pathname(urlsplit(image.url).path)).resolve()
        reason = place_refusal(resolved, policy)
        if reason is not None:
            raise UnsafeResource(f'{where}: the picture "{image.url}" {reason}')
        if not resolved.is_file():
            raise MissingResource(
                f'{where}: the picture "{image.url}" does not exist '
                f"(there is no {policy.rel(resolved)}); check the file name, "
                f"or add the picture to {policy.rel(resolved.parent)}/"
            )


class Refused(FatalURLFetchingError):
    """Raised inside WeasyPrint to stop a render that asked for a forbidden address.

    WeasyPrint turns ordinary exceptions from a fetcher into logged warnings and
    goes on; this one stops the render, and the caller turns it into a PdfError.
    """

    def __init__(self, message: str, missing: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.missing = missing


class SafeFetcher(URLFetcher):
    """WeasyPrint's URL fetcher, allowed to read only the policy's folders and data: URLs.

    `referrers` maps an absolute file URL to the module file that asked for it,
    so that a refusal names that file.
    """

    def __init__(self, policy: Policy, referrers: Mapping[str, str]) -> None:
        super().__init__(allowed_protocols=("file", "data"), fail_on_errors=True)
        self.policy = policy
        self.referrers = referrers
        self.refusals: list[Refused] = []

    def refuse(self, message: str, missing: bool = False) -> Refused:
        """Remember a refusal (WeasyPrint may catch it while drawing SVG) and return it."""
        refused = Refused(message, missing)
        self.refusals.append(refused)
        return refused

    def fetch(self, url: str, headers: object = None) -> URLFetcherResponse:
        parts = urlsplit(url)
        who = self.referrers.get(url.split("#")[0], "the print theme or a picture")
        if parts.scheme.lower() != "file":
            reason = scheme_refusal(url)
            if reason is None:
                return super().fetch(url, headers)
            raise self.refuse(f'{who}: "{url}" {reason}')
        resolved = Path(url2pathname(parts.path)).resolve()
        shown = self.policy.rel(resolved)
        reason = place_refusal(resolved, self.policy)
        if reason is not None:
            raise self.refuse(f'{who}: "{shown}" {reason}')
        if not resolved.is_file():
            raise self.refuse(f'{who}: "{shown}" does not exist; check the file name', True)
        mime = mimetypes.guess_type(resolved.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, resolved.read_bytes(), headers={"Content-Type": mime})


def file_url_referrers(images: Iterable[Reference], base_url: str) -> dict[str, str]:
    """The absolute URL WeasyPrint will ask for, for each picture, and its module file."""
    return {urljoin(base_url, image.url): image.path for image in images}
