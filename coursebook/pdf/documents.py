"""Which PDFs a variant has, and where each one goes: a pure plan, no rendering.

Every variant gets a facilitator manual (facilitator edition), a participant
workbook and a large-print workbook (participant edition), and one PDF per
handout in the participant edition, each handout once however many modules or
sessions repeat it.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass

from coursebook.assemble.assemble import AssembledEdition, Edition, Handout


class Kind(enum.Enum):
    """The kinds of PDF, with the edition each is made from."""

    FACILITATOR_MANUAL = "facilitator-manual"
    PARTICIPANT_WORKBOOK = "participant-workbook"
    LARGE_PRINT = "large-print"
    HANDOUT = "handout"

    @property
    def edition(self) -> Edition:
        if self is Kind.FACILITATOR_MANUAL:
            return Edition.FACILITATOR
        return Edition.PARTICIPANT

    @property
    def label(self) -> str:
        """What the cover and the title call this kind of PDF."""
        return {
            Kind.FACILITATOR_MANUAL: "Facilitator manual",
            Kind.PARTICIPANT_WORKBOOK: "Participant workbook",
            Kind.LARGE_PRINT: "Large-print workbook",
            Kind.HANDOUT: "Handout",
        }[self]

    @property
    def is_large_print(self) -> bool:
        return self is Kind.LARGE_PRINT


BOOKS = (Kind.FACILITATOR_MANUAL, Kind.PARTICIPANT_WORKBOOK, Kind.LARGE_PRINT)


@dataclass(frozen=True)
class PdfDocument:
    """One PDF to make: its kind, the edition it comes from and, for a handout, which."""

    kind: Kind
    edition: AssembledEdition
    handout: Handout | None = None

    @property
    def course(self) -> str:
        return self.edition.course

    @property
    def variant(self) -> str:
        return self.edition.variant

    @property
    def path(self) -> str:
        """Where the PDF goes, relative to the output folder, with forward slashes."""
        folder = f"downloads/{self.course}/{self.variant}"
        if self.handout is not None:
            return f"{folder}/handouts/{self.handout.slug}.pdf"
        return f"{folder}/{self.kind.value}.pdf"

    @property
    def title(self) -> str:
        if self.handout is not None:
            return f"{self.handout.title}: {self.edition.variant_title}"
        return f"{self.edition.variant_title}: {self.kind.label.lower()}"


def plan_documents(editions: Iterable[AssembledEdition]) -> list[PdfDocument]:
    """Every PDF the given editions make, variant by variant, books before handouts."""
    documents: list[PdfDocument] = []
    for edition in editions:
        if edition.edition is Edition.FACILITATOR:
            documents.append(PdfDocument(Kind.FACILITATOR_MANUAL, edition))
            continue
        documents.append(PdfDocument(Kind.PARTICIPANT_WORKBOOK, edition))
        documents.append(PdfDocument(Kind.LARGE_PRINT, edition))
        documents.extend(PdfDocument(Kind.HANDOUT, edition, h) for h in unique_handouts(edition))
    return documents


def unique_handouts(edition: AssembledEdition) -> list[Handout]:
    """The edition's handouts in order of first use, one per slug."""
    seen: dict[str, Handout] = {}
    for handout in edition.handouts():
        seen.setdefault(handout.slug, handout)
    return list(seen.values())
