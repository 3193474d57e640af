"""Geometry of the server-rendered SVG bar chart (highlights per month, stacked by kind)."""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.web.queries import Bar
from pipeline.web.templating import KIND_LABELS

HEIGHT = 160
BAR_WIDTH = 22
GAP = 8
LEFT = 34
BOTTOM = 34


@dataclass(frozen=True)
class Rect:
    x: int
    y: float
    height: float
    kind: str
    count: int


@dataclass(frozen=True)
class Column:
    x: int
    label: str
    total: int
    rects: list[Rect]


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    plot_height: int
    top: int
    columns: list[Column]
    ticks: list[tuple[float, int]]


def _nice_max(value: int) -> int:
    """The smallest 4 x {1, 2, 5} x 10^k at or above ``value``: four round tick steps."""
    scale = 1
    while True:
        for step in (1, 2, 5):
            if 4 * step * scale >= value:
                return 4 * step * scale
        scale *= 10


def chart(bars: list[Bar]) -> Chart | None:
    if not bars:
        return None
    top = 12
    plot = HEIGHT - top
    peak = _nice_max(max(b.total for b in bars) or 1)
    columns = []
    for i, bar in enumerate(bars):
        x = LEFT + GAP + i * (BAR_WIDTH + GAP)
        y = float(top + plot)
        rects = []
        for kind in KIND_LABELS:
            n = bar.counts.get(kind, 0)
            if not n:
                continue
            h = plot * n / peak
            y -= h
            rects.append(Rect(x, round(y, 1), round(h, 1), kind, n))
        columns.append(Column(x, f"{bar.month.month:02d}/{bar.month.year % 100:02d}", bar.total, rects))
    ticks = [(round(top + plot - plot * k / 4, 1), peak * k // 4) for k in range(5)]
    width = LEFT + GAP + len(bars) * (BAR_WIDTH + GAP)
    return Chart(width, HEIGHT + BOTTOM, plot, top, columns, ticks)
