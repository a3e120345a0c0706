"""WeasyPrint's harmless notices do not fail a PDF; its real problems still do."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import weasyprint.pdf.fonts
from pypdf.generic import DictionaryObject

from coursebook.pdf.notices import HARMLESS, sort_notices
from tests.pdf_support import all_text, make_project, read
from tests.test_pdf_security import render_workbook

FONTTOOLS = (
    'Using fontTools instead of HarfBuzz-Subset for font "{}". This will be unsupported in '
    "future versions of WeasyPrint. Please install HarfBuzz-Subset >= 4.1.0 with your package "
    "manager."
)
"""What WeasyPrint 70 logs for each font of each PDF when HarfBuzz-Subset is missing."""

FONTTOOLS_NOTE = (
    "coursebook: note: the PDF fonts were made smaller with fontTools because the "
    "HarfBuzz-Subset library is not installed; the PDFs are fine, and installing "
    "libharfbuzz-subset0 (make build does) makes them faster\n"
)


def embedded_fonts(path: Path) -> dict[str, int]:
    """Each font a PDF uses, by name, with the size of the font file embedded for it."""
    found: dict[str, int] = {}
    for page in read(path).pages:
        fonts = page["/Resources"].get_object().get("/Font", DictionaryObject())
        for font in fonts.get_object().values():
            font = font.get_object()
            for part in [font, *(f.get_object() for f in font.get("/DescendantFonts", []))]:
                descriptor = part.get("/FontDescriptor")
                if descriptor is None:
                    continue
                descriptor = descriptor.get_object()
                data = next(
                    descriptor[key].get_object().get_data()
                    for key in ("/FontFile2", "/FontFile3", "/FontFile")
                    if key in descriptor
                )
                found[str(part["/BaseFont"])] = len(data)
    return found


def test_fonttools_and_deprecated_prefix_notices_are_notes_and_the_rest_problems():
    missing = "Failed to load image at 'file:///p/curriculum/assets/x.png': not found"
    notes, problems = sort_notices([
        FONTTOOLS.format("Coursebook Sans"),
        FONTTOOLS.format("Coursebook Symbols"),
        "Deprecated `-weasy-hyphens:auto` at 3:5, prefixes on unstable attributes are "
        "deprecated, use 'hyphens' instead.",
        missing,
        "Ignored `-weasy-wobble:1` at 4:5, prefix on this attribute is not supported, "
        "use 'wobble' instead.",
    ])
    assert notes == {harmless.note for harmless in HARMLESS}
    assert problems == [
        missing,
        "Ignored `-weasy-wobble:1` at 4:5, prefix on this attribute is not supported, "
        "use 'wobble' instead.",
    ]


@pytest.mark.slow
def test_pdfs_are_made_with_fonts_embedded_when_harfbuzz_subset_is_missing(
    tmp_path, monkeypatch, capsys
):
    # WeasyPrint subsets fonts with HarfBuzz only when its handle on the
    # HarfBuzz-Subset library is set; it is None when libharfbuzz-subset0 is absent.
    monkeypatch.setattr(weasyprint.pdf.fonts, "harfbuzz_subset", None)
    root = make_project(tmp_path / "p")
    render_workbook(root)
    out = root / "out/downloads/feeling-better/community"
    pdfs = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.pdf"))
    assert pdfs == [
        "handouts/day-planner.pdf", "handouts/my-weekly-plan.pdf", "large-print.pdf",
        "participant-workbook.pdf",
    ]
    for name in pdfs:
        fonts = embedded_fonts(out / name)
        assert any(re.fullmatch(r"/[A-Z]{6}\+Coursebook-Sans", font) for font in fonts), fonts
        assert all(re.fullmatch(r"/[A-Z]{6}\+Coursebook-[\w-]+", font) for font in fonts), fonts
        # Subset: a few kilobytes of each 400 kB font file.
        assert all(0 < size < 50_000 for size in fonts.values()), fonts
    assert "Pacing means doing a bit" in all_text(read(out / "participant-workbook.pdf"))
    # Every font of every PDF logged the fallback; it is said once.
    assert capsys.readouterr().err == FONTTOOLS_NOTE
