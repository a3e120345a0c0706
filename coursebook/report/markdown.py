"""The curriculum report as Markdown: for a pull-request comment, and for the site.

`render_markdown` opens with one line per variant and folds each variant's
detail away (`<details>`), so a pull-request comment stays short.
`site_page_markdown` lays the same tables out under headings, with a bar chart
of each variant's reading ages, for the site's "Curriculum report" page.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from coursebook.report.chart import Bar, bar_chart
from coursebook.report.model import ModuleRow, Report, Review, VariantReport

TITLE = "Curriculum report"
MARKER = "<!-- coursebook-report -->"


@dataclass(frozen=True)
class Links:
    """Where the site keeps a variant's overview, sessions and modules (from the report).

    The site passes its own path functions, so the report names its pages
    without knowing how the site lays them out.
    """

    overview: Callable[[str, str], str]
    session: Callable[[str, str, str], str]
    module: Callable[[str, str, str], str]


def render_markdown(report: Report) -> str:
    """The report for a pull-request comment or a job summary."""
    lines = [MARKER, f"## {TITLE}", "", _intro(report), "", *_summary_table(report), ""]
    for variant in report.variants:
        lines += [
            "<details>",
            f"<summary><b>{_cell(variant.title)}</b> ({variant.ref})</summary>",
            "",
            *_variant_body(variant),
            "</details>",
            "",
        ]
    lines += _problems(report)
    return "\n".join(lines).rstrip() + "\n"


def site_page_markdown(report: Report, links: Links | None = None) -> str:
    """The report as a site page, with a reading-age chart per variant.

    Check's result is left out when there are no problems to list (the site is
    built only from a curriculum without errors), and so is the date, so that
    rebuilding an unchanged curriculum gives the same page.
    """
    intro = f"{report.title}, version {report.version}."
    if len(report.problems):
        intro += f" Check: {report.summary}."
    lines = [f"# {TITLE}", "", intro, "", *_summary_list(report, links), ""]
    for variant in report.variants:
        lines += [f"## {_cell(variant.title)}", "", *_variant_body(variant, links)]
        bars = [Bar(m.title, m.reading_age, m.target) for m in variant.modules if m.reading_age]
        if bars:
            chart = bar_chart(
                f"cb-reading-{variant.course}-{variant.variant}",
                f"Reading age of each module in {variant.title}, against the target of "
                f"{variant.target}",
                bars,
                digits=1,
            )
            lines += [
                f'<figure class="cb-report-chart">{chart}<figcaption>Reading age of the '
                f"participant text of each module; the line marks the target of "
                f"{variant.target}.</figcaption></figure>",
                "",
            ]
    lines += _problems(report)
    return "\n".join(lines).rstrip() + "\n"


def _intro(report: Report) -> str:
    return (
        f"{report.title}, version {report.version}, on {day(report.today)}. "
        f"Check: {report.summary}."
    )


def _summary_list(report: Report, links: Links | None) -> list[str]:
    """One line per variant: narrower than a table, for reading on a phone."""
    return [
        f"- {_link(v.title, links.overview(v.course, v.variant) if links else None)}: "
        f"{_fit(v)} sessions fit their time; highest reading age {_highest(v)}; "
        f"to look at: {_attention(v)}."
        for v in report.variants
    ]


def _summary_table(report: Report) -> list[str]:
    rows = [
        "| Variant | Sessions that fit | Highest reading age | To look at |",
        "|---|---|---|---|",
    ]
    for v in report.variants:
        rows.append(f"| {_cell(v.title)} | {_fit(v)} | {_highest(v)} | {_attention(v)} |")
    return rows


def _fit(v: VariantReport) -> str:
    return f"{sum(1 for s in v.sessions if s.fits)} of {len(v.sessions)}"


def _highest(v: VariantReport) -> str:
    ages = [m.reading_age for m in v.modules if m.reading_age is not None]
    if not ages:
        return "–"
    text = f"{max(ages):.1f} (target {v.target})"
    return f"**{text}**" if max(ages) > v.target else text


def _attention(v: VariantReport) -> str:
    words = sum(len(m.avoided) for m in v.modules)
    due = sum(1 for m in v.modules if not m.review.is_ok)
    items = [
        _plural(words, "word to avoid", "words to avoid") if words else "",
        _plural(due, "review due", "reviews due") if due else "",
    ]
    attention = ", ".join(item for item in items if item)
    return f"**{attention}**" if attention else "nothing"


def _variant_body(variant: VariantReport, links: Links | None = None) -> list[str]:
    lines = [
        f"`{variant.ref}` · audience: {_cell(variant.audience_name)} ({variant.audience}) · "
        f"reading age target: {variant.target} · depth: {variant.depth} · "
        f"{len(variant.sessions)} sessions, {variant.minutes} minutes",
        "",
        " · ".join(
            f"{e.label}: {_plural(e.pages, 'page', 'pages')}, "
            f"{_plural(e.handouts, 'handout', 'handouts')}, {e.words:,} words"
            for e in variant.editions
        ),
    ]
    lines += ["", "| Session | Planned | Length | Timing |", "|---|--:|--:|---|"]
    for s in variant.sessions:
        timing = s.timing if s.fits else f"**{s.timing}**"
        where = links.session(variant.course, variant.variant, s.slug) if links else None
        title = _link(f"{s.number}. {s.title}", where)
        lines.append(f"| {title} | {s.planned} | {s.length} | {timing} |")
    lines += [
        "",
        f"| Module | Sessions | Reading age (target {variant.target}) | Words to avoid | "
        "Next review |",
        "|---|---|--:|---|---|",
    ]
    lines += [
        _module_row(m, links.module(variant.course, variant.variant, m.module) if links else None)
        for m in variant.modules
    ]
    return [*lines, ""]


def _module_row(m: ModuleRow, where: str | None) -> str:
    sessions = ", ".join(str(n) for n in m.sessions)
    if m.reading_age is None:
        age = "–"
    elif m.reads_ok:
        age = f"{m.reading_age:.1f}"
    else:
        age = f"**{m.reading_age:.1f}** (over)"
    words = ", ".join(f'"{w}"' for w in m.avoided) or "none"
    review = day(m.review_due)
    if m.review is Review.OVERDUE:
        review = f"**overdue:** {review}"
    elif m.review is Review.DUE_SOON:
        review = f"soon: {review}"
    return f"| {_link(m.title, where)} | {sessions} | {age} | {words} | {review} |"


def _problems(report: Report) -> list[str]:
    if not len(report.problems):
        return []
    lines = [f"### What check found ({report.summary})", ""]
    lines += [f"- `{p.path}:{p.line}` {p.severity.value}: {p.message}" for p in report.problems]
    return [*lines, ""]


def _plural(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


def _link(text: str, where: str | None) -> str:
    """A table cell's text, as a link to `where` when there is one."""
    label = _cell(text).replace("[", "\\[").replace("]", "\\]")
    return f"[{label}]({where})" if where else _cell(text)


def _cell(text: str) -> str:
    """Text that cannot break a table or add markup: pipes and angle brackets escaped."""
    return text.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")


def day(date: dt.date) -> str:
    """`16 Nov 2029`."""
    return f"{date.day} {date:%b %Y}"
