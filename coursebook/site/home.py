"""The landing page and the contributors page."""

from __future__ import annotations

from coursebook.site import paths
from coursebook.site.markdown import heading, page
from coursebook.site.model import Site, VariantSite
from coursebook.site.words import duration, listing, plural, quoted, text

EDITION_NOTE = (
    "This site is for the facilitators and tutors who run the courses. Every page shows "
    "the **facilitator edition**: timings, facilitator notes, and what to do if someone "
    "is at risk. What participants have in their workbook instead (such as spaces to "
    'write in) is folded away in boxes headed "Participant workbook only".'
)


def home(site: Site) -> str:
    """The landing page: every course and, for each variant, who it is for."""
    project = site.curriculum.project
    byline = f"{project.organisation} · version {project.version}"
    if project.licence:
        byline += f" · {project.licence}"
    parts = [heading(project.title), byline, disclaimer(site), EDITION_NOTE]
    for _course_id, course, variants in site.courses():
        parts.append(f"## {course.title}")
        parts.append(course.summary)
        facts = [f"**Group size:** {course.group_size}"] if course.group_size else []
        if course.facilitators:
            facts.append(f"**Run by:** {course.facilitators}")
        parts.append("  \n".join(facts))
        parts.extend(_variant_entry(variant) for variant in variants)
    parts.append(
        f"[Who wrote and co-produced this curriculum]({paths.link(paths.HOME, paths.CONTRIBUTORS)})"
    )
    return page(*parts)


def disclaimer(site: Site) -> str:
    """The curriculum's disclaimer in a box (such as: education, not clinical advice)."""
    project = site.curriculum.project
    if not project.disclaimer:
        return ""
    return f"!!! info {quoted(project.disclaimer_title)}\n    {text(project.disclaimer)}"


def _variant_entry(variant: VariantSite) -> str:
    sessions = variant.sessions
    lengths = sorted({s.length for s in sessions})
    each = f" of {duration(lengths[0])}" if len(lengths) == 1 else ""
    link = paths.link(paths.HOME, variant.overview_path())
    return (
        f"### [{variant.title}]({link})\n\n{variant.variant.description}\n\n"
        f"**For:** {variant.audience.name} · {plural(len(sessions), 'session')}{each}, "
        f"{duration(variant.facilitator.minutes)} in all"
    )


def contributors(site: Site) -> str:
    """Who wrote and co-produced the modules, and who changed the curriculum files."""
    authors: dict[str, list[str]] = {}
    partners: dict[str, list[str]] = {}
    for module in site.curriculum.modules:
        if not site.variants_with(module.id):
            continue
        link = _module_link(site, module.id, module.meta.title)
        for name in module.meta.authors:
            authors.setdefault(name, []).append(link)
        for name in module.meta.co_produced_with:
            partners.setdefault(name, []).append(link)
    parts = [
        heading("Contributors"),
        "The people and groups who wrote this curriculum and co-produced it with us.",
        "## Written by",
        _people(authors),
    ]
    if partners:
        parts += ["## Co-produced with", _people(partners)]
    if site.history:
        parts += [
            "## Changes to the curriculum files",
            "From the project's version history.",
            "\n".join(f"- {text(name)}: {plural(count, 'change')}" for name, count in site.history),
        ]
    return page(*parts)


def _module_link(site: Site, module_id: str, title: str) -> str:
    target = site.canonical(module_id).module_path(module_id)
    return f"[{text(title)}]({paths.link(paths.CONTRIBUTORS, target)})"


def _people(people: dict[str, list[str]]) -> str:
    if not people:
        return "Nobody is named yet."
    return "\n".join(
        f"- **{text(name)}**: {listing(sorted(modules))}"
        for name, modules in sorted(people.items())
    )
