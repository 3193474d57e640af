"""Export tables and views to Parquet or CSV, one file each, for R, Stata, Python or Excel.

Parquet keeps every type: identifiers stay BIGINT, lists (``units.mentions``,
``awards.recipients``, ``events.sources``) stay lists. CSV is text, written so that no tool
mangles it:

* identifiers (``article_id``, ``unit_id``, ``event_id``, every ``*_id`` column) are written
  as quoted text: they are 60-bit numbers, more digits than a spreadsheet or R's doubles keep;
* lists are joined with ``"; "``;
* ``excel=True`` (``congdoan export --excel``) writes what Excel opens as is: a UTF-8
  byte-order mark, so that Vietnamese letters survive; identifiers as ``="…"`` cells, which
  Excel shows as text with every digit; and text cells that Excel would run as a formula
  prefixed with an apostrophe (the rule of ``pipeline.spreadsheet``).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from pipeline.spreadsheet import sql_csv_cell
from pipeline.store import Store

FORMATS = ("parquet", "csv")
BOM = "\ufeff".encode("utf-8")
_ID = re.compile(r"(^|_)ids?$")
_CHUNK = 1 << 20


def exportable(store: Store) -> list[str]:
    """User tables and views, bookkeeping of the migrations excluded."""
    rows = store.con.execute(
        """SELECT table_name FROM duckdb_tables() WHERE NOT internal AND table_name <> 'schema_migrations'
           UNION ALL SELECT view_name FROM duckdb_views() WHERE NOT internal
           ORDER BY 1"""
    ).fetchall()
    return [r[0] for r in rows]


def _columns(store: Store, name: str) -> list[tuple[str, str]]:
    return [(r[0], r[1]) for r in store.con.execute(
        """SELECT column_name, data_type FROM duckdb_columns()
           WHERE table_name = ? AND database_name = current_database() ORDER BY column_index""", [name]
    ).fetchall()]


def _quote(column: str) -> str:
    return '"' + column.replace('"', '""') + '"'


def _csv_cell(column: str, data_type: str, excel: bool) -> str:
    """The SQL expression writing one column as CSV text (see the module docstring)."""
    col = _quote(column)
    if data_type.endswith("[]"):
        text = f"array_to_string(list_transform({col}, lambda x: x::VARCHAR), '; ')"
    elif _ID.search(column) and data_type in ("BIGINT", "HUGEINT", "UBIGINT", "INTEGER"):
        return f"""('="' || {col}::VARCHAR || '"')""" if excel else f"{col}::VARCHAR"
    elif data_type == "VARCHAR":
        text = col
    else:
        return col
    return sql_csv_cell(text) if excel else text


def _copy_csv(store: Store, name: str, target: Path, excel: bool) -> None:
    columns = _columns(store, name)
    select = ", ".join(f"{_csv_cell(c, t, excel)} AS {_quote(c)}" for c, t in columns)
    ids = [c for c, t in columns if _ID.search(c) and not t.endswith("[]")]
    quote = f", FORCE_QUOTE ({', '.join(_quote(c) for c in ids)})" if ids and not excel else ""
    plain = target.with_name(target.name + ".part")
    store.con.execute(f"COPY (SELECT {select} FROM {_quote(name)}) TO '{plain}' (FORMAT csv, HEADER true{quote})")
    if not excel:
        os.replace(plain, target)
        return
    with open(target, "wb") as out, open(plain, "rb") as body:
        out.write(BOM)
        while chunk := body.read(_CHUNK):
            out.write(chunk)
    plain.unlink()


def export(store: Store, out: Path, fmt: str, *, excel: bool = False,
           names: list[str] | None = None) -> dict[str, int]:
    """Write ``out/<name>.<fmt>`` for every table and view (or those ``names``); return row counts.

    ``excel`` (CSV only) writes files for Excel: see the module docstring.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose parquet or csv")
    if excel and fmt != "csv":
        raise ValueError("--excel writes CSV files; use it with --format csv")
    available = exportable(store)
    unknown = sorted(set(names or []) - set(available))
    if unknown:
        raise ValueError(f"no table or view named {', '.join(unknown)}")
    out.mkdir(parents=True, exist_ok=True)
    counts = {}
    for name in names or available:
        target = out / f"{name}.{fmt}"
        if fmt == "parquet":
            store.con.execute(f"COPY (SELECT * FROM {_quote(name)}) TO '{target}' (FORMAT parquet, COMPRESSION zstd)")
        else:
            _copy_csv(store, name, target, excel)
        counts[name] = store.con.execute(f"SELECT count(*) FROM {_quote(name)}").fetchall()[0][0]
    return counts
