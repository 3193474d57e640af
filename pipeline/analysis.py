"""Helpers the notebooks share: a read-only connection, queries as DataFrames, charts that handle
empty data and calendar axes, the quality figures to quote, activity kinds and log-odds ratios.
"""

from __future__ import annotations

import math
import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from core.config import DATA_DIR, Workspace
from extract.lexicon import lexicon

QUALITY = DATA_DIR / "quality.toml"


def connect(db: Path | str | None = None) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the published database ($CONGDOAN_DB or data/congdoan.duckdb)."""
    ws = Workspace.for_db(db)
    if not ws.db.exists():
        raise FileNotFoundError(f"no database at {ws.db}: run `make demo` first")
    from pipeline.store import configure

    return configure(duckdb.connect(str(ws.db), read_only=True))


def query(con: duckdb.DuckDBPyConnection, sql: str, *params: Any) -> pd.DataFrame:
    return con.execute(sql, list(params)).df()


def _show(markdown: str) -> None:
    from IPython.display import Markdown, display

    display(Markdown(markdown))


@lru_cache(maxsize=1)
def quality_figures() -> dict[str, dict[str, str]]:
    return tomllib.loads(QUALITY.read_text(encoding="utf-8"))


def quality_text(*topics: str) -> str:
    """Markdown stating the measured quality of these topics (keys of data/quality.toml)."""
    figures = quality_figures()
    lines = ["**Extraction quality behind these numbers** (docs/extraction.md):", ""]
    lines += [f"- {figures[t]['what']}: {figures[t]['figure']} (section {figures[t]['where']})" for t in topics]
    return "\n".join(lines)


def quality_note(*topics: str) -> None:
    """Show the measured quality behind a notebook's numbers, next to them."""
    _show(quality_text(*topics))


def no_data(frame: pd.DataFrame, what: str) -> bool:
    """True, after saying so plainly, when ``frame`` is empty: the caller then skips its tables and charts."""
    if len(frame):
        return False
    _show(f"**No data:** this database holds no {what}; the cells below draw nothing for it.")
    return True


def month_range(first: Any, last: Any) -> pd.DatetimeIndex:
    """Every month from ``first`` to ``last``, empty ones included (month starts)."""
    return pd.date_range(pd.Timestamp(first).to_period("M").to_timestamp(),
                         pd.Timestamp(last).to_period("M").to_timestamp(), freq="MS")


def monthly(frame: pd.DataFrame, month: str, value: str, columns: str | None = None) -> pd.DataFrame:
    """A month-by-column table of ``value`` sums over a continuous monthly index (empty months as 0)."""
    frame = frame.dropna(subset=[month])
    if columns is None:
        table = frame.groupby(month)[value].sum().to_frame(value)
    else:
        table = frame.pivot_table(index=month, columns=columns, values=value, aggfunc="sum", fill_value=0)
    table.index = pd.to_datetime(table.index)
    return table.reindex(month_range(table.index.min(), table.index.max()), fill_value=0)


def monthly_bars(table: pd.DataFrame, title: str, ylabel: str, legend_max: int = 12):
    """Stacked bars, one per month of ``table`` (from :func:`monthly`), on a continuous calendar axis:
    the year labelled at each January and at the first bar, whole numbers on the y axis."""
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MaxNLocator

    fig, ax = plt.subplots(figsize=(11, 4))
    positions = range(len(table))
    bottom = pd.Series(0.0, index=table.index)
    for column in table.columns:
        ax.bar(positions, table[column].values, bottom=bottom.values, width=0.85, label=str(column))
        bottom += table[column]
    ticks = [i for i, m in enumerate(table.index) if m.month == 1 or i == 0]
    ax.set_xticks(ticks, [f"{table.index[i]:%Y}" if table.index[i].month == 1 else f"{table.index[i]:%m/%Y}"
                          for i in ticks])
    ax.set_xticks(positions, minor=True)
    ax.set_xlim(-0.7, len(table) - 0.3)
    ax.set_xlabel(f"month, {table.index[0]:%m/%Y} to {table.index[-1]:%m/%Y} (year labelled at January)")
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_ylabel(ylabel)
    ax.set_title(title)
    if 1 < len(table.columns) <= legend_max:
        ax.legend(fontsize="small", ncols=2)
    fig.tight_layout()
    return ax


