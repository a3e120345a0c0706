"""Join separately laid-out pieces of one PDF into one tagged, bookmarked PDF.

pypdf copies the pages; this module also carries over what a plain page copy
loses: each piece's tag tree (the structure screen readers follow, kept valid
by renumbering its parent-tree keys and hanging it under the first piece's
Document element), the links between pieces (written as
`coursebook-dest:ANCHOR` addresses while the pieces were laid out) and one
bookmark tree for the whole document.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, cast

from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    Fit,
    FloatObject,
    IndirectObject,
    NameObject,
    NumberObject,
)


@dataclass(frozen=True)
class Destination:
    """A place in the joined PDF: a page index and a point on it, in PDF points."""

    page: int
    x: float
    y: float


@dataclass(frozen=True)
class Bookmark:
    level: int
    label: str
    target: Destination


@dataclass(frozen=True)
class Piece:
    """One laid-out part of a PDF, with where its anchors and bookmarks are."""

    data: bytes
    destinations: Mapping[str, Destination]
    bookmarks: Sequence[Bookmark]


def join_pieces(pieces: Sequence[Piece], link_prefix: str) -> bytes:
    """One PDF from `pieces`, in order; the first piece's catalogue and metadata are kept."""
    readers = [PdfReader(io.BytesIO(piece.data)) for piece in pieces]
    writer = PdfWriter(clone_from=readers[0])
    for reader in readers[1:]:
        _append(writer, reader)
    destinations = {k: v for piece in pieces for k, v in piece.destinations.items()}
    _resolve_links(writer, destinations, link_prefix)
    _write_outline(writer, [b for piece in pieces for b in piece.bookmarks])
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


def _struct_root(pdf: PdfWriter | PdfReader) -> Any:
    return pdf.root_object["/StructTreeRoot"].get_object()


def _document_element(struct_root: Any) -> IndirectObject:
    kids = struct_root["/K"]
    element = kids[0] if isinstance(kids, ArrayObject) else kids
    assert isinstance(element, IndirectObject)
    return element


def _append(writer: PdfWriter, reader: PdfReader) -> None:
    """Add `reader`'s pages and tag tree after everything already in `writer`."""
    target = _struct_root(writer)
    nums = target["/ParentTree"].get_object()["/Nums"]
    offset = max((int(nums[i]) for i in range(0, len(nums), 2)), default=-1) + 1
    for page in reader.pages:
        copy = writer.add_page(page)
        if "/StructParents" in page:
            _shift(page, copy, "/StructParents", offset)
        for annotation in copy.get("/Annots", ArrayObject()):
            annotation = annotation.get_object()
            if "/StructParent" in annotation:
                _shift(annotation, annotation, "/StructParent", offset)
    source = _struct_root(reader)
    document_ref = _document_element(target)
    document: Any = document_ref.get_object()
    source_document: Any = _document_element(source).get_object()
    copies = []
    for kid in source_document["/K"]:
        copy_ref = kid.clone(writer, ignore_fields=[1, "/P"])
        copy_ref.get_object()[NameObject("/P")] = document_ref
        document["/K"].append(copy_ref)
    source_nums = source["/ParentTree"].get_object()["/Nums"]
    for index in range(0, len(source_nums), 2):
        nums.append(NumberObject(int(source_nums[index]) + offset))
        value = source_nums[index + 1].clone(writer)
        nums.append(value)
        copies.extend(value if isinstance(value, ArrayObject) else [value])
    for copy_ref in copies:
        _adopt(copy_ref, document_ref)
    target[NameObject("/ParentTreeNextKey")] = NumberObject(int(nums[-2]) + 1)


def _shift(source: Any, target: Any, name: str, offset: int) -> None:
    """Give `target` the parent-tree key of `source` plus `offset` (earlier pieces used less)."""
    target[NameObject(name)] = NumberObject(int(source[name]) + offset)


def _adopt(element_ref: object, document_ref: IndirectObject) -> None:
    """Make an element whose parents lead to its own piece's Document lead to ours.

    WeasyPrint hangs some elements (those of running headers and footers) from
    parents that are not listed among the Document's kids, so walking down from
    the Document misses them; walking up from each element does not.
    """
    current = element_ref
    for _depth in range(64):
        if not isinstance(current, IndirectObject) or current.idnum == document_ref.idnum:
            return
        element: Any = current.get_object()
        parent = element.raw_get("/P") if "/P" in element else None
        parent_is_a_document = isinstance(parent, IndirectObject) and (
            parent.idnum != document_ref.idnum
            and cast(Any, parent.get_object()).get("/S") == "/Document"
        )
        if not isinstance(parent, IndirectObject) or parent_is_a_document:
            element[NameObject("/P")] = document_ref
            return
        current = parent


def _resolve_links(
    writer: PdfWriter, destinations: Mapping[str, Destination], prefix: str
) -> None:
    """Turn `prefix + anchor` link addresses into jumps to that anchor's page."""
    for page in writer.pages:
        for annotation in page.get("/Annots", ArrayObject()):
            annotation = annotation.get_object()
            action = annotation.get("/A")
            uri = str(action.get("/URI", "")) if action is not None else ""
            if not uri.startswith(prefix):
                continue
            del annotation[NameObject("/A")]
            target = destinations.get(uri[len(prefix):])
            if target is not None:
                annotation[NameObject("/Dest")] = _dest_array(writer, target)


def _dest_array(writer: PdfWriter, target: Destination) -> ArrayObject:
    return ArrayObject([
        writer.pages[target.page].indirect_reference,
        NameObject("/XYZ"),
        FloatObject(round(target.x, 3)),
        FloatObject(round(target.y, 3)),
        NumberObject(0),
    ])


def _write_outline(writer: PdfWriter, bookmarks: Sequence[Bookmark]) -> None:
    """Replace the first piece's bookmarks with a tree of every piece's, by level."""
    if "/Outlines" in writer.root_object:
        del writer.root_object[NameObject("/Outlines")]
    stack: list[tuple[int, IndirectObject]] = []
    for bookmark in bookmarks:
        while stack and stack[-1][0] >= bookmark.level:
            stack.pop()
        parent = stack[-1][1] if stack else None
        target = bookmark.target
        item = writer.add_outline_item(
            title=bookmark.label,
            page_number=target.page,
            parent=parent,
            fit=Fit.xyz(left=round(target.x, 3), top=round(target.y, 3), zoom=0),
        )
        stack.append((bookmark.level, item))
