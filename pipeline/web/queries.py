"""Every query the staff pages run: parameterised, read-only, on short-lived connections.

The published database may be replaced at any moment by the nightly writer
(atomic rename), so each request opens its own read-only connection through
:func:`pipeline.writer.open_reader` and closes it when done.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, fields
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import duckdb

from core.config import Workspace
from pipeline.search import SearchQuery
from pipeline.web.marks import Node, Span, mark_tree
from pipeline.web.templating import KIND_LABELS, LEVEL_LABELS, SPAN_LABELS
from pipeline.writer import open_reader

PAGE_SIZE = 30
EXPORT_LIMIT = 50_000
SNIPPET_CHARS = 240


class BadParameter(ValueError):
    """A request parameter the pages cannot use; the message is shown to staff (Vietnamese)."""


@contextmanager
def connect(db: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    store = open_reader(Workspace.for_db(db), attempts=5)
    try:
        yield store.con
    finally:
        store.close()


def rows_of(con: duckdb.DuckDBPyConnection, sql: str, params: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
    cursor = con.execute(sql, dict(params or {}))
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


# -- parameters ---------------------------------------------------------------------------


def parse_date(value: str, what: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise BadParameter(f"{what} không hợp lệ: hãy nhập ngày theo dạng năm-tháng-ngày (ví dụ 2024-05-27).") from None


def parse_page(value: str) -> int:
    if not value:
        return 1
    if not value.isdigit() or not 1 <= int(value) <= 100_000:
        raise BadParameter("Số trang không hợp lệ: hãy dùng một số nguyên dương.")
    return int(value)


def parse_week(value: str) -> date:
    """Monday of an ISO week written ``2024-W22``."""
    try:
        year, week = value.upper().split("-W")
        return date.fromisocalendar(int(year), int(week), 1)
    except ValueError:
        raise BadParameter(f"Tuần không hợp lệ: «{value}». Hãy viết theo dạng năm-Wsố tuần, ví dụ 2024-W22.") from None


def iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


@dataclass(frozen=True)
class Filters:
    """The feed's filters, parsed from the query string; empty strings mean "any"."""

    date_from: date | None = None
    date_to: date | None = None
    province: str = ""
    level: str = ""
    kind: str = ""
    source: str = ""
    unit: str = ""
    q: str = ""

    @classmethod
    def from_params(cls, params: Mapping[str, str]) -> "Filters":
        level = params.get("level", "").strip()
        kind = params.get("kind", "").strip()
        if level and level not in LEVEL_LABELS:
            raise BadParameter("Cấp công đoàn không hợp lệ.")
        if kind and kind not in KIND_LABELS:
            raise BadParameter("Loại nội dung không hợp lệ.")
        filters = cls(
            date_from=parse_date(params.get("from", "").strip(), "Từ ngày"),
            date_to=parse_date(params.get("to", "").strip(), "Đến ngày"),
            province=params.get("province", "").strip(),
            level=level,
            kind=kind,
            source=params.get("source", "").strip(),
            unit=params.get("unit", "").strip(),
            q=params.get("q", "").strip(),
        )
        if filters.date_from and filters.date_to and filters.date_from > filters.date_to:
            raise BadParameter("Khoảng ngày không hợp lệ: «Từ ngày» phải trước «Đến ngày».")
        if len(filters.q) > 200:
            raise BadParameter("Từ khóa quá dài (tối đa 200 ký tự).")
        return filters

    def params(self) -> dict[str, str]:
        """The non-empty filters as query-string parameters."""
        names = {"date_from": "from", "date_to": "to"}
        out = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if value:
                out[names.get(f.name, f.name)] = value.isoformat() if isinstance(value, date) else value
        return out

    def query_string(self, **extra: Any) -> str:
        return urlencode({**self.params(), **{k: v for k, v in extra.items() if v}})

    def where(self, con: duckdb.DuckDBPyConnection) -> tuple[str, dict[str, Any]]:
        """WHERE clause over ``v_highlights h`` and its named parameters (runs the keyword search, if any, once)."""
        clauses = ["TRUE"]
        params: dict[str, Any] = {}
        if self.date_from:
            clauses.append("h.date >= $date_from")
            params["date_from"] = self.date_from
        if self.date_to:
            clauses.append("h.date <= $date_to")
            params["date_to"] = self.date_to
        if self.province:
            clauses.append("(h.province = $province OR h.province_now = $province)")
            params["province"] = self.province
        for column in ("level", "kind", "source", "unit"):
            if getattr(self, column):
                clauses.append(f"h.{column} = ${column}")
                params[column] = getattr(self, column)
        search = SearchQuery.parse(self.q)
        if self.q and not search:
            raise BadParameter("Từ khóa không có chữ hay số nào để tìm.")
        if search:
            register_matches(con, search)
            clauses.append(f"h.article_id IN (SELECT article_id FROM {MATCHES})")
        return " AND ".join(clauses), params


