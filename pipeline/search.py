"""Accent-insensitive full-text search over the project's own word index.

DuckDB has no offline full-text extension here, so the extractor writes a word
index (table ``search_terms``) from underthesea's segmentation: for every
article, each distinct *folded* term with how often it occurs in the title and
in the body. Folding lower-cases, drops diacritics and maps đ to d, one
character for one character, so offsets found in a folded text also index the
original (used to highlight matches in snippets).

Both whole words ("lien doan") and their syllables ("lien", "doan") are terms:
a query matches an article when every syllable of the folded query is a term of
it (AND); adjacent query syllables that form one of the article's words rank it
higher, as do title hits and recency.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from extract.terms import SYLLABLE, fold, syllables

TITLE_WEIGHT = 3
"""A title hit counts as much as this many body hits."""
RECENCY_DAYS = 365.0
"""Ranking: an article this many days older needs e times as many hits to rank equal."""


@dataclass(frozen=True)
class SearchQuery:
    """A parsed query: the folded syllables every match must contain, and the words that rank."""

    text: str
    syllables: tuple[str, ...]
    words: tuple[str, ...]

    @classmethod
    def parse(cls, text: str) -> "SearchQuery":
        parts = list(dict.fromkeys(syllables(text)))
        ordered = syllables(text)
        words = tuple(dict.fromkeys(f"{a} {b}" for a, b in zip(ordered, ordered[1:]) if a != b))
        return cls(text, tuple(parts), words)

    def __bool__(self) -> bool:
        return bool(self.syllables)

    def matches_sql(self) -> tuple[str, dict[str, Any]]:
        """A query of the matching articles (``article_id, score``) and its named parameters.

        ``score`` = ln(1 + hits + 3 x word hits) - age in days / RECENCY_DAYS, where
        hits sums body hits and weighted title hits of the query's syllables.
        The query's terms are joined (a hash join) rather than tested with IN.
        """
        sql = f"""
            SELECT m.article_id,
                   ln(1 + m.hits + 3 * m.word_hits)
                     - coalesce(date_diff('day', a.published_at, current_timestamp::TIMESTAMP), 3650)
                       / {RECENCY_DAYS} AS score
            FROM (
                SELECT t.article_id,
                       sum(t.body_hits + {TITLE_WEIGHT} * t.title_hits) FILTER (WHERE q.syllable) AS hits,
                       count(*) FILTER (WHERE NOT q.syllable) AS word_hits
                FROM search_terms t
                JOIN (SELECT unnest($syllables) AS term, TRUE AS syllable
                      UNION ALL SELECT unnest($words), FALSE) q USING (term)
                GROUP BY t.article_id
                HAVING count(*) FILTER (WHERE q.syllable) = $n
            ) m JOIN articles a USING (article_id)"""
        params = {"syllables": list(self.syllables), "words": list(self.words), "n": len(self.syllables)}
        return sql, params

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Character spans of ``text`` where a query syllable occurs as a whole syllable."""
        wanted = set(self.syllables)
        return [(m.start(), m.end()) for m in SYLLABLE.finditer(fold(text)) if m.group() in wanted]


def _in_transaction(con: Any, statements: list[str], params: list[Any] | None = None) -> None:
    """Run the statements in one transaction; ``params`` go to those that use ``$1``."""
    con.execute("BEGIN TRANSACTION")
    try:
        for sql in statements:
            con.execute(sql, params if "$1" in sql else [])
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise


def compact_index(con: Any) -> None:
    """Rewrite the whole of ``search_terms`` ordered by term, in one transaction.

    Extraction appends the index batch by batch, so every row group holds every
    term and a search scans the whole table. Ordered by term, DuckDB's min/max
    zone maps let a search read only the row groups of its terms (about 10x
    faster on 50,000 articles). It costs a rewrite of the whole index: run after
    ``extract --all`` (which rebuilds the index anyway), not every night; a
    nightly run sorts only its own rows (:func:`sort_appended_terms`).
    """
    _in_transaction(con, [
        "CREATE TEMP TABLE search_terms_sorted AS SELECT * FROM search_terms ORDER BY term, article_id",
        "DELETE FROM search_terms",
        "INSERT INTO search_terms SELECT * FROM search_terms_sorted",
        "DROP TABLE search_terms_sorted",
    ])


def sort_appended_terms(con: Any, from_rowid: int) -> None:
    """Sort the index rows appended since ``from_rowid`` (one run's rows) by term, in one transaction.

    The cost is that of the run's own rows: rowid ranges are read without scanning
    older row groups. Each run then adds one sorted stretch of row groups; a search
    reads of it only the row groups whose term range holds its terms (about one per
    night of 500 articles). ``compact_index`` merges the stretches when they add up.
    """
    _in_transaction(con, [
        "CREATE TEMP TABLE search_terms_sorted AS SELECT * FROM search_terms WHERE rowid >= $1 ORDER BY term, article_id",
        "DELETE FROM search_terms WHERE rowid >= $1",
        "INSERT INTO search_terms SELECT * FROM search_terms_sorted",
        "DROP TABLE search_terms_sorted",
    ], [from_rowid])
