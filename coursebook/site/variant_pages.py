"""Each variant's overview page and its session pages."""

from __future__ import annotations

from coursebook.assemble.assemble import AssembledSession
from coursebook.site import downloads, paths
from coursebook.site.downloads import Pdf
from coursebook.site.markdown import heading, page
from coursebook.site.model import Site, VariantSite
from coursebook.site.runsheet import runsheet
from coursebook.site.words import cell, duration, listing, plural

REDUCED = (
    "Shorter version: the optional parts of each module are left out, so there is less "
    "to cover in each topic."
)


def session_name(session: AssembledSession) -> str:
    return f"Session {session.number}: {session.title}"


def overview(site: Site, variant: VariantSite) -> str:
    """Who the variant is for, its sessions and times, what to prepare, and downloads."""
    here = variant.overview_path()
    return page(
        heading(variant.title, variant.course.title),
        variant.variant.description,
        _facts(variant),
        "## Sessions",
        _sessions_table(variant, here),
        _downloads(site.downloads(variant), here),
        "## What to prepare",
        _preparation(variant, here),
        _handouts(site, variant, variant.sessions, here),
        "## Modules",
        _modules(variant, here),
    )


def _facts(variant: VariantSite) -> str:
    course = variant.course
    lengths = sorted({s.length for s in variant.sessions})
    each = f" of {duration(lengths[0])}" if len(lengths) == 1 else ""
    facts = [
        f"- **Course:** {course.title}",
        f"- **Who it is for:** {variant.audience.name}. {variant.audience.description}",
        f"- **Sessions:** {plural(len(variant.sessions), 'session')}{each}, "
        f"{duration(variant.facilitator.minutes)} in all",
    ]
    if course.group_size:
        facts.append(f"- **Group size:** {course.group_size}")
    if course.facilitators:
        facts.append(f"- **Run by:** {course.facilitators}")
    if variant.variant.venue:
        facts.append(f"- **Where to run it:** {variant.variant.venue}")
    if variant.variant.depth == "reduced":
        facts.append(f"- **Depth:** {REDUCED}")
    return "\n".join(facts)


def _sessions_table(variant: VariantSite, here: str) -> str:
    rows = ["| Session | Length | Planned |", "|---|---|---|"]
    for session in variant.sessions:
        link = paths.link(here, variant.session_path(session))
        planned = duration(session.planned)
        if session.is_over:
            planned += f" **(over by {duration(session.planned - session.length)})**"
        rows.append(
            f"| [{cell(session_name(session))}]({link}) | {duration(session.length)} "
            f"| {planned} |"
        )
    return "\n".join(rows)


def _downloads(pdfs: list[Pdf], here: str) -> str:
    books = [p for p in pdfs if p.kind != "handout"]
    if not books:
        return ""
    lines = [
        f"- [{downloads.KIND_LABELS.get(p.kind, p.title)}]({paths.link(here, p.path)}) "
        f"({downloads.facts(p)})"
        for p in books
    ]
    return "## Downloads\n\n" + "\n".join(lines)


def _preparation(variant: VariantSite, here: str) -> str:
    parts = []
    for session in variant.sessions:
        link = paths.link(here, variant.session_path(session))
        items = "\n".join(f"- {item}" for item in session.prepare) or "- Nothing extra."
        parts.append(f"### [{session_name(session)}]({link})\n\n{items}")
    return "\n\n".join(parts)


def _handouts(
    site: Site, variant: VariantSite, sessions: tuple[AssembledSession, ...], here: str
) -> str:
    """Every handout of the sessions, where it is, and its PDF when there is one."""
    lines = []
    for session in sessions:
        for module in session.pages:
            for handout in module.handouts:
                link = paths.link(here, variant.module_path(module.module))
                where = f"session {session.number}, " if len(sessions) > 1 else ""
                line = f"- **{handout.title}**: {where}in [{module.title}]({link})"
                pdf = downloads.handout(
                    site.pdfs, variant.course_id, variant.variant_id, handout.slug
                )
                if pdf is not None:
                    line += f" · [print it]({paths.link(here, pdf.path)}) ({downloads.facts(pdf)})"
                lines.append(line)
    return "## Handouts\n\n" + "\n".join(lines) if lines else ""


def _modules(variant: VariantSite, here: str) -> str:
    lines = []
    for module in variant.modules():
        numbers = [str(s.number) for s in variant.sessions_with(module.module)]
        word = "Session" if len(numbers) == 1 else "Sessions"
        link = paths.link(here, variant.module_path(module.module))
        lines.append(
            f"- [{module.title}]({link}): {module.meta.summary} "
            f"*{word} {listing(numbers)}.*"
        )
    return "\n".join(lines)


def session_page(site: Site, variant: VariantSite, session: AssembledSession) -> str:
    """A session's run-sheet, what to prepare, its modules and handouts."""
    here = variant.session_path(session)

    def module_link(module_id: str) -> tuple[str, str]:
        module = next(p for p in session.pages if p.module == module_id)
        return module.title, paths.link(here, variant.module_path(module_id))

    prepare = "\n".join(f"- {item}" for item in session.prepare) or "Nothing extra."
    modules = "\n".join(
        f"{n}. [{p.title}]({paths.link(here, variant.module_path(p.module))}): {p.meta.summary}"
        for n, p in enumerate(session.pages, start=1)
    )
    return page(
        heading(session_name(session), variant.title),
        "## Run-sheet",
        runsheet(session, module_link),
        "## Before the session",
        prepare,
        "## Modules",
        modules,
        _handouts(site, variant, (session,), here),
    )
