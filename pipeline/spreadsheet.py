"""Spreadsheet cells that cannot turn into formulas (OWASP, "CSV Injection").

A text cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is read
by Excel, LibreOffice and Google Sheets as a formula: an article line such as
``=HYPERLINK("http://…?x="&A1, "…")`` would run in the reader's spreadsheet. The rule lives
here once, for every download (the web page's CSV and XLSX, ``congdoan export``):

* CSV: such a cell is prefixed with a single quote and every field is quoted;
* XLSX: such a cell is written as a text cell (never a formula) and shown as text.

Numbers, dates and empty cells are left alone: only text can carry a formula.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CSV_PREFIX = "'"


def is_formula_like(value: Any) -> bool:
    """Whether a cell value is text a spreadsheet would read as a formula."""
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def csv_cell(value: Any) -> Any:
    """The value as a CSV cell: formula-like text prefixed with a single quote."""
    return CSV_PREFIX + value if is_formula_like(value) else value


def csv_writer(out: Any) -> Any:
    """A csv writer that quotes every field, as OWASP advises together with the prefix."""
    return csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\r\n")


def csv_row(values: Iterable[Any]) -> list[Any]:
    return [csv_cell(v) for v in values]


def sql_csv_cell(expression: str) -> str:
    """The same rule in DuckDB SQL, for COPY ... TO csv: ``expression`` is a column or expression."""
    starts = ", ".join(f"chr({ord(s)})" if not s.isprintable() else "'" + s.replace("'", "''") + "'"
                       for s in FORMULA_STARTS)
    return (f"CASE WHEN typeof({expression}) = 'VARCHAR' AND list_contains([{starts}], left({expression}::VARCHAR, 1)) "
            f"THEN '{CSV_PREFIX.replace(chr(39), chr(39) * 2)}' || {expression}::VARCHAR ELSE {expression}::VARCHAR END")


def xlsx_row(sheet: Any, values: Sequence[Any], style: Any = None) -> list[Any]:
    """A row for an openpyxl write-only ``sheet``: formula-like text becomes a text cell (data type "s",
    shown as text); other values pass as they are (fast), unless a font ``style`` is given."""
    from openpyxl.cell import WriteOnlyCell

    row = []
    for value in values:
        if not is_formula_like(value) and style is None:
            row.append(value)
            continue
        cell = WriteOnlyCell(sheet, value=value)
        if is_formula_like(value):
            cell.data_type = "s"
            cell.quotePrefix = True
        if style is not None:
            cell.font = style
        row.append(cell)
    return row
