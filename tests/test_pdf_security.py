"""Module text is untrusted: a PDF reads only the project's own pictures and theme."""

from __future__ import annotations

from pathlib import Path

import pytest

from coursebook.assemble.assemble import Edition
from coursebook.assemble.assembled import Assembled
from coursebook.pdf import render_pdfs
from coursebook.pdf.content import Reference
from coursebook.pdf.errors import MissingGlyph, MissingResource, RenderFailed, UnsafeResource
from coursebook.pdf.resources import Policy, Refused, SafeFetcher, check_images
from coursebook.pipeline import load_and_check
from coursebook.safepaths import LINK_IN_SOURCES
from tests.pdf_support import PACE_SVG, PACING, make_project

HINT = "save the picture in curriculum/assets/ and write ![description](../assets/NAME)"


def render_workbook(root: Path) -> None:
    """Render the community participant PDFs of the project at `root`."""
    assembled, _ = load_and_check(root)
    assert assembled is not None
    chosen = tuple(
        e for e in assembled.editions
        if e.variant == "community" and e.edition is Edition.PARTICIPANT
    )
    render_pdfs(
        Assembled(assembled.curriculum, chosen), root / "out", project_root=root,
        cache_dir=root / "cache", jobs=1, progress=False,
    )


def with_picture(tmp_path: Path, address: str, extra: dict[str, str | None] | None = None) -> Path:
    pacing = PACING.replace("../assets/pace.svg", address)
    return make_project(tmp_path / "p", {"curriculum/modules/pacing.md": pacing, **(extra or {})})


def test_an_etc_passwd_picture_is_refused(tmp_path):
    root = with_picture(tmp_path, "file:///etc/passwd")
    with pytest.raises(UnsafeResource) as error:
        render_workbook(root)
    assert str(error.value) == (
        'curriculum/modules/pacing.md:17: the picture "file:///etc/passwd" is a file:// '
        f"address; {HINT}"
    )


def test_a_picture_on_the_internet_is_refused(tmp_path):
    root = with_picture(tmp_path, "http://example.com/tracker.png")
    with pytest.raises(UnsafeResource) as error:
        render_workbook(root)
    assert str(error.value) == (
        'curriculum/modules/pacing.md:17: the picture "http://example.com/tracker.png" is on '
        f"the internet; PDFs only use files saved in the project: {HINT}"
    )


def test_a_picture_outside_the_project_is_refused(tmp_path):
    root = with_picture(tmp_path, "../../../../../../../../etc/passwd")
    with pytest.raises(UnsafeResource) as error:
        render_workbook(root)
    assert str(error.value) == (
        'curriculum/modules/pacing.md:17: the picture "../../../../../../../../etc/passwd" '
        f"points outside the project's assets (to /etc/passwd); {HINT}"
    )


def test_a_missing_picture_fails_the_build(tmp_path):
    root = with_picture(tmp_path, "../assets/no-such.svg")
    with pytest.raises(MissingResource) as error:
        render_workbook(root)
    assert str(error.value) == (
        'curriculum/modules/pacing.md:17: the picture "../assets/no-such.svg" does not exist '
        "(there is no curriculum/assets/no-such.svg); check the file name, or add the picture "
        "to curriculum/assets/"
    )
    assert not (root / "out").exists()


def test_a_file_url_that_reaches_the_pdf_writer_is_refused(tmp_path):
    policy = Policy(tmp_path, (tmp_path / "curriculum/assets",))
    image = Reference("file:///etc/passwd", "curriculum/modules/pain.md", 9)
    with pytest.raises(UnsafeResource) as error:
        check_images([image], tmp_path / "curriculum/modules", policy)
    assert str(error.value) == (
        f'curriculum/modules/pain.md:9: the picture "file:///etc/passwd" is a file:// address; '
        f"{HINT}"
    )


