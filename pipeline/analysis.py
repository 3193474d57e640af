"""Helpers the notebooks share: a read-only connection, queries as DataFrames, a bar chart, activities."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from extract.lexicon import lexicon
from core.config import Workspace


def connect(db: Path | str | None = None) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the published database ($CONGDOAN_DB or data/congdoan.duckdb)."""
    ws = Workspace.for_db(db)
    if not ws.db.exists():
        raise FileNotFoundError(f"no database at {ws.db}: run `make demo` first")
    return duckdb.connect(str(ws.db), read_only=True)


def query(con: duckdb.DuckDBPyConnection, sql: str, *params: Any) -> pd.DataFrame:
    return con.execute(sql, list(params)).df()


def barh(series: pd.Series, title: str, xlabel: str, limit: int = 15):
    """A horizontal bar chart of the largest values, largest on top; returns the matplotlib Axes."""
    import matplotlib.pyplot as plt

    top = series.sort_values(ascending=False).head(limit).iloc[::-1]
    fig, ax = plt.subplots(figsize=(8, max(2.5, 0.35 * len(top) + 1)))
    ax.barh([str(i) for i in top.index], top.values, color="#b3261e")
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    fig.tight_layout()
    return ax


@lru_cache(maxsize=1)
def _activities() -> list[tuple[str, tuple[str, ...]]]:
    data = lexicon("activities")
    return [(a["name"], tuple(w.casefold() for w in a["words"])) for a in data["activity"]]


def activity_of(sentence: str) -> str:
    """The kind of activity a sentence's money pays for, by its words (data/lexicon/activities.toml)."""
    text = sentence.casefold()
    for name, words in _activities():
        if any(word in text for word in words):
            return name
    return "other"
