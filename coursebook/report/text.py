"""The curriculum report as tables in a terminal (rich)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from rich.console import Console, ConsoleOptions, Group, RenderableType
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

from coursebook.report.markdown import day
from coursebook.report.model import ModuleRow, Report, Review, VariantReport
from coursebook.terminal import printable


class TerminalConsole(Console):
    """A rich console for curriculum text: what it prints is `printable`, and square
    brackets in a title print as written (no rich markup, which would also fail on
    a title such as "Pain [/]")."""

    def __init__(self) -> None:
        super().__init__(markup=False, highlight=False)

    def render_str(self, text: str, **options: Any) -> Text:
        """A string (a table cell, a line) made `printable` before it is measured, so the
        columns line up."""
        return super().render_str(printable(text), **options)

    def render(
        self, renderable: RenderableType, options: ConsoleOptions | None = None
    ) -> Iterator[Segment]:
        """Rich's segments, with escape sequences and control characters taken out of the
        text, `Text` built by hand included (rich's own cursor controls are left alone)."""
        for segment in super().render(renderable, options):
            if segment.control:
                yield segment
            else:
                yield Segment(printable(segment.text), segment.style)


def render_text(report: Report, console: Console) -> None:
    """Print the report: a heading line, then each variant's tables."""
    console.print(
        Text(f"{report.title} {report.version}: curriculum report, {day(report.today)}", "bold")
    )
    console.print(f"check: {report.summary}")
    for variant in report.variants:
        console.print()
        console.print(_variant(variant))


def _variant(variant: VariantReport) -> RenderableType:
    heading = Text.assemble(
        (variant.title, "bold"),
        f"  {variant.ref} · {variant.audience} · reading age target {variant.target} · "
        f"depth {variant.depth} · {variant.minutes} minutes",
    )
    editions = Table("Edition", "Pages", "Handouts", "Words", box=None, pad_edge=False)
    for e in variant.editions:
        editions.add_row(e.label, str(e.pages), str(e.handouts), f"{e.words:,}")
    sessions = Table("Session", "Planned", "Length", "Timing", box=None, pad_edge=False)
    for s in variant.sessions:
        timing = Text(s.timing, "green" if s.fits else "bold red")
        sessions.add_row(f"{s.number}. {s.title}", str(s.planned), str(s.length), timing)
    modules = Table(
        "Module", "Sessions", "Reading age", "Words to avoid", "Next review",
        box=None, pad_edge=False,
    )
    for m in variant.modules:
        modules.add_row(*_module_cells(m))
    return Group(heading, editions, Text(), sessions, Text(), modules)


def _module_cells(m: ModuleRow) -> tuple[str, str, Text, Text, Text]:
    if m.reading_age is None:
        age = Text("–")
    else:
        age = Text(f"{m.reading_age:.1f} / {m.target}", "green" if m.reads_ok else "bold red")
    words = Text(", ".join(m.avoided) or "none", "bold red" if m.avoided else "")
    styles = {Review.CURRENT: "", Review.DUE_SOON: "yellow", Review.OVERDUE: "bold red"}
    label = day(m.review_due) if m.review.is_ok else f"{m.review.value} {day(m.review_due)}"
    review = Text(label, styles[m.review])
    return m.title, ", ".join(str(n) for n in m.sessions), age, words, review