MATCHES = "search_matches"


def register_matches(con: duckdb.DuckDBPyConnection, query: SearchQuery) -> int:
    """Run the search once and register its matches (``article_id, score``) as MATCHES; return their number."""
    sql, params = query.matches_sql()
    matches = con.sql(sql, params=params).to_arrow_table()
    con.register(MATCHES, matches)
    return matches.num_rows


# -- the feed -----------------------------------------------------------------------------

_FEED_COLUMNS = """h.article_id, h.kind, h.date, h.source, h.source_name, h.unit, h.level, h.province,
    h.province_now, h.label, h.item, h.value, h.currency, h.counted, h.sentence, h.item_start,
    h.item_end, h.item_start - h.item_start_in_sentence AS sentence_start, h.url, h.title"""


_ORDER = "h.date DESC, h.article_id, h.item_start, h.kind, h.item_end"
_KEY = ("article_id", "item_start", "kind", "item_end")
# The same columns as _FEED_COLUMNS, read from the base tables for a few articles (see feed).
_DETAIL_SQL = """
    SELECT h.article_id, h.kind, coalesce(a.published_at, a.fetched_at)::DATE AS date, a.source,
           coalesce(s.name, a.source) AS source_name, h.unit, h.level, h.province, h.province_now, h.label, h.item,
           h.value, h.currency, h.counted, h.sentence, h.item_start, h.item_end, h.sentence_start, a.url, a.title
    FROM (SELECT * FROM highlights WHERE article_id IN $ids) h
    JOIN (SELECT * FROM articles WHERE article_id IN $ids) a USING (article_id)
    LEFT JOIN sources s ON s.source = a.source"""


def feed(con: duckdb.DuckDBPyConnection, filters: Filters, page: int = 1, page_size: int = PAGE_SIZE
         ) -> tuple[list[dict[str, Any]], int]:
    """One page of highlights, newest first, and how many match in all.

    The page is found on the narrow sort key first; only its few articles are
    then read in full (titles, URLs, sentences), which keeps deep pages fast.
    """
    where, params = filters.where(con)
    total = con.execute(f"SELECT count(*) FROM v_highlights h WHERE {where}", params).fetchone()[0]
    keys = con.execute(
        f"""SELECT {", ".join("h." + k for k in _KEY)} FROM v_highlights h WHERE {where}
            ORDER BY {_ORDER} LIMIT $limit OFFSET $offset""",
        {**params, "limit": page_size, "offset": (page - 1) * page_size},
    ).fetchall()
    details = rows_of(con, _DETAIL_SQL, {"ids": sorted({k[0] for k in keys})}) if keys else []
    by_key = {tuple(d[k] for k in _KEY): d for d in details}
    rows = [by_key[key] for key in keys]
    add_sentence_marks(con, rows)
    return rows, total


def add_sentence_marks(con: duckdb.DuckDBPyConnection, rows: list[dict[str, Any]]) -> None:
    """Give each row ``marks``: its sentence with every highlight of that sentence marked, its own item first."""
    if not rows:
        return
    others = rows_of(
        con,
        """SELECT article_id, sentence_start, kind, label, item_start, item_end FROM highlights
           WHERE article_id IN $ids AND sentence_start IN $starts""",
        {"ids": sorted({r["article_id"] for r in rows}), "starts": sorted({r["sentence_start"] for r in rows})},
    )
    by_sentence: dict[tuple[int, int], list[dict[str, Any]]] = {}
    for other in others:
        by_sentence.setdefault((other["article_id"], other["sentence_start"]), []).append(other)
    for row in rows:
        spans = [
            Span(o["item_start"], o["item_end"], o["kind"], _span_title(o["kind"], o["label"]),
                 main=(o["item_start"], o["item_end"], o["kind"]) == (row["item_start"], row["item_end"], row["kind"]))
            for o in by_sentence.get((row["article_id"], row["sentence_start"]), [])
        ]
        row["marks"] = mark_tree(row["sentence"], spans, offset=row["sentence_start"])


