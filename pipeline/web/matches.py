"""A search run once per request: its matches registered on the connection for the page's queries."""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

import duckdb
import pyarrow as pa

from pipeline.search import SearchQuery, ranked_matches, registered

MATCHES = "search_matches"
WINDOW = "search_window"
NEWEST = "search_newest"


POSTINGS_LIMIT = 100_000
"""How far the articles of a search term are counted: beyond, the term is common."""
SEARCH_CAP = 2_000
"""A search whose rarest term is in more articles than this is ranked among its most recent matches only."""


@dataclass(frozen=True)
class Matches:
    count: int
    capped: bool  # only the most recent matches were registered: more articles match
    since: datetime | None = None  # when capped: every match was published then or later


def register_matches(con: duckdb.DuckDBPyConnection, query: SearchQuery, date_from: date | None = None,
                     date_to: date | None = None, cap: int = SEARCH_CAP) -> Matches:
    """Run the search once and register its matches (``article_id, score``) as MATCHES.

    Every match holds the query's rarest syllable, so only the articles of its postings are
    candidates (the word index is sorted by term: its row groups are found by their zone maps).
    When that term is in more than ``cap`` articles, the candidates are its most recent articles
    (published ``date_from`` .. ``date_to``, when given), about ``cap`` of them: the ranking
    favours recent articles. The matches are then said capped.

    (``con.sql`` refuses to run while a result of ``con.execute`` is unread: queries here fetch all.)"""
    done = _registered.get(con)
    if done is not None and done[0] == (query, date_from, date_to, cap):
        return done[1]
    matches = _register_matches(con, query, date_from, date_to, cap)
    _registered[con] = ((query, date_from, date_to, cap), matches)
    return matches


_registered: "weakref.WeakKeyDictionary[duckdb.DuckDBPyConnection, tuple[tuple, Matches]]" = weakref.WeakKeyDictionary()
"""The search last registered on each open connection (a page may filter twice with one query)."""


def _register_matches(con: duckdb.DuckDBPyConnection, query: SearchQuery, date_from: date | None,
                      date_to: date | None, cap: int) -> "Matches":
    # each term's articles, counted up to POSTINGS_LIMIT (a common term's are not all read)
    counts = " UNION ALL ".join(f"SELECT $t{i} AS term, count(*) FROM (SELECT 1 FROM search_terms WHERE term = $t{i} "
                                f"LIMIT {POSTINGS_LIMIT})" for i in range(len(query.syllables)))
    postings = dict(con.execute(counts, {f"t{i}": term for i, term in enumerate(query.syllables)}).fetchall())
    rarest = min(query.syllables, key=lambda term: (postings.get(term, 0), term))
    params: dict[str, Any] = {"rarest": rarest}
    candidates = "SELECT article_id FROM search_terms WHERE term = $rarest"
    if postings.get(rarest, 0) > cap:
        dated = ["published_at IS NOT NULL"]
        if date_from:
            dated.append("published_at >= $date_from")
            params["date_from"] = date_from
        if date_to:
            dated.append("published_at < $date_after")
            params["date_after"] = date_to + timedelta(days=1)
        in_range = " AND ".join(dated)
        dates = {k: v for k, v in params.items() if k != "rarest"}
        days = _days(con, in_range, dates)
        articles = sum(n for _, n in days)
        # the newest articles that hold about `cap` of the term's articles if it is spread evenly (twice
        # that many), widened until they hold `cap` of them
        common = postings[rarest] >= POSTINGS_LIMIT  # counted no further: taken as in every article
        newest = max(1, round(2 * cap * articles / (articles if common else postings[rarest])))
        while newest < articles:
            since = _nth_newest(con, in_range, dates, days, newest)
            found = _window(con, candidates, in_range, {**dates, "since": since}, rarest)
            if found.num_rows >= cap:  # ranked among these ids, read once (the window's query is not run twice)
                # registered as a table: a list parameter of 20,000 ids cost 45 ms of a 115 ms ranking at a million
                with registered(con, WINDOW, found):
                    matches = ranked_matches(con, query, f"SELECT article_id FROM {WINDOW}")
                con.register(MATCHES, matches)
                return Matches(matches.num_rows, True, since)
            newest *= 4
        params = {"rarest": rarest}
    matches = ranked_matches(con, query, candidates, params)
    con.register(MATCHES, matches)
    return Matches(matches.num_rows, False)


def _window(con: duckdb.DuckDBPyConnection, candidates: str, in_range: str, dates: dict[str, Any],
            rarest: str) -> pa.Table:
    """The candidates published ``in_range`` from ``$since`` on: the newest articles' ids read first and registered,
    then the rarest term's postings among them (13 ms at a million articles, where one query with the articles as a
    subquery built its join on the postings' side: 29 ms)."""
    newest = con.sql(f"SELECT article_id FROM articles WHERE {in_range} AND published_at >= $since",
                     params=dates).to_arrow_table()
    with registered(con, NEWEST, newest):
        return con.sql(f"{candidates} AND article_id IN (SELECT article_id FROM {NEWEST})",
                       params={"rarest": rarest}).to_arrow_table()


def _days(con: duckdb.DuckDBPyConnection, in_range: str, params: dict[str, Any]) -> list[tuple[date, int]]:
    """(day, articles published that day) of the articles ``in_range``, newest day first."""
    return con.execute(f"SELECT published_at::DATE AS day, count(*) FROM articles WHERE {in_range} "
                       "GROUP BY day ORDER BY day DESC", params).fetchall()


def _nth_newest(con: duckdb.DuckDBPyConnection, in_range: str, params: dict[str, Any],
                days: list[tuple[date, int]], n: int) -> datetime:
    """When the ``n``-th newest article ``in_range`` was published (1 <= n <= their count; ``days``: :func:`_days`).

    Found among the articles of its day only: the ``n`` newest of a million articles took a sort
    of ``n`` timestamps, up to 70 ms for a common search term's window."""
    newer = 0
    for day, count in days:
        if newer + count >= n:
            return con.execute(
                f"""SELECT min(published_at) FROM (SELECT published_at FROM articles
                    WHERE {in_range} AND published_at >= $day AND published_at < $next_day
                    ORDER BY published_at DESC LIMIT $k)""",
                {**params, "day": day, "next_day": day + timedelta(days=1), "k": n - newer}).fetchall()[0][0]
        newer += count
    raise ValueError(f"fewer than {n} articles")


def forget_matches(con: duckdb.DuckDBPyConnection) -> None:
    """Drop what :func:`register_matches` kept for this connection (when its request ends)."""
    _registered.pop(con, None)
