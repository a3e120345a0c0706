"""The PDFs of a small course, opened with pypdf: what a trainer printing them relies on."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from coursebook.pdf import PdfInfo, render_pdfs
from coursebook.pipeline import load_and_check
from tests.pdf_support import (
    all_text,
    book,
    contents,
    font_sizes,
    make_project,
    outline,
    read,
    text,
)

pytestmark = pytest.mark.slow


@pytest.fixture(scope="session")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[PdfInfo]]:
    """Every PDF of the test course, rendered once with two worker processes."""
    base = tmp_path_factory.mktemp("pdf-books")
    root = make_project(base / "project")
    assembled, problems = load_and_check(root)
    assert assembled is not None and not problems.fail(), [p.format() for p in problems]
    out = base / "out"
    infos = render_pdfs(
        assembled, out, project_root=root, cache_dir=base / "cache", jobs=2, progress=False
    )
    return out, infos


def test_every_variant_gets_three_books_and_one_pdf_per_handout(rendered):
    out, infos = rendered
    assert [(i.variant, i.kind, i.handout) for i in infos] == [
        (variant, kind, handout)
        for variant in ("community", "carers")
        for kind, handout in (
            ("facilitator-manual", None),
            ("participant-workbook", None),
            ("large-print", None),
            ("handout", "day-planner"),
            ("handout", "my-weekly-plan"),
        )
    ]
    for info in infos:
        path = out / info.path
        assert info.bytes == path.stat().st_size
        assert info.pages == len(read(path).pages)
    assert infos[3].path == "downloads/feeling-better/community/handouts/day-planner.pdf"
    assert infos[0].title == "Feeling better (community): facilitator manual"


def test_page_counts(rendered):
    out, infos = rendered
    pages = {(i.variant, i.kind, i.handout): i.pages for i in infos}
    assert pages[("community", "facilitator-manual", None)] == 8
    assert pages[("community", "participant-workbook", None)] == 6
    assert pages[("community", "handout", "day-planner")] == 1


def test_contents_page_numbers_are_where_the_headings_are(rendered):
    out, _ = rendered
    reader = read(out / book("community", "facilitator-manual"))
    listed = contents(reader, 1)
    assert [title for title, _ in listed] == [
        "Session 1: Getting started", "Welcome", "Pacing your day",
        "Session 2: Next steps", "Pacing your day", "My action plan",
    ]
    for title, number in listed:
        assert title in text(reader, number - 1)
    marks = [(title, page + 1) for _, title, page in outline(reader) if title != "Contents"]
    assert marks == listed


def test_bookmarks_nest_modules_under_sessions(rendered):
    out, _ = rendered
    reader = read(out / book("community", "participant-workbook"))
    assert [(depth, title) for depth, title, _ in outline(reader)] == [
        (1, "Contents"),
        (1, "Session 1: Getting started"),
        (2, "Welcome"),
        (2, "Pacing your day"),
        (1, "Session 2: Next steps"),
        (2, "Pacing your day"),
        (2, "My action plan"),
    ]


def test_every_page_but_the_cover_says_page_x_of_y_with_edition_and_version(rendered):
    out, _ = rendered
    for kind, edition in (
        ("facilitator-manual", "Facilitator edition"),
        ("participant-workbook", "Participant edition"),
    ):
        reader = read(out / book("community", kind))
        total = len(reader.pages)
        assert "Page 1 of" not in text(reader, 0)
        for index in range(1, total):
            page = text(reader, index)
            assert f"Page {index + 1} of {total}" in page
            assert f"{edition} · Version 0.1" in page


def test_running_header_names_the_session_and_the_module(rendered):
    out, _ = rendered
    reader = read(out / book("community", "facilitator-manual"))
    page = text(reader, 6)
    assert "Session 2: Next steps" in page
    assert "Pacing your day" in page


def test_cover_shows_course_variant_edition_version_and_date(rendered):
    out, _ = rendered
    cover = text(read(out / book("carers", "facilitator-manual")), 0)
    for words in (
        "Feeling better together", "Feeling better (carers)", "Facilitator manual",
        "Facilitator edition", "Version 0.1", "1 March 2026",
        "This course is health education, not clinical advice",
    ):
        assert words in cover


def test_facilitator_notes_are_only_in_the_facilitator_manual(rendered):
    out, _ = rendered
    manual = all_text(read(out / book("community", "facilitator-manual")))
    workbook = all_text(read(out / book("community", "participant-workbook")))
    for note in ("FACNOTE pacing", "FACNOTE plan", "RISKNOTE pacing"):
        assert note in manual
        assert note not in workbook
    assert "FACILITATOR Facilitator notes" in manual
    assert "RISK If someone is at risk" in manual
    assert "Fill in the day planner on your own." in workbook


def test_each_session_of_the_manual_opens_with_a_run_sheet(rendered):
    out, _ = rendered
    reader = read(out / book("community", "facilitator-manual"))
    first = text(reader, 2)
    assert "Run-sheet Time Activity Minutes Module 0:00–0:15 Introductions 15 Welcome" in first
    assert "0:30–0:40 Tea break 10" in first
    assert "Planned 60 of 60 minutes" in first
    assert "Name badges and a flip chart" in first
    assert "Run-sheet" in text(reader, 5)
    assert "Run-sheet" not in text(read(out / book("community", "participant-workbook")), 2)


def test_each_module_shows_when_it_was_reviewed_and_is_next_due(rendered):
    out, _ = rendered
    pages = all_text(read(out / book("community", "participant-workbook")))
    assert "Reviewed 1 February 2026 · Next review 1 February 2029" in pages
    assert "Reviewed 1 March 2026 · Next review 1 March 2029" in pages


def test_large_print_body_text_is_at_least_16_point(rendered):
    out, _ = rendered
    reader = read(out / book("community", "large-print"))
    sizes = [size for i in range(len(reader.pages)) for _, size in font_sizes(reader, i)]
    assert min(sizes) >= 15.99
    regular = read(out / book("community", "participant-workbook"))
    body = [size for chunk, size in font_sizes(regular, 4) if "Pacing means" in chunk]
    assert body and body[0] < 12
    assert len(reader.pages) > len(regular.pages)


def test_fonts_are_embedded(rendered):
    out, infos = rendered
    for info in infos[:4]:
        listing = subprocess.run(
            ["pdffonts", str(out / info.path)], capture_output=True, text=True, check=True
        ).stdout.splitlines()[2:]
        assert listing
        for row in listing:
            assert re.search(r"\byes yes yes\b", row), row


def test_pdf_ua_identification_title_language_and_author(rendered):
    out, infos = rendered
    for info in (infos[0], infos[3]):
        reader = read(out / info.path)
        root = reader.trailer["/Root"]
        xmp = root["/Metadata"].get_data().decode()
        assert 'pdfuaid:part="1"' in xmp
        assert root["/MarkInfo"]["/Marked"] == True  # noqa: E712 (a pypdf BooleanObject)
        assert "/StructTreeRoot" in root
        assert root["/Lang"] == "en-GB"
        assert root["/ViewerPreferences"]["/DisplayDocTitle"] == True  # noqa: E712
        assert reader.metadata.title == info.title
        assert reader.metadata.author == "My organisation"


def test_contents_links_jump_to_their_headings(rendered):
    out, _ = rendered
    reader = read(out / book("community", "facilitator-manual"))
    names = [str(a.get_object()["/Dest"]) for a in reader.pages[1]["/Annots"]]
    entries = [name for index, name in enumerate(names) if index == 0 or names[index - 1] != name]
    targets = [
        reader.get_destination_page_number(reader.named_destinations[name]) + 1
        for name in entries
    ]
    assert targets == [number for _, number in contents(reader, 1)]


def test_module_links_point_inside_the_pdf(rendered):
    out, _ = rendered
    reader = read(out / book("community", "participant-workbook"))
    page = next(i for i in range(len(reader.pages)) if "See pacing" in text(reader, i))
    links = [a.get_object() for a in reader.pages[page]["/Annots"]]
    assert [str(link["/Dest"]) for link in links] == ["s1-pacing-why-pacing-helps"]


def test_pictures_from_assets_are_drawn(rendered):
    out, _ = rendered
    reader = read(out / book("community", "participant-workbook"))
    page = next(i for i in range(len(reader.pages)) if "Pacing means" in text(reader, i))
    drawing = reader.pages[page].get_contents().get_data()
    assert drawing.count(b" c\n") >= 4, "the SVG's circle (four curves) is not on the page"


def test_handouts_print_alone_without_cover_or_facilitator_notes(rendered):
    out, infos = rendered
    reader = read(out / infos[3].path)
    page = text(reader, 0)
    assert "Day planner" in page and "Morning" in page and "Page 1 of 1" in page
    assert "Evening" not in page
    assert [title for _, title, _ in outline(reader)] == ["Day planner"]
