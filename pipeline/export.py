"""Export every table and view to Parquet or CSV, one file each, for R and Stata users."""

from __future__ import annotations

from pathlib import Path

from pipeline.store import Store

FORMATS = {"parquet": "(FORMAT parquet, COMPRESSION zstd)", "csv": "(FORMAT csv, HEADER true)"}


def exportable(store: Store) -> list[str]:
    """User tables and views, bookkeeping of the migrations excluded."""
    rows = store.con.execute(
        """SELECT table_name FROM duckdb_tables() WHERE NOT internal AND table_name <> 'schema_migrations'
           UNION ALL SELECT view_name FROM duckdb_views() WHERE NOT internal
           ORDER BY 1"""
    ).fetchall()
    return [r[0] for r in rows]


def export(store: Store, out: Path, fmt: str) -> dict[str, int]:
    """Write ``out/<name>.<fmt>`` for every table and view; return the row count of each."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose parquet or csv")
    out.mkdir(parents=True, exist_ok=True)
    counts = {}
    for name in exportable(store):
        target = out / f"{name}.{fmt}"
        store.con.execute(f"COPY (SELECT * FROM {name}) TO '{target}' {FORMATS[fmt]}")
        counts[name] = store.con.execute(f"SELECT count(*) FROM {name}").fetchone()[0]
    return counts
