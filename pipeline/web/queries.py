"""Every query the staff pages run: parameterised and read-only.

What staff see is a *card* per statement: the highlights of one sentence
(``article_id, sentence_start``) together, kept when one of its items passes the
filters (:mod:`pipeline.web.filters`). Articles without a publication date are left
out of the feed, the charts, the digest and every date filter; they are counted and
listed apart (``undated``). Connections: :mod:`pipeline.web.readers`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

import duckdb

from extract.gazetteer import gazetteer
from pipeline.search import SearchQuery
from pipeline.web import params as p
from pipeline.web.collation import collation_key, vn_sorted
from pipeline.web.filters import Filters
from pipeline.web.lookups import ArticleIds
from pipeline.web.marks import Node, Span, mark_tree
from pipeline.web.matches import MATCHES, register_matches
from pipeline.web.readers import rows_of
from pipeline.web.templating import COUNT_CAP, KIND_LABELS, SPAN_LABELS

PAGE_SIZE = 30
SNIPPET_CHARS = 240
CHART_MONTHS = 60
"""The chart shows every month with data up to this many; beyond, the latest ones and says so."""
EXPORT_BATCH = 5_000


# -- the feed: one card per statement ---------------------------------------------------------

HIGHLIGHTS = "(SELECT h.*, a.published_at::DATE AS date, a.source FROM highlights h JOIN articles a USING (article_id))"
"""What filters read: the highlights with their article's date (NULL when undated) and source; lighter than
v_highlights, which also joins the sources for their names."""

_CARD_ORDER = "date DESC NULLS LAST, article_id, sentence_start"


def count_cards(con: duckdb.DuckDBPyConnection, where: str, params: dict[str, Any], cap: int | None = COUNT_CAP) -> int:
    """Cards passing ``where`` (a :meth:`Filters.card_where` clause), counted up to ``cap`` + 1 (None: all)."""
    limit = "" if cap is None else f" LIMIT {int(cap) + 1}"
    return con.execute(f"SELECT count(*) FROM (SELECT 1 FROM feed_cards c WHERE {where}{limit})",
                       params).fetchall()[0][0]


def feed(con: duckdb.DuckDBPyConnection, filters: Filters, page: int = 1, page_size: int = PAGE_SIZE,
         counted: int | None = None) -> tuple[list[dict[str, Any]], int]:
    """One page of cards, newest first, and how many cards match in all (up to COUNT_CAP + 1; ``counted``:
    all of them, when the caller has counted them already, as the chart of the same filters does).

    The page is found on the derived card table (``feed_cards``, one narrow row per card); only
    its few articles are then read in full (titles, URLs, sentences, awards).
    """
    where, params = filters.card_where(con)
    keys = con.execute(
        f"""SELECT c.article_id, c.sentence_start FROM feed_cards c WHERE {where}
            ORDER BY {_CARD_ORDER} LIMIT $limit OFFSET $offset""",
        {**params, "limit": page_size, "offset": (page - 1) * page_size},
    ).fetchall()
    total = count_cards(con, where, params) if counted is None else min(counted, COUNT_CAP + 1)
    return cards(con, [(k[0], k[1]) for k in keys]), total


def undated_count(con: duckdb.DuckDBPyConnection, filters: Filters) -> int:
    """Cards the filters would show if their articles had a date (counted apart, listed with ``undated``)."""
    where, params = replace(filters, date_from=None, date_to=None, undated=True).card_where(con)
    return count_cards(con, where, params)


def _card_items_sql(ids: ArticleIds) -> str:
    """Every highlight of these articles with its article's columns, in text order."""
    return f"""
    SELECT h.article_id, h.sentence_start, h.kind, h.label, h.item, h.value, h.currency, h.counted, m.per, h.unit,
           h.level, h.province, h.province_now, h.sentence, h.item_start, h.item_end, a.published_at::DATE AS date,
           a.source, coalesce(s.name, a.source) AS source_name, a.url, a.title
    FROM {ids.looked_up("highlights")} h
    JOIN {ids.listed("articles", "article_id, published_at, source, url, title")} a USING (article_id)
    LEFT JOIN (SELECT article_id, start_char, kind, any_value(per) AS per
               FROM {ids.looked_up("amounts", "article_id, start_char, kind, per")}
               GROUP BY ALL) m ON m.article_id = h.article_id AND m.start_char = h.item_start AND m.kind = h.kind
    LEFT JOIN sources s ON s.source = a.source
    ORDER BY h.article_id, h.item_start, h.item_end DESC"""


