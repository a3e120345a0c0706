"""What assembly hands every output: the curriculum and each edition of each variant.

The site, the PDFs and the report read these types; they live beside the
assembler, not in the orchestrator (`coursebook.pipeline`) that makes them.
"""

from __future__ import annotations

from dataclasses import dataclass

from coursebook.assemble.assemble import AssembledEdition, Edition
from coursebook.load.project import Curriculum


@dataclass(frozen=True)
class VariantRef:
    """A course and one of its variants, as `course/variant`."""

    course: str
    variant: str

    def __str__(self) -> str:
        return f"{self.course}/{self.variant}"


@dataclass(frozen=True)
class Assembled:
    """A loaded curriculum and every edition of every variant, assembled."""

    curriculum: Curriculum
    editions: tuple[AssembledEdition, ...]

    def variants(self) -> list[VariantRef]:
        seen: dict[str, VariantRef] = {}
        for edition in self.editions:
            ref = VariantRef(edition.course, edition.variant)
            seen.setdefault(str(ref), ref)
        return list(seen.values())

    def edition(self, course: str, variant: str, edition: Edition) -> AssembledEdition:
        for candidate in self.editions:
            if (candidate.course, candidate.variant, candidate.edition) == (
                course,
                variant,
                edition,
            ):
                return candidate
        raise KeyError(f"{course}/{variant}/{edition.value}")
