"""`coursebook build` on the bundled curriculum and on fixture projects.

The bundled curriculum is built once per test session (the `bundled_site`
fixture); these tests read what that build left in site/ and build/.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from html.parser import HTMLParser
from pathlib import Path

import yaml

from tests.conftest import REPO, run_cli
from tests.site_fixture import FILES

_CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)")
_ARTICLE = re.compile(r"<article.*?</article>", re.DOTALL)
RESOURCE_ATTRIBUTES = {
    "script": ("src",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "iframe": ("src",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "input": ("src",),
}
LINKED_RESOURCES = {"stylesheet", "icon", "preload", "prefetch", "modulepreload", "manifest",
                    "preconnect", "dns-prefetch", "apple-touch-icon"}


def bundled_variants() -> list[str]:
    """Every course/variant in the repository's curriculum/courses/."""
    found = []
    for path in sorted((REPO / "curriculum" / "courses").glob("*.yml")):
        course = yaml.safe_load(path.read_text(encoding="utf-8"))
        found += [f"{path.stem}/{variant}" for variant in course["variants"]]
    return found


def test_every_bundled_variant_is_built(bundled_site: Path):
    site = bundled_site / "site"
    manifest = json.loads((site / "coursebook.json").read_text(encoding="utf-8"))
    built = [f"{c['id']}/{v['id']}" for c in manifest["courses"] for v in c["variants"]]
    assert sorted(built) == sorted(bundled_variants())
    for course in manifest["courses"]:
        for variant in course["variants"]:
            urls = [variant["overview"], *(s["url"] for s in variant["sessions"])]
            urls += [m["url"] for m in variant["modules"]]
            assert variant["sessions"] and variant["modules"]
            for url in urls:
                assert (site / url).is_file(), url


def test_mkdocs_alone_renders_the_same_pages_from_the_docs_tree(bundled_site: Path, tmp_path):
    other = tmp_path / "other"
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", "build/mkdocs.yml", "-d", str(other)],
        cwd=bundled_site, check=True, capture_output=True,
    )
    ours = bundled_site / "site"
    assert html_files(other) == html_files(ours)
    for name in html_files(ours):
        assert article(other / name) == article(ours / name), name
    assert (other / "coursebook.json").read_bytes() == (ours / "coursebook.json").read_bytes()


def test_the_site_loads_nothing_from_outside_itself(bundled_site: Path):
    site = bundled_site / "site"
    outside = [
        (path.relative_to(site).as_posix(), url)
        for path, url in resource_urls(site)
        if not is_inside(url)
    ]
    assert outside == []


def test_pages_have_the_curriculums_language(bundled_site: Path):
    page = (bundled_site / "site" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en-GB"' in page


def test_build_only_one_variant_without_pdfs(project: Callable[..., Path]):
    root = project(FILES)
    result = run_cli("build", str(root), "--only", "first-course/carers", "--no-pdf")
    assert result.exit_code == 0, result.output
    assert "coursebook build: 9 pages in site/ (0 errors, 0 warnings)" in result.output
    manifest = json.loads((root / "site" / "coursebook.json").read_text(encoding="utf-8"))
    assert [v["id"] for v in manifest["courses"][0]["variants"]] == ["carers"]
    assert (root / "site" / "first-course/carers/modules/diary.html").is_file()
    assert not (root / "build" / "docs" / "first-course" / "community").exists()
    assert not list((root / "site").rglob("*.pdf"))


def test_a_broken_curriculum_builds_nothing_and_says_where(project: Callable[..., Path]):
    root = project({**FILES, "curriculum/modules/routine.md": "no front matter\n"})
    result = run_cli("build", str(root), "--no-pdf")
    assert result.exit_code == 1
    assert "curriculum/modules/routine.md:1: error: the module has no front matter" in result.output
    assert "Traceback" not in result.output
    assert not (root / "site").exists()


def test_a_module_loading_an_outside_image_fails_the_build(project: Callable[..., Path]):
    image = "![A chart.](https://example.org/chart.png)\n"
    root = project({**FILES, "curriculum/modules/routine.md": FILES_ROUTINE + image})
    result = run_cli("build", str(root), "--no-pdf")
    assert result.exit_code == 1
    assert "curriculum/modules/routine.md: error: the page loads https://example.org/chart.png" in (
        result.output
    )


FILES_ROUTINE = str(FILES["curriculum/modules/routine.md"])


def html_files(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


def article(path: Path) -> str:
    match = _ARTICLE.search(path.read_text(encoding="utf-8"))
    assert match, path
    return match.group(0)


class _Resources(HTMLParser):
    """Every address an HTML page loads (not the pages it merely links to)."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        for name in RESOURCE_ATTRIBUTES.get(tag, ()):
            if values.get(name):
                self.urls += [part.split()[0] for part in values[name].split(",") if part.strip()]
        rel = set(values.get("rel", "").split())
        if tag == "link" and rel & LINKED_RESOURCES:
            self.urls.append(values.get("href", ""))
        self.urls += _CSS_URL.findall(values.get("style", ""))
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.urls += _CSS_URL.findall(data)


def resource_urls(site: Path) -> Iterator[tuple[Path, str]]:
    for path in sorted(site.rglob("*.html")):
        parser = _Resources()
        parser.feed(path.read_text(encoding="utf-8"))
        yield from ((path, url) for url in parser.urls)
    for path in sorted(site.rglob("*.css")):
        yield from ((path, url) for url in _CSS_URL.findall(path.read_text(encoding="utf-8")))


def is_inside(url: str) -> bool:
    """A relative address, a fragment or inline data: nothing fetched from elsewhere."""
    url = url.strip()
    return url.startswith(("data:", "#")) or not re.match(r"^([a-z][a-z0-9+.-]*:|//)", url, re.I)