def award_details(con: duckdb.DuckDBPyConnection, ids: ArticleIds) -> dict[tuple[int, int], dict[str, Any]]:
    """(article_id, start_char) -> the award there: form, family, awarder, recipients, count, occasion."""
    sql = f"""
        SELECT w.article_id, w.start_char, w.form, w.form_family, w.awarder, w.awarder_unit, w.awarder_level,
               w.recipient_count, w.occasion,
               list({{'name': r.recipient, 'type': r.recipient_type, 'count': r.count, 'level': r.level,
                     'province': r.province}} ORDER BY r.recipient_idx) FILTER (WHERE r.recipient IS NOT NULL)
                 AS recipients
        FROM {ids.listed("awards")} w
        LEFT JOIN {ids.listed("award_recipients")} r ON r.article_id = w.article_id AND r.award_idx = w.idx
        GROUP BY ALL"""
    rows = rows_of(con, sql, ids.params(sql))
    return {(r["article_id"], r["start_char"]): r for r in rows}


def cards(con: duckdb.DuckDBPyConnection, keys: list[tuple[int, int]], marked: bool = True) -> list[dict[str, Any]]:
    """The cards of these (article_id, sentence_start) keys, in that order, every item of the sentence marked
    (unless not ``marked``: :func:`mark_card` then marks the cards shown)."""
    if not keys:
        return []
    ids = ArticleIds.of(k[0] for k in keys)
    wanted = set(keys)
    items: dict[tuple[int, int], list[dict[str, Any]]] = {}
    sql = _card_items_sql(ids)
    for row in rows_of(con, sql, ids.params(sql)):
        key = (row["article_id"], row["sentence_start"])
        if key in wanted:
            items.setdefault(key, []).append(row)
    awarded = ArticleIds.of(key[0] for key, rows in items.items() if any(r["kind"] == "award" for r in rows))
    awards = award_details(con, awarded) if awarded.ids else {}
    out = []
    for key in keys:
        rows = items.get(key)
        if not rows:
            continue
        for row in rows:
            row["award"] = awards.get((row["article_id"], row["item_start"])) if row["kind"] == "award" else None
        first = rows[0]
        places = list(dict.fromkeys((r["unit"], r["province"], r["province_now"]) for r in rows
                                    if r["unit"] or r["province"]))
        card = {
            "article_id": first["article_id"], "sentence_start": first["sentence_start"], "date": first["date"],
            "source": first["source"], "source_name": first["source_name"], "url": first["url"],
            "title": first["title"], "sentence": first["sentence"],
            "entries": rows, "kinds": list(dict.fromkeys(r["kind"] for r in rows)), "places": places,
        }
        out.append(mark_card(card) if marked else card)
    return out


def mark_card(card: dict[str, Any]) -> dict[str, Any]:
    """The card with its sentence marked (``marks``): every item of it."""
    spans = [Span(r["item_start"], r["item_end"], r["kind"], _span_title(r["kind"], r["label"]), main=True)
             for r in card["entries"]]
    card["marks"] = mark_tree(card["sentence"], spans, offset=card["sentence_start"])
    return card


def _span_title(kind: str, label: str | None) -> str:
    return f"{SPAN_LABELS[kind]}: {label}" if label else SPAN_LABELS[kind]


# -- downloads ----------------------------------------------------------------------------------