def test_a_symlink_out_of_the_assets_is_refused_before_anything_is_read(tmp_path):
    root = with_picture(tmp_path, "../assets/secret.svg")
    (root / "curriculum/assets/secret.svg").symlink_to("/etc/passwd")
    assembled, problems = load_and_check(root)
    assert assembled is None
    assert [p.format() for p in problems] == [
        f"curriculum/assets/secret.svg: error: {LINK_IN_SOURCES}"
    ]


def test_a_symlink_made_after_the_check_is_refused_by_the_pdf(tmp_path):
    root = with_picture(tmp_path, "../assets/secret.svg",
                        {"curriculum/assets/secret.svg": PACE_SVG})
    assembled, _ = load_and_check(root)
    assert assembled is not None
    (root / "curriculum/assets/secret.svg").unlink()
    (root / "curriculum/assets/secret.svg").symlink_to("/etc/passwd")
    chosen = tuple(e for e in assembled.editions if e.edition is Edition.PARTICIPANT)
    with pytest.raises(UnsafeResource, match="points outside the project's assets"):
        render_pdfs(
            Assembled(assembled.curriculum, chosen), root / "out", project_root=root,
            cache_dir=root / "cache", jobs=1, progress=False,
        )


def test_the_fetcher_reads_only_allowed_folders_and_data_urls(tmp_path):
    assets = tmp_path / "curriculum/assets"
    assets.mkdir(parents=True)
    (assets / "ok.svg").write_text("<svg/>", encoding="utf-8")
    referrers = {"file:///etc/passwd": "curriculum/modules/pain.md"}
    fetcher = SafeFetcher(Policy(tmp_path, (assets,)), referrers)
    assert fetcher.fetch((assets / "ok.svg").as_uri()).read() == b"<svg/>"
    assert fetcher.fetch("data:text/plain,hello").read() == b"hello"
    refusals = {
        "file:///etc/passwd": 'curriculum/modules/pain.md: "/etc/passwd" points outside',
        "https://example.com/a.png": '"https://example.com/a.png" is on the internet',
        assets.as_uri() + "/../../../../../../../../etc/passwd": '"/etc/passwd" points outside',
        (assets / "gone.png").as_uri(): '"curriculum/assets/gone.png" does not exist',
    }
    for url, message in refusals.items():
        with pytest.raises(Refused) as refused:
            fetcher.fetch(url)
        assert message in refused.value.message


def test_an_svg_that_loads_a_file_outside_is_stopped_while_rendering(tmp_path):
    sneaky = (
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
        '<image href="file:///etc/passwd" width="10" height="10"/></svg>'
    )
    root = make_project(tmp_path / "p", {"curriculum/assets/pace.svg": sneaky})
    with pytest.raises(UnsafeResource) as error:
        render_workbook(root)
    assert '"/etc/passwd" points outside the project\'s assets' in str(error.value)
    assert str(error.value).startswith("downloads/feeling-better/community/")


def test_what_weasyprint_logs_fails_the_pdf(tmp_path):
    root = make_project(tmp_path / "p", {"curriculum/assets/pace.svg": "<svg this is not xml"})
    with pytest.raises(RenderFailed) as error:
        render_workbook(root)
    assert "WeasyPrint could not print it cleanly" in str(error.value)
    assert "curriculum/assets/pace.svg" in str(error.value)


def test_a_character_the_fonts_cannot_draw_is_refused_with_its_line(tmp_path):
    pacing = PACING.replace("then resting,", "then resting \u6f22,")
    root = make_project(tmp_path / "p", {"curriculum/modules/pacing.md": pacing})
    with pytest.raises(MissingGlyph) as error:
        render_workbook(root)
    assert str(error.value) == (
        'curriculum/modules/pacing.md:15: the character "\u6f22" (U+6F22, '
        "cjk unified ideograph-6f22) cannot be printed: the PDF fonts have no shape for it; "
        "write it another way, for example in words"
    )
