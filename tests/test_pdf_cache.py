"""PDFs are rebuilt only when something that changes them changed, and byte for byte alike."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from coursebook.assemble.assemble import Edition
from coursebook.assemble.assembled import Assembled
from coursebook.layout import CACHE_DIR
from coursebook.pdf import parallel, render_pdfs, writer
from coursebook.pdf.errors import RenderFailed
from coursebook.pdf.render import RenderJob
from coursebook.pdf.views import long_date, print_date
from coursebook.pipeline import load_and_check
from tests.conftest import run_cli
from tests.pdf_support import ACTION_PLAN, COURSE, make_project

pytestmark = pytest.mark.slow

CARERS_WITHOUT_ACTION_PLAN = COURSE.replace(
    "    audience: carers\n", "    audience: carers\n    drop: [action-plan]\n"
)


def assemble(root: Path, edition: Edition | None = None) -> Assembled:
    assembled, problems = load_and_check(root)
    assert assembled is not None, [p.format() for p in problems]
    if edition is None:
        return assembled
    chosen = tuple(e for e in assembled.editions if e.edition is edition)
    return Assembled(assembled.curriculum, chosen)


@pytest.fixture
def rendered_jobs(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the PDFs each render_pdfs call really renders."""
    names: list[str] = []
    run = writer.run_jobs

    def counting(jobs: list[RenderJob], workers: int, done: parallel.Done) -> None:
        names.extend(job.name for job in jobs)
        run(jobs, workers, done)

    monkeypatch.setattr(writer, "run_jobs", counting)
    return names


def render(root: Path, out: Path, edition: Edition | None = None) -> list[str]:
    infos = render_pdfs(
        assemble(root, edition), out, project_root=root, cache_dir=root / ".cache",
        jobs=2, progress=False,
    )
    return [info.path for info in infos]


def test_unchanged_sources_render_nothing_and_an_edit_renders_only_its_pdfs(
    tmp_path, rendered_jobs
):
    root = make_project(
        tmp_path / "p", {"curriculum/courses/feeling-better.yml": CARERS_WITHOUT_ACTION_PLAN}
    )
    paths = render(root, tmp_path / "one")
    assert sorted(rendered_jobs) == sorted(paths)

    rendered_jobs.clear()
    again = render(root, tmp_path / "two")
    assert rendered_jobs == []
    assert again == paths
    for path in paths:
        assert (tmp_path / "two" / path).read_bytes() == (tmp_path / "one" / path).read_bytes()

    edited = ACTION_PLAN.replace("Choose one small thing", "Pick one small thing")
    (root / "curriculum/modules/action-plan.md").write_text(edited, encoding="utf-8")
    render(root, tmp_path / "three")
    assert sorted(rendered_jobs) == sorted([
        "downloads/feeling-better/community/facilitator-manual.pdf",
        "downloads/feeling-better/community/participant-workbook.pdf",
        "downloads/feeling-better/community/large-print.pdf",
    ])


def test_an_edited_picture_renders_the_pdfs_that_show_it(tmp_path, rendered_jobs):
    root = make_project(tmp_path / "p")
    render(root, tmp_path / "one", Edition.FACILITATOR)
    picture = root / "curriculum/assets/pace.svg"
    picture.write_text(picture.read_text().replace('r="40"', 'r="30"'), encoding="utf-8")
    rendered_jobs.clear()
    render(root, tmp_path / "two", Edition.FACILITATOR)
    assert len(rendered_jobs) == 2


def test_the_same_sources_make_byte_identical_pdfs(tmp_path):
    root = make_project(tmp_path / "p")
    first = render_pdfs(
        assemble(root, Edition.FACILITATOR), tmp_path / "a", project_root=root,
        cache_dir=tmp_path / "cache-a", jobs=1, progress=False,
    )
    render_pdfs(
        assemble(root, Edition.FACILITATOR), tmp_path / "b", project_root=root,
        cache_dir=tmp_path / "cache-b", jobs=1, progress=False,
    )
    for info in first:
        one, two = (tmp_path / folder / info.path for folder in ("a", "b"))
        assert one.read_bytes() == two.read_bytes()


def test_the_cover_date_comes_from_source_date_epoch_or_the_newest_review(monkeypatch, tmp_path):
    edition = assemble(make_project(tmp_path / "p")).editions[0]
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert long_date(print_date(edition)) == "1 March 2026"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    assert long_date(print_date(edition)) == "1 January 2026"


def test_a_failed_render_leaves_no_pdf_and_no_cache_entry(tmp_path, monkeypatch):
    root = make_project(tmp_path / "p")

    def fail(jobs: list[RenderJob], workers: int, done: object) -> None:
        raise RenderFailed("stopped")

    monkeypatch.setattr(writer, "run_jobs", fail)
    with pytest.raises(RenderFailed):
        render(root, tmp_path / "out", Edition.FACILITATOR)
    assert not (tmp_path / "out").exists()
    assert list((root / ".cache" / "pdf").glob("*.pdf")) == []


def test_rendered_is_what_the_manifest_records(tmp_path):
    root = make_project(tmp_path / "p")
    infos = render_pdfs(
        assemble(root, Edition.FACILITATOR), tmp_path / "out", project_root=root,
        cache_dir=root / ".cache", jobs=1, progress=False,
    )
    manifest = (root / ".cache" / "pdf" / "manifest.json").read_text(encoding="utf-8")
    for info in infos:
        assert f'"{info.path}"' in manifest
        assert info.bytes == (tmp_path / "out" / info.path).stat().st_size


def test_shards_built_apart_join_into_a_build_that_renders_nothing(tmp_path, rendered_jobs):
    """What a CI matrix does: each runner builds a part; the join reuses their PDFs."""
    shards = {
        "feeling-better/community": make_project(tmp_path / "runner-1"),
        "feeling-better/carers": make_project(tmp_path / "runner-2"),
    }
    for only, root in shards.items():
        result = run_cli("build", str(root), "--only", only, "--jobs", "1")
        assert result.exit_code == 0, result.output
    rendered_by_shards = sorted(rendered_jobs)

    join = make_project(tmp_path / "join")
    (join / CACHE_DIR / "pdf").mkdir(parents=True)
    for root in shards.values():  # the shards' caches, as downloaded artifacts
        for blob in (root / CACHE_DIR / "pdf").glob("*.pdf"):
            shutil.copy2(blob, join / CACHE_DIR / "pdf" / blob.name)
    rendered_jobs.clear()
    result = run_cli("build", str(join), "--jobs", "1")
    assert result.exit_code == 0, result.output
    assert rendered_jobs == []

    site = join / "site"
    site_pdfs = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.pdf"))
    assert site_pdfs == rendered_by_shards
    listed = json.loads((join / "site/coursebook.json").read_text(encoding="utf-8"))
    pages = [pdf["pages"] for pdf in _listed_pdfs(listed)]
    assert len(pages) == len(site_pdfs) and all(count > 0 for count in pages)


def _listed_pdfs(manifest: dict) -> list[dict]:
    return [
        pdf
        for course in manifest["courses"]
        for variant in course["variants"]
        for pdf in variant["pdfs"]
    ]