HIGHLIGHT_EXPORT_SQL = """
    SELECT h.date, h.kind, h.label, h.sentence, h.unit, h.level, h.province, h.province_now, h.value, h.currency,
           h.counted, w.form_family, w.awarder, w.awarder_level, rr.recipients, w.recipient_count, w.occasion,
           h.source_name, h.title, h.url
    FROM v_highlights h
    LEFT JOIN awards w ON h.kind = 'award' AND w.article_id = h.article_id AND w.start_char = h.item_start
    LEFT JOIN (SELECT article_id, award_idx, string_agg(recipient, '; ' ORDER BY recipient_idx) AS recipients
               FROM award_recipients WHERE article_id IN (SELECT article_id FROM keep)
               GROUP BY ALL) rr ON rr.article_id = w.article_id AND rr.award_idx = w.idx
    WHERE h.article_id IN (SELECT article_id FROM keep) AND {where}
    ORDER BY h.date DESC NULLS LAST, h.article_id, h.item_start, h.kind"""


def export_rows(con: duckdb.DuckDBPyConnection, filters: Filters) -> Iterator[dict[str, Any]]:
    """Every highlight the filters keep, with the award columns, a batch at a time (no cap).

    The articles with a card that passes the filters are found first (``feed_cards``, dates
    pruned); only their rows are then read."""
    where, params = filters.where(con, within="keep")
    cards, card_params = replace(filters, q="").card_where(con)
    keep = f"SELECT DISTINCT c.article_id FROM feed_cards c WHERE {cards}"
    yield from _stream(con, f"WITH keep AS ({keep}) " + HIGHLIGHT_EXPORT_SQL.format(where=where),
                       {**card_params, **params})


def _stream(con: duckdb.DuckDBPyConnection, sql: str, params: dict[str, Any]) -> Iterator[dict[str, Any]]:
    cursor = con.execute(sql, params)
    names = [d[0] for d in cursor.description]
    while batch := cursor.fetchmany(EXPORT_BATCH):
        for row in batch:
            yield dict(zip(names, row))


# -- awards -------------------------------------------------------------------------------------

_AWARDS_FROM = """
    FROM award_recipients r
    JOIN awards w ON w.article_id = r.article_id AND w.idx = r.award_idx
    JOIN articles a ON a.article_id = r.article_id
    LEFT JOIN sources s ON s.source = a.source"""


def award_where(filters: Filters) -> tuple[str, dict[str, Any]]:
    """WHERE clause over award recipients ``r``, awards ``w`` and articles ``a`` (recipient level and province)."""
    clauses, params = filters.date_clauses("a.published_at", timestamp=True)
    if filters.province:
        clauses.append("(r.province = $province OR r.province_now = $province)")
        params["province"] = filters.province
    if filters.unit:
        clauses.append("(r.recipient = $unit OR w.awarder_unit = $unit)")
        params["unit"] = filters.unit
    for name, column in (("level", "r.level"), ("family", "w.form_family"), ("source", "a.source")):
        if getattr(filters, name):
            clauses.append(f"{column} = ${name}")
            params[name] = getattr(filters, name)
    return " AND ".join(clauses), params


AWARD_COLUMNS = """a.published_at::DATE AS date, w.form, w.form_family, r.recipient, r.recipient_type, r.count,
    r.level, r.province, r.province_now, w.awarder, w.awarder_unit, w.awarder_level, w.occasion, w.recipient_count,
    coalesce(s.name, a.source) AS source_name, a.title, a.url, a.article_id"""
_AWARD_ORDER = "a.published_at DESC NULLS LAST, a.article_id, r.award_idx, r.recipient_idx"


