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
import math
import re
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any
from xml.sax.saxutils import escape

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


# -- XLSX written as a stream ------------------------------------------------------------------
# The web downloads send the workbook while its rows are read: a zip whose members carry data
# descriptors (no seek back), the sheet's cells written as inline strings (no shared-string
# table to hold until the end). What openpyxl's write-only workbook gives, built on disk first.

_XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_CONTENT_TYPES = (_XML_HEAD + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                  '<Default Extension="xml" ContentType="application/xml"/>'
                  '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                  '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                  '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
                  '</Types>')
_ROOT_RELS = (_XML_HEAD + f'<Relationships xmlns="{_PKG_REL}"><Relationship Id="rId1" '
              'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
              'Target="xl/workbook.xml"/></Relationships>')
_WORKBOOK_RELS = (_XML_HEAD + f'<Relationships xmlns="{_PKG_REL}">'
                  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
                  'Target="worksheets/sheet1.xml"/>'
                  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" '
                  'Target="styles.xml"/></Relationships>')
# cell styles: 0 plain, 1 bold (header), 2 text shown as text (quote prefix), 3 date
_STYLES = (_XML_HEAD + f'<styleSheet xmlns="{_MAIN}">'
           '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>'
           '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
           '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
           '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
           '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
           '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
           '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
           '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" quotePrefix="1"/>'
           '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
           '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
           '</styleSheet>')
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_EPOCH = date(1899, 12, 30)


def _column_letter(index: int) -> str:
    """1 -> A, 27 -> AA."""
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _xml_text(value: str) -> str:
    return escape(_ILLEGAL.sub("", value), {'"': "&quot;"})


def _xlsx_cell(ref: str, value: Any, bold: bool = False) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return f'<c r="{ref}" t="b"><v>{int(value)}</v></c>'
    if isinstance(value, (int, float, Decimal)) and not (isinstance(value, float) and not math.isfinite(value)):
        return f'<c r="{ref}"><v>{value}</v></c>'
    if isinstance(value, datetime):
        serial = (value - datetime(1899, 12, 30, tzinfo=value.tzinfo)).total_seconds() / 86400
        return f'<c r="{ref}" s="3"><v>{serial}</v></c>'
    if isinstance(value, date):
        return f'<c r="{ref}" s="3"><v>{(value - _EPOCH).days}</v></c>'
    text = value if isinstance(value, str) else str(value)
    style = ' s="1"' if bold else ' s="2"' if is_formula_like(text) else ""
    return f'<c r="{ref}"{style} t="inlineStr"><is><t xml:space="preserve">{_xml_text(text)}</t></is></c>'


class _Sink:
    """A write-only file for zipfile: what is written waits in a list until taken."""

    def __init__(self) -> None:
        self.parts: list[bytes] = []

    def write(self, data: bytes) -> int:
        self.parts.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        pass

    def take(self) -> bytes:
        out, self.parts = b"".join(self.parts), []
        return out


def xlsx_stream(sheet_name: str, headers: Sequence[str], widths: Sequence[float], rows: Iterable[Sequence[Any]],
                batch: int = 1000) -> Iterator[bytes]:
    """An XLSX workbook of one sheet, in chunks while ``rows`` are read: a bold header row, frozen,
    with a filter, set column widths; formula-like text as text cells shown as text (the rule above)."""
    sink = _Sink()
    book = zipfile.ZipFile(sink, "w", zipfile.ZIP_DEFLATED, compresslevel=5)
    book.writestr("[Content_Types].xml", _CONTENT_TYPES)
    book.writestr("_rels/.rels", _ROOT_RELS)
    book.writestr("xl/workbook.xml", _XML_HEAD + f'<workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><sheets>'
                  f'<sheet name="{_xml_text(sheet_name)}" sheetId="1" r:id="rId1"/></sheets></workbook>')
    book.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
    book.writestr("xl/styles.xml", _STYLES)
    letters = [_column_letter(i) for i in range(1, len(headers) + 1)]
    cols = "".join(f'<col min="{i}" max="{i}" width="{w}" customWidth="1"/>' for i, w in enumerate(widths, 1))
    with book.open("xl/worksheets/sheet1.xml", "w") as sheet:
        sheet.write((_XML_HEAD + f'<worksheet xmlns="{_MAIN}" xmlns:r="{_REL}"><sheetViews><sheetView workbookViewId="0">'
                     '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
                     '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>'
                     f'<cols>{cols}</cols><sheetData>'
                     f'<row r="1">{"".join(_xlsx_cell(f"{l}1", h, bold=True) for l, h in zip(letters, headers))}</row>'
                     ).encode("utf-8"))
        yield sink.take()
        n, lines = 1, []
        for record in rows:
            n += 1
            lines.append(f'<row r="{n}">{"".join(_xlsx_cell(f"{l}{n}", v) for l, v in zip(letters, record))}</row>')
            if len(lines) == batch:
                sheet.write("".join(lines).encode("utf-8"))
                lines = []
                yield sink.take()
        sheet.write(("".join(lines) + f'</sheetData><autoFilter ref="A1:{letters[-1]}{n}"/></worksheet>').encode("utf-8"))
    book.close()
    yield sink.take()
