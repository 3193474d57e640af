"""The staff feed's cards as a derived table (``feed_cards``), kept with each extraction batch.

A card is the highlights of one sentence (``article_id, sentence_start``). The web page's
filters keep a card when one of its highlights passes: for a highlight, its kind, its unit's
province (as published and today), level and name, and for an award the provinces, levels
and names of its recipients, its awarder and its form family. ``feed_cards`` holds, per card,
the union of these values (one text per filter, ``|a|b|``: DuckDB tests a dictionary-compressed
text many times faster than a list) and, per highlight, the same values
(``items``), so that several filters are tested on one highlight. Reading it spares the
pages a grouping of every highlight joined to its article at each request.

:func:`update_feed` rewrites the cards of a batch of articles; the extraction calls it
through :func:`pipeline.derived.update_derived` inside the batch's transaction. Rows are
appended in batch order, newest articles last on a nightly run, so the table stays
roughly in date order and DuckDB's zone maps prune date ranges.
"""

from __future__ import annotations

from collections.abc import Sequence

import duckdb

REBUILD_STRETCH = 50_000
"""Articles per statement when every card is rewritten (at a million, 0.2 s and well under 512 MB each)."""

KINDS = ["award", "money", "count", "movement", "model"]
"""Order of the kinds: a card is charted under the first of its kinds."""

CARDS_SQL = """
    WITH aw AS (
        SELECT w.article_id, w.start_char,
               list_distinct(list(w.form_family)) AS families,
               flatten(list([r.province, r.province_now]) FILTER (WHERE r.article_id IS NOT NULL)) AS provinces,
               list(r.level) FILTER (WHERE r.article_id IS NOT NULL) AS levels,
               list_concat(list(r.recipient) FILTER (WHERE r.article_id IS NOT NULL),
                           list(w.awarder_unit) FILTER (WHERE r.article_id IS NOT NULL)) AS units
        FROM awards w LEFT JOIN award_recipients r ON r.article_id = w.article_id AND r.award_idx = w.idx
        WHERE {awards}
        GROUP BY w.article_id, w.start_char
    ),
    items AS (
        SELECT h.article_id, h.sentence_start, h.kind,
               list_sort(list_distinct(list_filter(list_concat([h.province, h.province_now], aw.provinces), lambda x: x IS NOT NULL)))
                 AS provinces,
               list_sort(list_distinct(list_filter(list_concat([h.level], aw.levels), lambda x: x IS NOT NULL))) AS levels,
               list_sort(list_distinct(list_filter(list_concat([h.unit], aw.units), lambda x: x IS NOT NULL))) AS units,
               list_sort(coalesce(aw.families, [])) AS families
        FROM highlights h
        LEFT JOIN aw ON h.kind = 'award' AND aw.article_id = h.article_id AND aw.start_char = h.item_start
        WHERE {highlights}
    )
    SELECT i.article_id, i.sentence_start, any_value(a.published_at)::DATE AS date, any_value(a.source) AS source,
           ($kinds)[min(list_position($kinds, i.kind))] AS first_kind,
           {kinds} AS kinds,
           {provinces} AS provinces,
           {levels} AS levels,
           {units} AS units,
           {families} AS families,
           list_sort(list({{'kind': i.kind, 'provinces': i.provinces, 'levels': i.levels, 'units': i.units,
                            'families': i.families}})) AS items
    FROM items i JOIN articles a USING (article_id)
    GROUP BY i.article_id, i.sentence_start"""


def as_text(values: str) -> str:
    """SQL of a sorted list of names as one text, ``|a|b|`` (``|`` in a name stored as ``¦``)."""
    return f"'|' || array_to_string(list_transform({values}, lambda x: replace(x, '|', '¦')), '|') || '|'"


def text_value(param: str) -> str:
    """SQL of what ``as_text`` holds for one name: ``|name|``."""
    return f"'|' || replace({param}, '|', '¦') || '|'"


_TEXTS = {"kinds": as_text("list_sort(list_distinct(list(i.kind)))"),
          **{name: as_text(f"list_sort(list_distinct(flatten(list(i.{name}))))")
             for name in ("provinces", "levels", "units", "families")}}


def cards_sql(article_ids: bool = True) -> str:
    """The cards' query, of the articles ``$ids`` or of every article."""
    if article_ids:
        return CARDS_SQL.format(awards="w.article_id IN $ids", highlights="h.article_id IN $ids", **_TEXTS)
    return CARDS_SQL.format(awards="TRUE", highlights="TRUE", **_TEXTS)


def update_feed(con: duckdb.DuckDBPyConnection, article_ids: Sequence[int], replaced: bool = False) -> None:
    """Rewrite the cards of these articles (``replaced``: some had cards before), in date order."""
    ids = list(article_ids)
    if not ids:
        return
    if replaced:
        con.execute("DELETE FROM feed_cards WHERE article_id IN $ids", {"ids": ids})
    con.execute(f"INSERT INTO feed_cards SELECT * FROM ({cards_sql()}) "
                "ORDER BY date NULLS FIRST, article_id, sentence_start", {"ids": ids, "kinds": KINDS})


def rebuild_feed(con: duckdb.DuckDBPyConnection) -> None:
    """Rewrite every card, in date order (after a bulk load; the batches keep it otherwise).

    Written in stretches of ``REBUILD_STRETCH`` articles taken in the cards' order, so the
    table ends in the same order as one statement would leave it: the cards of a million
    articles in one statement do not fit DuckDB's default ``memory_limit`` (512 MB).
    """
    con.execute("DELETE FROM feed_cards")
    ids = [row[0] for row in con.execute(
        "SELECT article_id FROM articles WHERE article_id IN (SELECT article_id FROM highlights) "
        "ORDER BY published_at::DATE NULLS FIRST, article_id").fetchall()]
    for start in range(0, len(ids), REBUILD_STRETCH):
        update_feed(con, ids[start:start + REBUILD_STRETCH])