def award_rows(con: duckdb.DuckDBPyConnection, filters: Filters, page: int = 1, page_size: int = PAGE_SIZE
               ) -> tuple[list[dict[str, Any]], int]:
    """One page of award recipients, newest first, and how many match."""
    where, params = award_where(filters)
    total = con.execute(f"SELECT count(*) {_AWARDS_FROM} WHERE {where}", params).fetchall()[0][0]
    rows = rows_of(con, f"SELECT {AWARD_COLUMNS} {_AWARDS_FROM} WHERE {where} ORDER BY {_AWARD_ORDER} "
                        "LIMIT $limit OFFSET $offset",
                   {**params, "limit": page_size, "offset": (page - 1) * page_size})
    return rows, total


def award_export_rows(con: duckdb.DuckDBPyConnection, filters: Filters) -> Iterator[dict[str, Any]]:
    where, params = award_where(filters)
    yield from _stream(con, f"SELECT {AWARD_COLUMNS} {_AWARDS_FROM} WHERE {where} ORDER BY {_AWARD_ORDER}", params)


def award_totals(con: duckdb.DuckDBPyConnection, filters: Filters, limit: int = 50) -> list[dict[str, Any]]:
    """Per recipient unit: awards received under the filters, most first (ties in Vietnamese order)."""
    where, params = award_where(filters)
    rows = rows_of(con, f"""SELECT r.recipient AS unit, any_value(r.level) AS level, any_value(r.province) AS province,
                                   count(*) AS awards, count(DISTINCT w.form_family) AS families,
                                   string_agg(DISTINCT w.form_family, ', ') AS forms
                            {_AWARDS_FROM} WHERE {where} AND r.recipient_type = 'unit'
                            GROUP BY r.recipient ORDER BY awards DESC LIMIT {limit * 4}""", params)
    return sorted(rows, key=lambda r: (-r["awards"], collation_key(r["unit"])))[:limit]


# -- filter choices, provinces --------------------------------------------------------------------


@dataclass(frozen=True)
class Options:
    """Choices of the filter form, read from the data, in Vietnamese order."""

    provinces_now: list[str]
    provinces_old: list[str]
    sources: list[tuple[str, str]]

    @property
    def provinces(self) -> list[str]:
        return [*self.provinces_now, *self.provinces_old]


def province_names(options: Options) -> list[str]:
    """Every province name a filter may mean: those of the data, then the gazetteer's (old and today's)."""
    gaz = gazetteer()
    return [*options.provinces, *gaz.new, *gaz.old]


def options(con: duckdb.DuckDBPyConnection) -> Options:
    now = [r[0] for r in con.execute(
        """SELECT province_now FROM highlights WHERE province_now IS NOT NULL
           UNION SELECT province_now FROM award_recipients WHERE province_now IS NOT NULL""").fetchall()]
    old = [r[0] for r in con.execute(
        """SELECT province FROM highlights WHERE province IS NOT NULL
           UNION SELECT province FROM award_recipients WHERE province IS NOT NULL""").fetchall()]
    sources = con.execute(
        """SELECT a.source, coalesce(any_value(s.name), a.source) FROM (SELECT DISTINCT source FROM articles) a
           LEFT JOIN sources s USING (source) GROUP BY a.source""").fetchall()
    return Options(vn_sorted(now), vn_sorted(p for p in set(old) - set(now)),
                   sorted(((r[0], r[1]) for r in sources), key=lambda s: collation_key(s[1])))


def province_counts(con: duckdb.DuckDBPyConnection) -> tuple[dict[str, int], dict[str, int]]:
    """Dated cards per province as named at publication, and per province today."""
    counts = []
    for column in ("province", "province_now"):
        rows = con.execute(f"""SELECT {column}, count(DISTINCT (article_id, sentence_start)) FROM v_highlights
                               WHERE {column} IS NOT NULL AND date IS NOT NULL GROUP BY 1""").fetchall()
        counts.append(dict(rows))
    return counts[0], counts[1]


# -- monthly chart --------------------------------------------------------------------------


@dataclass(frozen=True)
class Bar:
    month: date
    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True)
