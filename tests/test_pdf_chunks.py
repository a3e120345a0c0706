"""Long books are laid out in chunks and joined; the result must match a book laid out whole."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.generic import ArrayObject, IndirectObject

from coursebook.assemble.assemble import Edition
from coursebook.assemble.assembled import Assembled
from coursebook.pdf import render_pdfs
from coursebook.pdf.render import split_parts
from coursebook.pdf.views import ModuleView, Part
from coursebook.pipeline import load_and_check
from tests.pdf_support import all_text, book, contents, make_project, outline, read, text

pytestmark = pytest.mark.slow
MANUAL = book("community", "facilitator-manual")


def render_manual(root: Path, out: Path, chunk_size: int) -> PdfReader:
    assembled, _ = load_and_check(root)
    assert assembled is not None
    chosen = tuple(
        e for e in assembled.editions
        if e.variant == "community" and e.edition is Edition.FACILITATOR
    )
    render_pdfs(
        Assembled(assembled.curriculum, chosen), out, project_root=root,
        cache_dir=out / "cache", jobs=1, progress=False, chunk_size=chunk_size,
    )
    return read(out / MANUAL)


@pytest.fixture(scope="module")
def manuals(tmp_path_factory: pytest.TempPathFactory) -> tuple[PdfReader, PdfReader]:
    """The community manual laid out whole, and with every part in its own chunk."""
    base = tmp_path_factory.mktemp("chunks")
    root = make_project(base / "project")
    return render_manual(root, base / "whole", 10**9), render_manual(root, base / "chunked", 1)


def test_chunked_book_has_the_same_pages_text_and_contents(manuals):
    whole, chunked = manuals
    assert len(chunked.pages) == len(whole.pages) == 8
    for index in range(len(whole.pages)):
        assert text(chunked, index) == text(whole, index)
    assert contents(chunked, 1) == contents(whole, 1)


def test_chunked_book_says_page_x_of_the_true_total(manuals):
    _whole, chunked = manuals
    for index in range(1, 8):
        assert f"Page {index + 1} of 8" in text(chunked, index)


def test_chunked_book_has_one_bookmark_tree(manuals):
    whole, chunked = manuals
    assert outline(chunked) == outline(whole)
    assert [depth for depth, _, _ in outline(chunked)] == [1, 1, 2, 2, 1, 2, 2]


def test_chunked_book_links_jump_across_chunks(manuals):
    _whole, chunked = manuals
    page_numbers = {page.indirect_reference.idnum: i for i, page in enumerate(chunked.pages)}
    jumps = []
    for annotation in chunked.pages[1]["/Annots"]:
        destination = annotation.get_object()["/Dest"]
        assert isinstance(destination, ArrayObject)
        jumps.append(page_numbers[destination[0].idnum] + 1)
    unique = [n for i, n in enumerate(jumps) if i == 0 or jumps[i - 1] != n]
    assert unique == [3, 5, 6, 8]
    assert "coursebook-dest:" not in str(list(chunked.pages[6].get("/Annots", [])))


def test_chunked_book_keeps_one_valid_tag_tree(manuals):
    _whole, chunked = manuals
    root = chunked.trailer["/Root"]["/StructTreeRoot"]
    document = root["/K"][0].get_object()
    assert document["/S"] == "/Document"
    nums = root["/ParentTree"]["/Nums"]
    keys = [int(nums[i]) for i in range(0, len(nums), 2)]
    assert keys == sorted(set(keys))
    tree = dict(zip(keys, [nums[i] for i in range(1, len(nums), 2)], strict=True))
    for index, page in enumerate(chunked.pages):
        elements = tree[int(page["/StructParents"])]
        assert elements, f"page {index + 1} has no tagged content"
        for element in elements:
            element = element.get_object()
            assert element.raw_get("/Pg").idnum == page.indirect_reference.idnum
            assert _reaches(element, document)
        for annotation in page.get("/Annots", []):
            assert int(annotation.get_object()["/StructParent"]) in tree


def _reaches(element: object, document: object) -> bool:
    """Whether following /P parents from `element` reaches the Document element."""
    seen = 0
    while isinstance(element, dict) and seen < 100:
        if element is document or element == document:
            return True
        parent = element.get("/P")
        element = parent.get_object() if isinstance(parent, IndirectObject) else parent
        seen += 1
    return False


def test_chunked_book_keeps_the_facilitator_notes(manuals):
    _whole, chunked = manuals
    assert "FACNOTE plan" in all_text(chunked)


def test_parts_are_grouped_up_to_the_chunk_size():
    def part(size: int) -> Part:
        module = ModuleView("a", "A", "m.md", "S", "r", "d", (), (), "x" * size)
        return Part(None, module)

    parts = [part(40), part(30), part(50), part(200), part(10)]
    groups = split_parts(parts, 100)
    assert [[p.size for p in group] for group in groups] == [[40, 30], [50], [200], [10]]
    assert split_parts(parts, 10**6) == [tuple(parts)]