def _span_title(kind: str, label: str | None) -> str:
    return f"{SPAN_LABELS[kind]}: {label}" if label else SPAN_LABELS[kind]


def export_rows(con: duckdb.DuckDBPyConnection, filters: Filters) -> list[dict[str, Any]]:
    where, params = filters.where(con)
    return rows_of(
        con,
        f"""SELECT {_FEED_COLUMNS} FROM v_highlights h WHERE {where}
            ORDER BY {_ORDER} LIMIT {EXPORT_LIMIT}""",
        params,
    )


@dataclass(frozen=True)
class Options:
    """Choices of the filter form, read from the data."""

    provinces_now: list[str]
    provinces_old: list[str]
    sources: list[tuple[str, str]]


def options(con: duckdb.DuckDBPyConnection) -> Options:
    now = [r[0] for r in con.execute(
        "SELECT DISTINCT province_now FROM highlights WHERE province_now IS NOT NULL ORDER BY 1").fetchall()]
    old = [r[0] for r in con.execute(
        "SELECT DISTINCT province FROM highlights WHERE province IS NOT NULL ORDER BY 1").fetchall()]
    sources = con.execute(
        """SELECT a.source, coalesce(any_value(s.name), a.source) FROM (SELECT DISTINCT source FROM articles) a
           LEFT JOIN sources s USING (source) GROUP BY a.source ORDER BY 2""").fetchall()
    return Options(now, [p for p in old if p not in set(now)], [(r[0], r[1]) for r in sources])


# -- monthly chart --------------------------------------------------------------------------


@dataclass(frozen=True)
class Bar:
    month: date
    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def monthly(con: duckdb.DuckDBPyConnection, filters: Filters, months: int = 24) -> list[Bar]:
    """Highlights per month and kind over the last ``months`` months that have data (gaps kept)."""
    where, params = filters.where(con)
    rows = con.execute(
        f"""SELECT date_trunc('month', h.date)::DATE AS month, h.kind, count(*) FROM v_highlights h
            WHERE {where} GROUP BY ALL ORDER BY month""",
        params,
    ).fetchall()
    if not rows:
        return []
    counts: dict[date, dict[str, int]] = {}
    for month, kind, n in rows:
        counts.setdefault(month, {})[kind] = n
    last = max(counts)
    first = max(min(counts), _add_months(last, -(months - 1)))
    bars = []
    month = first
    while month <= last:
        bars.append(Bar(month, counts.get(month, {})))
        month = _add_months(month, 1)
    return bars