class Months:
    """The chart's bars and what they leave out: older months beyond the window, future dates."""

    bars: list[Bar]
    first_with_data: date | None
    older: int  # cards before the first bar
    future: int  # cards dated after the current month (wrong dates on the site)

    @property
    def total(self) -> int:
        return sum(b.total for b in self.bars)

    @property
    def windowed(self) -> bool:
        return self.older > 0

    @property
    def cards(self) -> int:
        """Every dated card counted: in the bars, before them and after the current month."""
        return self.total + self.older + self.future


def monthly(con: duckdb.DuckDBPyConnection, filters: Filters, today: date | None = None,
            months: int = CHART_MONTHS) -> Months:
    """Cards per month and kind from the first month with data to the current month at most."""
    today = today or date.today()
    this_month = today.replace(day=1)
    counts: dict[date, dict[str, int]] = {}
    future = 0
    for month, kind, n in _month_kinds(con, filters):
        if month > this_month:
            future += n
            continue
        counts.setdefault(month, {})
        counts[month][kind] = counts[month].get(kind, 0) + n
    if not counts:
        return Months([], None, 0, future)
    last = max(counts)
    first = max(min(counts), p.add_months(last, -(months - 1)))
    older = sum(n for m, c in counts.items() if m < first for n in c.values())
    bars = []
    month = first
    while month <= last:
        bars.append(Bar(month, counts.get(month, {})))
        month = p.add_months(month, 1)
    return Months(bars, min(counts), older, future)


_MONTH = "date_trunc('month', c.date)::DATE"
_ONE_KIND = "coalesce(c.kinds = '|' || c.first_kind || '|', FALSE)"


def _month_kinds(con: duckdb.DuckDBPyConnection, filters: Filters) -> list[tuple[date, str | None, int]]:
    """(month, kind, cards) of the dated cards the filters keep; a month and kind may come twice (to be added).

    Each card counts once, under its first kind in KIND_LABELS order among its highlights that pass the
    filters, so bars add up to the card count. That is its ``first_kind`` when every highlight passes (no
    highlight filter) or when its highlights are of one kind: only the others' highlights (``items``, a
    column costly to read, over 100 ms at a million cards even when no row needs it) are then read.
    """
    where, params = replace(filters, undated=False).card_where(con)
    passing = " AND ".join(item for _, _, item in filters.item_conditions())
    plain = _ONE_KIND if passing else "TRUE"
    rows = con.execute(f"""SELECT {_MONTH}, {plain}, c.first_kind, count(*)
                           FROM feed_cards c WHERE {where} GROUP BY ALL""", params).fetchall()
    counted = [(month, kind, n) for month, is_plain, kind, n in rows if is_plain]
    if len(counted) == len(rows):
        return counted
    mixed = con.execute(
        f"""SELECT {_MONTH}, ($kinds)[list_min(list_transform(list_filter(c.items, lambda x: {passing}),
                                                              lambda x: list_position($kinds, x.kind)))], count(*)
            FROM feed_cards c WHERE {where} AND NOT {plain} GROUP BY ALL""",
        {**params, "kinds": list(KIND_LABELS)}).fetchall()
    return counted + mixed


# -- articles -------------------------------------------------------------------------------


