"""A module as one variant runs it: the facilitator edition, with what the
participant workbook adds folded away, review dates, a switcher to the same module
in the other variants, and links to the PDF of each handout."""

from __future__ import annotations

import re

from coursebook.assemble.assemble import OutLine, Page, join_lines
from coursebook.schema import Source, slugify
from coursebook.site import downloads, paths
from coursebook.site.editions import PARTICIPANT_BOX, facilitator_lines
from coursebook.site.markdown import front_matter, heading, page, relocate_assets
from coursebook.site.model import Site, VariantSite
from coursebook.site.variant_pages import session_name
from coursebook.site.words import attr, day, listing

_HANDOUT = re.compile(r'^(?P<indent> *)!!! cb-handout "Handout: (?P<title>.*)"\s*$')
EDITION_NOTE = (
    "Facilitator edition. Boxes headed \u201cParticipant workbook only\u201d show what "
    "participants have in their workbook instead."
)


def module_page(site: Site, variant: VariantSite, module: Page) -> str:
    """The page of one module in one variant."""
    here = variant.module_path(module.module)
    canonical = site.canonical(module.module) is variant
    lines = facilitator_lines(module, variant.participant_page(module.module))
    body = _with_handout_links(site, variant, lines, here)
    body = relocate_assets(body, paths.link(here, paths.MEDIA))
    parts = [
        front_matter(exclude_from_search=not canonical),
        heading(module.title, variant.title),
        review_line(module),
        module.meta.summary,
        _switcher(site, variant, module.module, here),
        _runs_in(variant, module.module, here),
        _objectives(module),
    ]
    if any(line.text.strip() == PARTICIPANT_BOX for line in lines):
        parts.append(f'<p class="cb-edition">{attr(EDITION_NOTE)}</p>')
    parts += [body, _sources(module.meta.sources), _credits(module)]
    return page(*parts)


def review_line(module: Page) -> str:
    """`Reviewed 16 November 2026 · Next review 16 November 2029`."""
    meta = module.meta
    return (
        f'<p class="cb-review">Reviewed {day(meta.reviewed)} · '
        f"Next review {day(meta.review_due)}</p>"
    )


def _switcher(site: Site, variant: VariantSite, module_id: str, here: str) -> str:
    """Links to the same module in every other variant that runs it."""
    others = [v for v in site.variants_with(module_id) if v is not variant]
    if not others:
        return ""
    items = [f"- **{variant.title}** (this page)"]
    items += [
        f"- [{other.title}]({paths.link(here, other.module_path(module_id))})" for other in others
    ]
    return (
        '<nav class="cb-switcher" aria-label="This module in other variants" markdown="1">\n\n'
        "**This module in other variants:**\n\n" + "\n".join(items) + "\n\n</nav>"
    )


def _runs_in(variant: VariantSite, module_id: str, here: str) -> str:
    links = []
    for session in variant.sessions_with(module_id):
        minutes = sum(p.minutes for p in session.pages if p.module == module_id)
        link = paths.link(here, variant.session_path(session))
        links.append(f"[{session_name(session)}]({link}) ({minutes} min)")
    return "**Run in:** " + listing(links) if links else ""


def _objectives(module: Page) -> str:
    items = "\n".join(f"- {objective}" for objective in module.meta.objectives)
    return f"**By the end of this module, participants can:**\n\n{items}"


def _with_handout_links(
    site: Site, variant: VariantSite, lines: list[OutLine], here: str
) -> str:
    """The body, with a link to its PDF at the top of each handout box that has one."""
    out: list[OutLine] = []
    for line in lines:
        out.append(line)
        match = _HANDOUT.match(line.text)
        if match is None:
            continue
        pdf = downloads.handout(
            site.pdfs, variant.course_id, variant.variant_id, slugify(match["title"])
        )
        if pdf is not None:
            inner = match["indent"] + "    "
            link = paths.link(here, pdf.path)
            text = f"{inner}[Print this handout]({link}) ({downloads.facts(pdf)})"
            out += [OutLine(text, line.path, line.number), OutLine("", line.path, line.number)]
    return join_lines(tuple(out))


def _sources(sources: list[Source]) -> str:
    if not sources:
        return ""
    lines = []
    for number, source in enumerate(sources, start=1):
        text = source.title
        if source.publisher:
            text += f". {source.publisher}"
        if source.year:
            text += f", {source.year}"
        if source.url:
            text += f". <{source.url}>"
        lines.append(f"{number}. {text}")
    return "## Sources\n\n" + "\n".join(lines)


def _credits(module: Page) -> str:
    meta = module.meta
    text = f"Written by {listing(list(meta.authors))}."
    if meta.co_produced_with:
        text += f" Co-produced with {listing(list(meta.co_produced_with))}."
    return f'<p class="cb-credits">{attr(text)}</p>'