def _add_months(day: date, n: int) -> date:
    index = day.year * 12 + day.month - 1 + n
    return date(index // 12, index % 12 + 1, 1)


# -- articles -------------------------------------------------------------------------------


def article(con: duckdb.DuckDBPyConnection, article_id: int) -> dict[str, Any] | None:
    found = rows_of(
        con,
        """SELECT a.article_id, a.url, a.source, coalesce(s.name, a.source) AS source_name, a.title,
                  a.published_at, a.byline, a.body
           FROM articles a LEFT JOIN sources s USING (source) WHERE a.article_id = $id""",
        {"id": article_id},
    )
    return found[0] if found else None


def article_extractions(con: duckdb.DuckDBPyConnection, article_id: int) -> list[dict[str, Any]]:
    """Every extraction of an article, in text order: kind, text, label, detail, offsets."""
    return rows_of(
        con,
        """SELECT * FROM (
             SELECT 'unit' AS kind, name AS label, coalesce(province, '') AS detail, start_char, end_char
               FROM units WHERE article_id = $id
             UNION ALL
             SELECT kind, text, coalesce(currency, unit, ''), start_char, end_char
               FROM amounts WHERE article_id = $id
             UNION ALL
             SELECT 'award', form, coalesce(awarder, ''), start_char, end_char FROM awards WHERE article_id = $id
             UNION ALL
             SELECT 'movement', name, coalesce(unit, ''), start_char, end_char FROM movements WHERE article_id = $id
             UNION ALL
             SELECT 'model', name, coalesce(unit, ''), start_char, end_char FROM models WHERE article_id = $id
           ) WHERE start_char IS NOT NULL ORDER BY start_char, end_char DESC""",
        {"id": article_id},
    )


def article_marks(body: str, extractions: list[dict[str, Any]]) -> list[Node]:
    spans = [Span(e["start_char"], e["end_char"], e["kind"], _span_title(e["kind"], e["label"]))
             for e in extractions if e["kind"] in SPAN_LABELS]
    return mark_tree(body, spans)


# -- search ---------------------------------------------------------------------------------


def search_articles(con: duckdb.DuckDBPyConnection, query: SearchQuery, page: int = 1,
                    page_size: int = PAGE_SIZE) -> tuple[list[dict[str, Any]], int]:
    """Articles matching the query, best first, with a snippet around the first match."""
    total = register_matches(con, query)
    ranked = con.execute(
        f"""SELECT m.article_id FROM {MATCHES} m JOIN articles a USING (article_id)
            ORDER BY m.score DESC, a.published_at DESC NULLS LAST, a.article_id LIMIT $limit OFFSET $offset""",
        {"limit": page_size, "offset": (page - 1) * page_size},
    ).fetchall()
    ids = [r[0] for r in ranked]
    details = rows_of(
        con,
        """SELECT a.article_id, a.title, a.url, a.published_at, a.source, coalesce(s.name, a.source) AS source_name,
                  a.body, (SELECT count(*) FROM highlights h WHERE h.article_id IN $ids AND h.article_id = a.article_id)
                  AS highlights
           FROM articles a LEFT JOIN sources s ON s.source = a.source WHERE a.article_id IN $ids""",
        {"ids": ids},
    ) if ids else []
    by_id = {d["article_id"]: d for d in details}
    rows = [by_id[i] for i in ids]
    for row in rows:
        body = row.pop("body")
        row["title_marks"] = mark_tree(row["title"] or "", [Span(a, b, "match") for a, b in query.spans(row["title"] or "")])
        row["snippet"] = snippet(body, query)
    return rows, total


def snippet(body: str, query: SearchQuery) -> list[Node]:
    """About SNIPPET_CHARS characters of the body around the first match, matches marked."""
    hits = query.spans(body)
    first = hits[0][0] if hits else 0
    start = max(0, first - SNIPPET_CHARS // 3)
    if start:
        space = body.find(" ", start)
        start = space + 1 if 0 <= space < first else start
    end = min(len(body), start + SNIPPET_CHARS)
    text = ("…" if start else "") + body[start:end].replace("\n", " ") + ("…" if end < len(body) else "")
    shift = start - (1 if start else 0)
    return mark_tree(text, [Span(a, b, "match") for a, b in hits if start <= a and b <= end], offset=shift)


# -- weekly digest --------------------------------------------------------------------------


def week_highlights(con: duckdb.DuckDBPyConnection, monday: date) -> list[dict[str, Any]]:
    """Every highlight of the ISO week starting ``monday``: awards first, biggest amounts first."""
    filters = Filters(date_from=monday, date_to=monday + timedelta(days=6))
    where, params = filters.where(con)
    rows = rows_of(
        con,
        f"""SELECT {_FEED_COLUMNS} FROM v_highlights h WHERE {where}
            ORDER BY list_position(['award', 'money', 'count', 'movement', 'model'], h.kind),
                     h.value DESC NULLS LAST, h.date DESC, h.article_id, h.item_start""",
        params,
    )
    add_sentence_marks(con, rows)
    return rows


def latest_week(con: duckdb.DuckDBPyConnection) -> date | None:
    """Monday of the newest week that has highlights."""
    last = con.execute("SELECT max(date) FROM v_highlights").fetchone()[0]
    return last - timedelta(days=last.weekday()) if last else None
