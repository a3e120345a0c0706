"""A session's run-sheet: a timeline bar and a table of start times, as Markdown.

The bar is plain HTML and CSS (no JavaScript, no images), so it works offline and
prints. It is hidden from screen readers because the table below it says the same
in words. A session whose activities and breaks run past its length gets a
warning box and an `(over time)` mark on every late start.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from coursebook.assemble.assemble import AssembledSession, Slot
from coursebook.site.words import attr, cell, clock, duration

ModuleLink = Callable[[str], tuple[str, str]]
"""Module id -> (title, relative link to its page)."""


@dataclass(frozen=True)
class Run:
    """Consecutive slots of one module, or one break: a segment of the timeline."""

    number: int
    title: str
    link: str | None
    slots: tuple[Slot, ...]

    @property
    def start(self) -> int:
        return self.slots[0].start

    @property
    def minutes(self) -> int:
        return sum(slot.minutes for slot in self.slots)

    @property
    def is_break(self) -> bool:
        return self.slots[0].is_break


def runs(session: AssembledSession, module_link: ModuleLink) -> list[Run]:
    """The session's timeline grouped into modules and breaks, numbered from 1."""
    groups: list[list[Slot]] = []
    for slot in session.timeline:
        if groups and not slot.is_break and groups[-1][-1].module == slot.module:
            groups[-1].append(slot)
        else:
            groups.append([slot])
    result = []
    for number, group in enumerate(groups, start=1):
        module = group[0].module
        title, link = module_link(module) if module else (group[0].title, None)
        result.append(Run(number, title, link, tuple(group)))
    return result


def runsheet(session: AssembledSession, module_link: ModuleLink) -> str:
    """The run-sheet section of a session page."""
    sheet = runs(session, module_link)
    parts = [summary(session)]
    if session.is_over:
        parts.append(over_warning(session))
    parts.append(timeline(session, sheet))
    parts.append(table(session, sheet))
    return "\n\n".join(parts) + "\n"


def summary(session: AssembledSession) -> str:
    """Length, planned time and what is spare, in one line."""
    spare = session.length - session.planned
    line = f"**Length:** {duration(session.length)} · **Planned:** {duration(session.planned)}"
    if spare > 0:
        line += f" ({duration(spare)} spare)"
    return line


def over_warning(session: AssembledSession) -> str:
    """A warning box for a session planned longer than it runs."""
    over = session.planned - session.length
    return (
        f'!!! danger "Over time by {duration(over)}"\n'
        f"    This session has {duration(session.planned)} of activities and breaks, "
        f"but it is {duration(session.length)} long. Decide before the session what to "
        "shorten or leave out. Late starts are marked *(over time)* below."
    )


def timeline(session: AssembledSession, sheet: list[Run]) -> str:
    """The bar: one segment per module or break, in proportion to its minutes."""
    scale = max(session.length, session.planned, 1)
    segments = "".join(_segment(run, scale) for run in sheet)
    over = end = ""
    if session.is_over:
        left = _percent(session.length, scale)
        width = _percent(scale - session.length, scale)
        over = f'<span class="cb-timeline__over" style="left:{left};width:{width}"></span>'
        end = f'<span class="cb-timeline__end" style="left:{left}">{clock(session.length)}</span>'

    return (
        '<div class="cb-timeline" aria-hidden="true">'
        f'<div class="cb-timeline__bar">{segments}{over}</div>'
        '<div class="cb-timeline__scale">'
        f"<span>{clock(0)}</span>{end}<span>{clock(scale)}</span>"
        "</div></div>"
    )


def _segment(run: Run, scale: int) -> str:
    kind = "cb-timeline__seg cb-timeline__seg--break" if run.is_break else "cb-timeline__seg"
    return (
        f'<span class="{kind}" style="width:{_percent(run.minutes, scale)}">'
        f"<span>{run.number} {attr(run.title)}</span></span>"
    )


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.2f}%"


def table(session: AssembledSession, sheet: list[Run]) -> str:
    """Start times and minutes of every module, activity and break."""
    rows = ["| Start | Time | What happens |", "|---|---|---|"]
    for run in sheet:
        name = f"[{cell(run.title)}]({run.link})" if run.link else cell(run.title)
        rows.append(
            f"| {_start(run.start, session, bold=True)} | **{duration(run.minutes)}** "
            f"| **{run.number}. {name}** |"
        )
        if run.is_break:
            continue
        for slot in run.slots:
            rows.append(
                f"| {_start(slot.start, session)} | {duration(slot.minutes)} "
                f"| {cell(slot.title)} |"
            )
    rows.append(f"| {_start(session.planned, session, bold=True)} | | **End** |")
    return "\n".join(rows)


def _start(minute: int, session: AssembledSession, bold: bool = False) -> str:
    start = f"**{clock(minute)}**" if bold else clock(minute)
    late = session.is_over and minute >= session.length
    return f"{start} *(over time)*" if late else start
