"""The curriculum report as Markdown: for a pull-request comment, and for the site.

`render_markdown` opens with one line per variant and folds each variant's
detail away (`<details>`), so a pull-request comment stays short.
`site_page_markdown` lays the same tables out under headings, with a bar chart
of each variant's reading ages, for the site's "Curriculum report" page.
"""

from __future__ import annotations

import datetime as dt

from coursebook.report.chart import Bar, bar_chart
from coursebook.report.model import ModuleRow, Report, Review, VariantReport

TITLE = "Curriculum report"
MARKER = "<!-- coursebook-report -->"


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


def site_page_markdown(report: Report) -> str:
    """The report as a site page, with a reading-age chart per variant."""
    lines = [f"# {TITLE}", "", _intro(report), "", *_summary_table(report), ""]
    for variant in report.variants:
        lines += [f"## {_cell(variant.title)}", "", *_variant_body(variant)]
        bars = [Bar(m.title, m.reading_age, m.target) for m in variant.modules if m.reading_age]
        if bars:
            chart = bar_chart(
                f"cb-reading-{variant.course}-{variant.variant}",
                f"Reading age of each module in {variant.title}, against the target of "
                f"{variant.target}",
                bars,
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


def _summary_table(report: Report) -> list[str]:
    rows = [
        "| Variant | Audience | Sessions that fit | Highest reading age (target) | "
        "Words to avoid | Reviews due |",
        "|---|---|---|---|---|---|",
    ]
    for v in report.variants:
        fit = sum(1 for s in v.sessions if s.fits)
        ages = [m.reading_age for m in v.modules if m.reading_age is not None]
        highest = f"{max(ages):.1f} ({v.target})" if ages else f"– ({v.target})"
        if ages and max(ages) > v.target:
            highest = f"**{highest}**"
        words = sum(len(m.avoided) for m in v.modules)
        due = sum(1 for m in v.modules if not m.review.is_ok)
        rows.append(
            f"| {_cell(v.title)} | {v.audience} | {fit} of {len(v.sessions)} | {highest} | "
            f"{_count(words)} | {_count(due)} |"
        )
    return rows


def _variant_body(variant: VariantReport) -> list[str]:
    lines = [
        f"`{variant.ref}` · audience: {_cell(variant.audience_name)} ({variant.audience}) · "
        f"reading age target: {variant.target} · depth: {variant.depth} · "
        f"{len(variant.sessions)} sessions, {variant.minutes} minutes",
        "",
        "| Edition | Pages | Handouts | Words |",
        "|---|--:|--:|--:|",
    ]
    lines += [
        f"| {e.label} | {e.pages} | {e.handouts} | {e.words:,} |" for e in variant.editions
    ]
    lines += ["", "| Session | Planned | Length | Timing |", "|---|--:|--:|---|"]
    for s in variant.sessions:
        timing = s.timing if s.fits else f"**{s.timing}**"
        lines.append(f"| {s.number}. {_cell(s.title)} | {s.planned} | {s.length} | {timing} |")
    lines += [
        "",
        "| Module | Sessions | Reading age | Words to avoid | Next review |",
        "|---|---|--:|---|---|",
    ]
    lines += [_module_row(m) for m in variant.modules]
    return [*lines, ""]


def _module_row(m: ModuleRow) -> str:
    sessions = ", ".join(str(n) for n in m.sessions)
    if m.reading_age is None:
        age = "–"
    elif m.reads_ok:
        age = f"{m.reading_age:.1f}"
    else:
        age = f"**{m.reading_age:.1f}** (over {m.target})"
    words = ", ".join(f'"{w}"' for w in m.avoided) or "none"
    review = day(m.review_due)
    if m.review is Review.OVERDUE:
        review = f"**overdue** ({review})"
    elif m.review is Review.DUE_SOON:
        review = f"due soon ({review})"
    return f"| {_cell(m.title)} | {sessions} | {age} | {words} | {review} |"


def _problems(report: Report) -> list[str]:
    if not len(report.problems):
        return []
    lines = [f"### What check found ({report.summary})", ""]
    lines += [f"- `{p.path}:{p.line}` {p.severity.value}: {p.message}" for p in report.problems]
    return [*lines, ""]


def _count(number: int) -> str:
    return "none" if number == 0 else f"**{number}**"


def _cell(text: str) -> str:
    """Text that cannot break a table or add markup: pipes and angle brackets escaped."""
    return text.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")


def day(date: dt.date) -> str:
    """`16 Nov 2029`."""
    return f"{date.day} {date:%b %Y}"
