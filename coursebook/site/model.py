"""What the site shows, gathered once from the assembled curriculum.

`Site` answers the questions the page writers ask (which variants run a module,
which copy of a module search should index, which PDFs a variant has) so that
each page writer is a small function of a `Site` and one thing to show.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

from coursebook.assemble.assemble import AssembledEdition, AssembledSession, Edition, Page
from coursebook.assemble.assembled import Assembled
from coursebook.load.project import Curriculum
from coursebook.schema import Audience, Course, Variant
from coursebook.site import paths
from coursebook.site.downloads import Pdf, for_variant


@dataclass(frozen=True)
class VariantSite:
    """One variant of one course, with both its editions."""

    course_id: str
    variant_id: str
    course: Course
    variant: Variant
    audience: Audience
    facilitator: AssembledEdition
    participant: AssembledEdition | None

    @property
    def title(self) -> str:
        return self.variant.title

    @property
    def sessions(self) -> tuple[AssembledSession, ...]:
        return self.facilitator.sessions

    def modules(self) -> list[Page]:
        """Each module once, in the order the course first runs it."""
        seen: dict[str, Page] = {}
        for page in self.facilitator.pages():
            seen.setdefault(page.module, page)
        return list(seen.values())

    def sessions_with(self, module_id: str) -> list[AssembledSession]:
        """The sessions that run a module (weekly routines run in several)."""
        return list(self._sessions_by_module.get(module_id, ()))

    def participant_page(self, module_id: str) -> Page | None:
        """The module as the participant workbook of this variant shows it."""
        return self._participant_pages.get(module_id)

    @functools.cached_property
    def _sessions_by_module(self) -> dict[str, list[AssembledSession]]:
        """Each module's sessions, found once: every module page asks."""
        found: dict[str, list[AssembledSession]] = {}
        for session in self.sessions:
            for module_id in dict.fromkeys(p.module for p in session.pages):
                found.setdefault(module_id, []).append(session)
        return found

    @functools.cached_property
    def _participant_pages(self) -> dict[str, Page]:
        found: dict[str, Page] = {}
        for page in self.participant.pages() if self.participant else ():
            found.setdefault(page.module, page)
        return found

    def overview_path(self) -> str:
        return paths.overview(self.course_id, self.variant_id)

    def session_path(self, session: AssembledSession) -> str:
        return paths.session(self.course_id, self.variant_id, session.slug)

    def module_path(self, module_id: str) -> str:
        return paths.module(self.course_id, self.variant_id, module_id)


@dataclass(frozen=True)
class Site:
    """The whole site's content: every variant, its PDFs and the project's history."""

    curriculum: Curriculum
    variants: tuple[VariantSite, ...]
    pdfs: tuple[Pdf, ...]
    history: tuple[tuple[str, int], ...]

    def courses(self) -> list[tuple[str, Course, list[VariantSite]]]:
        """Each course with its variants, in build order."""
        grouped: dict[str, list[VariantSite]] = {}
        for variant in self.variants:
            grouped.setdefault(variant.course_id, []).append(variant)
        return [(cid, vs[0].course, vs) for cid, vs in grouped.items()]

    def variants_with(self, module_id: str) -> list[VariantSite]:
        """Every variant (of any course) that runs a module."""
        return list(self._variants_by_module.get(module_id, ()))

    @functools.cached_property
    def _variants_by_module(self) -> dict[str, list[VariantSite]]:
        found: dict[str, list[VariantSite]] = {}
        for variant in self.variants:
            for module_id in variant._sessions_by_module:
                found.setdefault(module_id, []).append(variant)
        return found

    def canonical(self, module_id: str) -> VariantSite:
        """The one variant whose copy of a module the search index holds: the first."""
        return self.variants_with(module_id)[0]

    def downloads(self, variant: VariantSite) -> list[Pdf]:
        return for_variant(self.pdfs, variant.course_id, variant.variant_id)


def gather(
    assembled: Assembled, pdfs: Sequence[Pdf] = (), history: Sequence[tuple[str, int]] = ()
) -> Site:
    """The site's content from an assembled curriculum (pure: reads no files)."""
    curriculum = assembled.curriculum
    variants = []
    for ref in assembled.variants():
        course = curriculum.course(ref.course).course
        variant = course.variants[ref.variant]
        variants.append(
            VariantSite(
                course_id=ref.course,
                variant_id=ref.variant,
                course=course,
                variant=variant,
                audience=curriculum.audiences[variant.audience],
                facilitator=assembled.edition(ref.course, ref.variant, Edition.FACILITATOR),
                participant=_maybe(assembled, ref.course, ref.variant, Edition.PARTICIPANT),
            )
        )
    return Site(curriculum, tuple(variants), tuple(pdfs), tuple(history))


def _maybe(
    assembled: Assembled, course: str, variant: str, edition: Edition
) -> AssembledEdition | None:
    try:
        return assembled.edition(course, variant, edition)
    except KeyError:
        return None
