"""A small horizontal bar chart as inline SVG: each value against its limit.

Used for session minutes against session length, and reading ages against the
audience's target. The SVG carries a title and a description for screen
readers, marks each limit with a line, and writes each value beside its bar,
so it reads without colour too.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

WIDTH = 640
LABEL_WIDTH = 230
VALUE_WIDTH = 90
ROW = 24
BAR = 14
TOP = 8
MAX_LABEL = 34
OK = "#2e6f95"
OVER = "#b3261e"
LIMIT = "#1b1b1b"


@dataclass(frozen=True)
class Bar:
    """One row of a chart: a value and the limit it should not pass."""

    label: str
    value: float
    limit: float

    @property
    def over(self) -> bool:
        return self.value > self.limit


def bar_chart(
    chart_id: str, title: str, bars: list[Bar], unit: str = "", digits: int = 0
) -> str:
    """An SVG element (one line, no blank lines, so Markdown passes it through whole).

    Values are written with `digits` decimal places, followed by `unit` as
    written, such as " min".
    """
    scale_max = max([b.value for b in bars] + [b.limit for b in bars] + [1]) * 1.05
    area = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    height = TOP * 2 + ROW * len(bars)
    over = [b.label for b in bars if b.over]
    desc = (
        f"{len(bars)} bars; " + (f"over the limit: {', '.join(over)}" if over else "none over")
    )
    parts = [
        f'<svg class="cb-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} '
        f'{height}" width="{WIDTH}" height="{height}" style="max-width:100%;height:auto" '
        f'role="img" aria-labelledby="{chart_id}-t {chart_id}-d">',
        f'<title id="{chart_id}-t">{escape(title)}</title>',
        f'<desc id="{chart_id}-d">{escape(desc)}</desc>',
    ]
    for index, bar in enumerate(bars):
        y = TOP + index * ROW
        width = round(area * bar.value / scale_max, 1)
        limit_x = round(LABEL_WIDTH + area * bar.limit / scale_max, 1)
        label = bar.label if len(bar.label) <= MAX_LABEL else bar.label[: MAX_LABEL - 1] + "…"
        colour = OVER if bar.over else OK
        value = f"{bar.value:.{digits}f} / {bar.limit:g}{unit}" + (" over" if bar.over else "")
        parts += [
            f'<text x="{LABEL_WIDTH - 6}" y="{y + BAR - 2}" text-anchor="end" '
            f'font-size="13" font-family="sans-serif">{escape(label)}</text>',
            f'<rect x="{LABEL_WIDTH}" y="{y}" width="{width}" height="{BAR}" fill="{colour}"/>',
            f'<line x1="{limit_x}" y1="{y - 3}" x2="{limit_x}" y2="{y + BAR + 3}" '
            f'stroke="{LIMIT}" stroke-width="2"/>',
            f'<text x="{WIDTH - VALUE_WIDTH + 4}" y="{y + BAR - 2}" font-size="13" '
            f'font-family="sans-serif">{escape(value)}</text>',
        ]
    parts.append("</svg>")
    return "".join(parts)
