"""Geometry of the server-rendered SVG bar chart (cards per month, stacked by kind).

The plot has a fixed width: bars get thinner as months are added, and month labels
are written every 1, 2, 3, 6 or 12 months, whichever keeps them apart, so they never
run together at any range. The SVG scales to its box (viewBox).
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.web.queries import Months
from pipeline.web.templating import KIND_LABELS, vn_number

PLOT_WIDTH = 640
HEIGHT = 170
LEFT = 52
BOTTOM = 42
TOP = 12
MAX_BAR = 26
LABEL_SPACING = 44
"""Pixels a month label needs: a label every k months where k x slot width reaches this."""
LABEL_STEPS = (1, 2, 3, 6, 12)


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    height: float
    kind: str
    count: int


@dataclass(frozen=True)
class Column:
    x: float
    width: float
    label: str  # the month, always (tooltip)
    tick: str  # the axis label, empty between ticks
    total: int
    rects: list[Rect]


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    plot_height: int
    top: int
    left: int
    columns: list[Column]
    ticks: list[tuple[float, str]]


def _nice_max(value: int) -> int:
    """The smallest 4 x {1, 2, 5} x 10^k at or above ``value``: four round tick steps."""
    scale = 1
    while True:
        for step in (1, 2, 5):
            if 4 * step * scale >= value:
                return 4 * step * scale
        scale *= 10


def chart(months: Months) -> Chart | None:
    bars = months.bars
    if not bars:
        return None
    plot = HEIGHT - TOP
    peak = _nice_max(max(b.total for b in bars) or 1)
    slot = PLOT_WIDTH / len(bars)
    width = min(MAX_BAR, slot * 0.75)
    step = next((s for s in LABEL_STEPS if s * slot >= LABEL_SPACING), 12)
    columns = []
    for i, bar in enumerate(bars):
        x = LEFT + i * slot + (slot - width) / 2
        y = float(TOP + plot)
        rects = []
        for kind in KIND_LABELS:
            n = bar.counts.get(kind, 0)
            if not n:
                continue
            h = plot * n / peak
            y -= h
            rects.append(Rect(round(x, 1), round(y, 1), round(h, 1), kind, n))
        label = f"{bar.month.month:02d}/{bar.month.year}"
        if step == 12:
            tick = str(bar.month.year) if bar.month.month == 1 or i == 0 else ""
        else:
            tick = f"{bar.month.month}/{bar.month.year % 100:02d}" if (bar.month.month - 1) % step == 0 else ""
        columns.append(Column(round(x, 1), round(width, 1), label, tick, bar.total, rects))
    ticks = [(round(TOP + plot - plot * k / 4, 1), vn_number(peak * k // 4)) for k in range(5)]
    return Chart(LEFT + PLOT_WIDTH + 8, HEIGHT + BOTTOM, plot, TOP, LEFT, columns, ticks)