def article(con: duckdb.DuckDBPyConnection, article_id: int) -> dict[str, Any] | None:
    found = rows_of(
        con,
        """SELECT a.article_id, a.url, a.source, coalesce(s.name, a.source) AS source_name, a.title,
                  a.published_at, a.fetched_at, a.byline, a.body
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
             SELECT 'award', w.form, concat_ws(' → ', w.awarder, string_agg(r.recipient, ', ' ORDER BY r.recipient_idx)),
                    w.start_char, w.end_char
               FROM awards w LEFT JOIN award_recipients r ON r.article_id = w.article_id AND r.award_idx = w.idx
               WHERE w.article_id = $id GROUP BY w.form, w.awarder, w.start_char, w.end_char
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
                    page_size: int = PAGE_SIZE, filters: Filters | None = None) -> tuple[list[dict[str, Any]], int, bool]:
    """Articles matching the query (and the feed's filters), best first, with a snippet around the first match;
    how many match; whether the search was capped (:func:`register_matches`: more match than counted)."""
    filters = replace(filters or Filters(), q="")
    matched = register_matches(con, query, filters.date_from, filters.date_to)
    # Without a date filter the search finds undated articles too.
    clauses, params = (filters.date_clauses("a.published_at", timestamp=True) if filters.dated or filters.undated
                       else (["TRUE"], {}))
    if filters.source:
        clauses.append("a.source = $source")
        params["source"] = filters.source
    if any((filters.province, filters.level, filters.kind, filters.family, filters.unit)):
        where, item_params = filters.card_where(con, dates=False)
        clauses.append(f"a.article_id IN (SELECT c.article_id FROM feed_cards c WHERE {where})")
        params.update(item_params)
    condition = " AND ".join(clauses)
    total = con.execute(f"SELECT count(*) FROM {MATCHES} m JOIN articles a USING (article_id) WHERE {condition}",
                        params).fetchall()[0][0]
    ranked = con.execute(
        f"""SELECT m.article_id FROM {MATCHES} m JOIN articles a USING (article_id) WHERE {condition}
            ORDER BY m.score DESC, a.published_at DESC NULLS LAST, a.article_id LIMIT $limit OFFSET $offset""",
        {**params, "limit": page_size, "offset": (page - 1) * page_size},
    ).fetchall()
    ids = [r[0] for r in ranked]
    by_id = {d["article_id"]: d for d in _search_details(con, ArticleIds.of(ids))} if ids else {}
    rows = [by_id[i] for i in ids]
    for row in rows:
        body = row.pop("body")
        row["title_marks"] = mark_tree(row["title"] or "", [Span(a, b, "match") for a, b in query.spans(row["title"] or "")])
        row["snippet"] = snippet(body, query)
    return rows, total, matched.capped


def _search_details(con: duckdb.DuckDBPyConnection, ids: ArticleIds) -> list[dict[str, Any]]:
    """What the search page shows of these articles, their cards counted (``highlights``), the body to cut."""
    sql = f"""SELECT a.article_id, a.title, a.url, a.published_at, a.source, coalesce(s.name, a.source) AS source_name,
                   a.body, coalesce(h.cards, 0) AS highlights
            FROM {ids.listed("articles", "article_id, title, url, published_at, source, body")} a
            LEFT JOIN sources s ON s.source = a.source
            LEFT JOIN (SELECT article_id, count(DISTINCT sentence_start) AS cards
                       FROM {ids.looked_up("highlights", "article_id, sentence_start")} GROUP BY article_id) h
              ON h.article_id = a.article_id"""
    return rows_of(con, sql, ids.params(sql))


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


# -- periods (digest) -----------------------------------------------------------------------


def period_cards(con: duckdb.DuckDBPyConnection, start: date, end: date, province: str = "",
                 marked: bool = True) -> list[dict[str, Any]]:
    """Every card dated ``start`` .. ``end`` (of a province, when given), newest first."""
    where, params = Filters(date_from=start, date_to=end, province=province).card_where(con)
    keys = con.execute(f"""SELECT c.article_id, c.sentence_start FROM feed_cards c
                           WHERE {where} ORDER BY {_CARD_ORDER}""", params).fetchall()
    return cards(con, [(k[0], k[1]) for k in keys], marked)


def week_highlights(con: duckdb.DuckDBPyConnection, monday: date) -> list[dict[str, Any]]:
    """The cards of the ISO week starting ``monday``."""
    return period_cards(con, monday, monday + timedelta(days=6))


def latest_week(con: duckdb.DuckDBPyConnection, today: date | None = None) -> date | None:
    """Monday of the newest week, not after today, that has dated highlights."""
    last = con.execute("SELECT max(date) FROM feed_cards WHERE date <= $today",
                       {"today": today or date.today()}).fetchall()[0][0]
    return last - timedelta(days=last.weekday()) if last else None