def barh(series: pd.Series, title: str, xlabel: str, limit: int = 15):
    """A horizontal bar chart of the largest values, largest on top; returns the matplotlib Axes.

    Says so and draws nothing (returns None) when the series is empty.
    """
    import matplotlib.pyplot as plt

    if series.empty:
        _show(f"**No data** for “{title}”.")
        return None
    top = series.sort_values(ascending=False).head(limit).iloc[::-1]
    fig, ax = plt.subplots(figsize=(8, max(2.5, 0.35 * len(top) + 1)))
    ax.barh([str(i) for i in top.index], top.values, color="#b3261e")
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    if pd.api.types.is_integer_dtype(top.dtype):
        from matplotlib.ticker import MaxNLocator

        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    fig.tight_layout()
    return ax


@lru_cache(maxsize=1)
def _activities() -> list[tuple[str, tuple[str, ...]]]:
    data = lexicon("activities")
    return [(a["name"], tuple(w.casefold() for w in a["words"])) for a in data["activity"]]


def activity_of(sentence: str | None) -> str:
    """The kind of activity a sentence's money pays for, by its words (data/lexicon/activities.toml)."""
    text = (sentence or "").casefold()
    for name, words in _activities():
        if any(word in text for word in words):
            return name
    return "other"


@lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    """Vietnamese function words left out of word counts (data/lexicon/function_words.toml)."""
    return frozenset(w.casefold() for w in lexicon("function_words")["words"])


def log_odds(a: pd.Series, b: pd.Series, prior: float = 0.01) -> pd.DataFrame:
    """Weighted log-odds ratios of word counts ``a`` against ``b``, with an informative Dirichlet
    prior from both (Monroe, Colaresi and Quinn 2008, "Fightin' words"): ``z`` above 1.96 marks a
    word clearly more frequent in ``a``, below -1.96 in ``b``.

    ``prior`` scales the pooled counts into pseudo-counts (alpha_w = prior * (a_w + b_w)).
    """
    words = a.index.union(b.index)
    a, b = a.reindex(words, fill_value=0).astype(float), b.reindex(words, fill_value=0).astype(float)
    alpha = prior * (a + b)
    alpha0 = alpha.sum()
    n_a, n_b = a.sum(), b.sum()
    delta = (((a + alpha) / (n_a + alpha0 - a - alpha)).map(math.log)
             - ((b + alpha) / (n_b + alpha0 - b - alpha)).map(math.log))
    variance = 1 / (a + alpha) + 1 / (b + alpha)
    return pd.DataFrame({"in_a": a.astype(int), "in_b": b.astype(int), "log_odds": delta,
                         "z": delta / variance.map(math.sqrt)}).sort_values("z", ascending=False)


LEVEL_ORDER = ("state", "national", "national_industry", "province", "province_industry", "district", "commune",
               "grassroots", "organisation", "person", "group", "unknown")


def level_graph(edges: pd.DataFrame, weight: str, title: str):
    """Draw giver levels (left) to recipient levels (right), line width by ``weight``.

    ``edges`` has columns giver_level, recipient_level and ``weight``; returns the Axes.
    """
    import matplotlib.pyplot as plt

    givers = [lvl for lvl in LEVEL_ORDER if lvl in set(edges["giver_level"])]
    takers = [lvl for lvl in LEVEL_ORDER if lvl in set(edges["recipient_level"])]
    y_giver = {lvl: -i for i, lvl in enumerate(givers)}
    y_taker = {lvl: -i for i, lvl in enumerate(takers)}
    fig, ax = plt.subplots(figsize=(9, max(3, 0.6 * max(len(givers), len(takers)) + 1)))
    top = edges[weight].max() or 1
    for row in edges.itertuples():
        w = getattr(row, weight)
        ax.annotate("", xy=(1, y_taker[row.recipient_level]), xytext=(0, y_giver[row.giver_level]),
                    arrowprops={"arrowstyle": "-|>", "lw": 0.5 + 6 * w / top, "color": "#b3261e", "alpha": 0.6})
    for lvl, y in y_giver.items():
        ax.text(-0.02, y, lvl, ha="right", va="center")
    for lvl, y in y_taker.items():
        ax.text(1.02, y, lvl, ha="left", va="center")
    ax.set_xlim(-0.5, 1.5)
    ax.set_ylim(min([*y_giver.values(), *y_taker.values()]) - 0.5, 0.5)
    ax.axis("off")
    ax.set_title(title)
    fig.tight_layout()
    return ax
